using TrustChain.Consensus.Validators;
using TrustChain.Core;

namespace TrustChain.Consensus.Tests;

public class ValidatorSetTests
{
    // CometBFT types/validator_set_test.go TestProposerSelection1: NewValidatorSet(foo 1000, bar 300, baz 330),
    // then 99 × (GetProposer; IncrementProposerPriority(1)).
    private const string CometSelection1 =
        "foo baz foo bar foo foo baz foo bar foo foo baz foo foo bar foo baz foo foo bar foo foo baz foo bar foo foo baz foo bar "
        + "foo foo baz foo foo bar foo baz foo foo bar foo baz foo foo bar foo baz foo foo bar foo baz foo foo foo baz bar foo foo "
        + "foo baz foo bar foo foo baz foo bar foo foo baz foo bar foo foo baz foo bar foo foo baz foo foo bar foo baz foo foo bar "
        + "foo baz foo foo bar foo baz foo foo";

    [Test]
    public void Proposer_sequence_matches_CometBFT_vector()
    {
        ValidatorSet set = ValidatorSet.CreateGenesis([Named("foo", 1000), Named("bar", 300), Named("baz", 330)]);
        List<string> proposers = [];
        for (int i = 0; i < 99; i++)
        {
            proposers.Add(NameOf(set.Proposer.Address));
            set.IncrementProposerPriority(1);
        }

        Assert.That(string.Join(' ', proposers), Is.EqualTo(CometSelection1));
    }

    [Test]
    public void Equal_power_rotates_in_address_order()
    {
        ValidatorSet set = ValidatorSet.CreateGenesis([Named("foo", 1000), Named("baz", 1000), Named("bar", 1000)]);
        List<string> proposers = [];
        for (int i = 0; i < 6; i++)
        {
            proposers.Add(NameOf(set.Proposer.Address));
            set.IncrementProposerPriority(1);
        }

        Assert.That(proposers, Is.EqualTo(new[] { "bar", "baz", "foo", "bar", "baz", "foo" }));
    }

    [Test]
    public void Hand_computed_sequence_for_powers_one_and_two()
    {
        // Priorities (A,B): (0,0) → +(1,2) = (1,2), B pays 3 → (1,−1) | (2,1) A → (−1,1) | (0,3) B → (0,0) | repeat.
        ValidatorSet set = ValidatorSet.CreateGenesis([Named("aaa", 1), Named("bbb", 2)]);
        List<string> proposers = [];
        for (int i = 0; i < 6; i++)
        {
            proposers.Add(NameOf(set.Proposer.Address));
            set.IncrementProposerPriority(1);
        }

        Assert.That(proposers, Is.EqualTo(new[] { "bbb", "aaa", "bbb", "bbb", "aaa", "bbb" }));
    }

    [TestCase(100, 66, false, 33, false)]
    [TestCase(100, 67, true, 34, true)]
    [TestCase(3, 2, false, 1, false)]
    [TestCase(3, 3, true, 2, true)]
    [TestCase(4, 3, true, 2, true)]
    public void Thresholds_are_strict_integer_fractions(long total, long quorumPower, bool isQuorum, long thirdPower, bool isOneThirdPlus)
    {
        ValidatorSet set = new([Named("aaa", total)]);
        Assert.That(set.HasTwoThirdsMajority(quorumPower), Is.EqualTo(isQuorum));
        Assert.That(set.HasOneThirdPlus(thirdPower), Is.EqualTo(isOneThirdPlus));
    }

    [Test]
    public void Round_proposer_equals_incrementing_a_copy_and_leaves_the_set_untouched()
    {
        ValidatorSet set = ValidatorSet.CreateGenesis([Named("foo", 1000), Named("bar", 300), Named("baz", 330)]);
        Address round0 = set.Proposer.Address;
        for (int round = 1; round < 10; round++)
        {
            ValidatorSet copy = set.Copy();
            copy.IncrementProposerPriority(round);
            Assert.That(set.GetProposerForRound(round), Is.EqualTo(copy.Proposer.Address));
        }

        Assert.That(set.Proposer.Address, Is.EqualTo(round0));
    }

    [Test]
    public void Hash_depends_on_members_and_power_not_on_input_order_or_priorities()
    {
        ValidatorSet a = new([Named("foo", 10), Named("bar", 20)]);
        ValidatorSet b = new([Named("bar", 20), Named("foo", 10)]);
        ValidatorSet c = new([Named("bar", 20), Named("foo", 11)]);
        Hash256 before = a.Hash;
        a.IncrementProposerPriority(3);
        Assert.That(b.Hash, Is.EqualTo(before));
        Assert.That(new ValidatorSet(a.Validators).Hash, Is.EqualTo(before));
        Assert.That(c.Hash, Is.Not.EqualTo(before));
    }

    [Test]
    public void Static_provider_is_deterministic_across_instances_and_query_orders()
    {
        Validator[] genesis = [Named("foo", 5), Named("bar", 7), Named("baz", 11)];
        StaticValidatorSetProvider first = new(genesis);
        StaticValidatorSetProvider second = new(genesis);
        List<Address> forward = [];
        for (ulong h = 1; h <= 30; h++)
        {
            forward.Add(first.GetValidatorSet(h).Proposer.Address);
        }

        for (ulong h = 30; h >= 1; h--)
        {
            Assert.That(second.GetValidatorSet(h).Proposer.Address, Is.EqualTo(forward[(int)h - 1]));
        }
    }

    [Test]
    public void Invalid_sets_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => _ = new ValidatorSet([]));
        Assert.Throws<ArgumentException>(() => _ = new ValidatorSet([Named("foo", 1), Named("foo", 2)]));
        Assert.Throws<ArgumentException>(() => _ = new ValidatorSet([Named("foo", ValidatorSet.MaxTotalVotingPower), Named("bar", 1)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = Named("foo", 0));
        Assert.Throws<ArgumentException>(() => _ = new Validator(Address.Zero, new byte[10], 1));
    }

    private static Validator Named(string name, long power)
    {
        byte[] address = new byte[Address.Length];
        System.Text.Encoding.ASCII.GetBytes(name).CopyTo(address, 0);
        return new Validator(new Address(address), new byte[33], power);
    }

    private static string NameOf(Address address) => System.Text.Encoding.ASCII.GetString(address.Bytes[..3]);
}
