using TrustChain.Consensus.Evidence;
using TrustChain.Consensus.Tendermint;
using TrustChain.Core;
using TrustChain.Core.Consensus;
using TrustChain.Core.Crypto;
using static TrustChain.Consensus.Tests.Evidence.EvidenceTestKit;

namespace TrustChain.Consensus.Tests.Evidence;

/// <summary>Verification against the validator set of the offence's height, deduplication, proposal selection and expiry.</summary>
[TestFixture]
public sealed class EvidencePoolTests
{
    private const ulong MaxAge = 50;

    [Test]
    public void Valid_evidence_verifies_and_is_pending_once()
    {
        EvidencePool pool = NewPool();
        DuplicateVoteEvidence evidence = DoubleSign(TestKeys.Validator(1), 10);
        Assert.Multiple(() =>
        {
            Assert.That(pool.Verify(evidence, 12), Is.Null);
            Assert.That(pool.TryAdd(evidence, 12, out string? error), Is.True, error);
            Assert.That(pool.TryAdd(DoubleSign(TestKeys.Validator(1), 10), 12, out error), Is.False);
            Assert.That(error, Does.Contain("already known"));
            Assert.That(pool.PendingCount, Is.EqualTo(1));
        });
    }

    [Test]
    public void A_second_conflicting_pair_for_one_offence_is_not_a_second_offence()
    {
        EvidencePool pool = NewPool();
        PrivateKey key = TestKeys.Validator(2);
        Vote a = Signed(key, VoteType.Prevote, 10, 0, BlockA);
        Vote c = Signed(key, VoteType.Prevote, 10, 0, Keccak256.Compute("block-c"u8));
        Assert.That(pool.TryAdd(new DuplicateVoteEvidence(a, Signed(key, VoteType.Prevote, 10, 0, BlockB)), 11, out _), Is.True);
        Assert.That(pool.TryAdd(new DuplicateVoteEvidence(a, c), 11, out _), Is.False);
    }

    public static IEnumerable<TestCaseData> Invalid()
    {
        PrivateKey member = TestKeys.Validator(1);
        PrivateKey outsider = TestKeys.Validator(9);
        // The second vote names the member but is signed by someone else: the wrong signer.
        Vote forged = new(VoteType.Precommit, 10, 0, BlockB, member.Address,
            outsider.Sign(VoteSignBytes.Compute(ChainId, 10, 0, BlockB, VoteType.Precommit)).ToBytes65());
        yield return new TestCaseData(new DuplicateVoteEvidence(Signed(member, VoteType.Precommit, 10, 0, BlockA), forged), 12UL, "signature")
            .SetName("Wrong signer");
        yield return new TestCaseData(DoubleSign(outsider, 10), 12UL, "not a validator").SetName("Not a validator");
        yield return new TestCaseData(new DuplicateVoteEvidence(Signed(member, VoteType.Precommit, 10, 0, BlockA, ChainId + 1),
            Signed(member, VoteType.Precommit, 10, 0, BlockB, ChainId + 1)), 12UL, "signature").SetName("Other chain");
        yield return new TestCaseData(DoubleSign(member, 13), 12UL, "not a past or current height").SetName("Future height");
        yield return new TestCaseData(DoubleSign(member, 10), 10 + MaxAge + 1, "older than").SetName("Expired");
    }

    [TestCaseSource(nameof(Invalid))]
    public void Invalid_evidence_is_refused_with_the_reason(DuplicateVoteEvidence evidence, ulong currentHeight, string reason)
    {
        EvidencePool pool = NewPool();
        Assert.Multiple(() =>
        {
            Assert.That(pool.Verify(evidence, currentHeight), Does.Contain(reason));
            Assert.That(pool.TryAdd(evidence, currentHeight, out string? error), Is.False);
            Assert.That(error, Does.Contain(reason));
            Assert.That(pool.PendingCount, Is.Zero);
        });
    }

    [Test]
    public void Gossiped_bytes_are_decoded_verified_and_refused_when_malformed()
    {
        EvidencePool pool = NewPool();
        byte[] encoded = DoubleSign(TestKeys.Validator(0), 4).Encode();
        Assert.Multiple(() =>
        {
            Assert.That(pool.TryAddEncoded(encoded[..^2], 5, out string? error), Is.False);
            Assert.That(error, Does.StartWith("Malformed evidence"));
            Assert.That(pool.TryAddEncoded(encoded, 5, out error), Is.True, error);
        });
    }

    [Test]
    public void Proposal_selection_is_ordered_bounded_and_only_for_past_heights()
    {
        EvidencePool pool = NewPool();
        // Added out of order; handed out by (height, round, type, validator).
        DuplicateVoteEvidence late = DoubleSign(TestKeys.Validator(0), 9);
        DuplicateVoteEvidence early = DoubleSign(TestKeys.Validator(3), 3);
        DuplicateVoteEvidence middle = DoubleSign(TestKeys.Validator(2), 5, round: 1);
        foreach (DuplicateVoteEvidence e in new[] { late, early, middle })
        {
            Assert.That(pool.TryAdd(e, 9, out string? error), Is.True, error);
        }

        IEvidenceSource source = pool;
        Assert.Multiple(() =>
        {
            Assert.That(source.GetPendingEvidence(10, 10), Is.EqualTo(new[] { early.Encode(), middle.Encode(), late.Encode() }));
            Assert.That(source.GetPendingEvidence(10, 2), Is.EqualTo(new[] { early.Encode(), middle.Encode() }));
            Assert.That(source.GetPendingEvidence(9, 10), Is.EqualTo(new[] { early.Encode(), middle.Encode() }),
                "evidence from height 9 cannot go into block 9 itself");
            Assert.That(source.GetPendingEvidence(3 + MaxAge + 1, 10), Is.EqualTo(new[] { middle.Encode(), late.Encode() }),
                "expired evidence is not proposed");
        });
    }

    [Test]
    public void Committed_evidence_leaves_the_pool_and_is_never_accepted_again()
    {
        EvidencePool pool = NewPool();
        DuplicateVoteEvidence included = DoubleSign(TestKeys.Validator(1), 4);
        DuplicateVoteEvidence other = DoubleSign(TestKeys.Validator(2), 4);
        pool.TryAdd(included, 5, out _);
        pool.TryAdd(other, 5, out _);
        IEvidenceSource source = pool;
        source.OnEvidenceCommitted(6, [included.Encode()]);
        Assert.Multiple(() =>
        {
            Assert.That(source.GetPendingEvidence(7, 10), Is.EqualTo(new[] { other.Encode() }));
            Assert.That(pool.TryAdd(DoubleSign(TestKeys.Validator(1), 4), 7, out string? error), Is.False);
            Assert.That(error, Does.Contain("already known"));
        });
    }

    [Test]
    public void Prune_expires_pending_evidence_by_age()
    {
        EvidencePool pool = NewPool();
        pool.TryAdd(DoubleSign(TestKeys.Validator(1), 4), 5, out _);
        pool.TryAdd(DoubleSign(TestKeys.Validator(2), 20), 21, out _);
        pool.Prune(4 + MaxAge);
        Assert.That(pool.PendingCount, Is.EqualTo(2), "exactly maxAge old is still allowed");
        pool.Prune(4 + MaxAge + 1);
        Assert.That(pool.GetPending(10).Single().Height, Is.EqualTo(20UL));
    }

    [Test]
    public void Structural_rules_hold_for_every_pair_the_pool_accepts()
    {
        EvidencePool pool = NewPool();
        PrivateKey key = TestKeys.Validator(0);
        Vote prevote = Signed(key, VoteType.Prevote, 5, 0, BlockA);
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => _ = new DuplicateVoteEvidence(prevote, Signed(key, VoteType.Prevote, 5, 0, BlockA)), "same block id");
            Assert.Throws<ArgumentException>(() => _ = new DuplicateVoteEvidence(prevote, Signed(key, VoteType.Prevote, 6, 0, BlockB)), "different heights");
            Assert.Throws<ArgumentException>(() => _ = new DuplicateVoteEvidence(prevote, Signed(key, VoteType.Precommit, 5, 0, BlockB)), "different types");
            Assert.That(pool.PendingCount, Is.Zero);
        });
    }

    private static EvidencePool NewPool() => new(EvidenceTestKit.Validators(4), ChainId, MaxAge);
}
