using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;
using static TrustChain.Chain.Tests.SystemContracts.Credentials.CredentialHarness;

namespace TrustChain.Chain.Tests.SystemContracts.Credentials;

/// <summary>Issuer accountability: four genesis validators of 100,000 TRUST each vote on slashing an issuer.</summary>
[TestFixture]
public sealed class CredentialSlashTests
{
    private static readonly (PrivateKey, ulong)[] FourValidators = [(Key0, 100_000), (Key3, 100_000), (Key4, 100_000), (Key5, 100_000)];

    private static readonly UInt256 ValidatorStake = 100_000 * Trust;

    [Test]
    public void Two_thirds_of_the_validator_stake_slash_and_jail_the_issuer_and_void_its_credentials()
    {
        using CredentialHarness h = new(FourValidators);
        UInt256 issuerStake = 200_000 * Trust;
        h.StakeOk(Key1, StakingRole.Issuer, issuerStake);
        Hash256 schema = h.RegisterSchema(Key1, "bytes32 badge", true);
        Hash256 before = h.Issue(Key1, schema, Recipient);
        Hash256 reason = Keccak256.Compute("issued fake diplomas"u8);

        TxReceipt proposed = h.SendOk(Key0, "proposeIssuerSlash", UInt256.Zero, Key1.Address, (ushort)1_000, reason);
        ulong deadline = proposed.BlockNumber + SlashWindow;
        Assert.Multiple(() =>
        {
            Assert.That(proposed.Logs, Has.Count.EqualTo(2));
            Assert.That(Decode(CredentialEvents.IssuerSlashProposed, proposed.Logs[0]),
                Is.EqualTo(new object[] { UInt256.One, Key1.Address, Key0.Address, (UInt256)1_000, reason.ToArray(), (UInt256)deadline }));
            Assert.That(Decode(CredentialEvents.IssuerSlashVoted, proposed.Logs[1]),
                Is.EqualTo(new object[] { UInt256.One, Key0.Address, ValidatorStake, 4 * ValidatorStake }));
            Assert.That(proposed.GasUsed - 21_000 - CalldataGas(h, "proposeIssuerSlash", Key1.Address, (ushort)1_000, reason),
                Is.EqualTo(CredentialGas.ProposeIssuerSlash + 4 * CredentialGas.PerActiveValidator));
            Assert.That(h.IsValid(before), Is.True, "one vote of four changes nothing");
        });

        h.SendOk(Key3, "voteIssuerSlash", UInt256.Zero, UInt256.One);
        h.SendReverts(Key3, "voteIssuerSlash", UInt256.Zero, $"{Key3.Address} already voted on issuer slash proposal 1", UInt256.One);
        h.SendReverts(Key2, "voteIssuerSlash", UInt256.Zero, "only an active validator can vote on an issuer slash", UInt256.One);
        IssuerSlashProposal open = h.Registry.GetSlashProposal(h.Head, 1, h.HeadNumber + 1)!;
        Assert.Multiple(() =>
        {
            Assert.That(open.Status, Is.EqualTo(IssuerSlashStatus.Open));
            Assert.That(open.VotedStake, Is.EqualTo(2 * ValidatorStake), "half is not two thirds");
            Assert.That(h.Staking.GetStake(h.Head, Key1.Address, StakingRole.Issuer), Is.EqualTo(issuerStake));
            Assert.That(h.Registry.HasVoted(h.Head, 1, Key3.Address), Is.True);
            Assert.That(h.View("hasVotedIssuerSlash", UInt256.One, Key4.Address)[0], Is.False);
        });

        TxReceipt executed = h.SendOk(Key4, "voteIssuerSlash", UInt256.Zero, UInt256.One);
        UInt256 slashed = issuerStake / 10;
        ulong jailedUntil = executed.BlockNumber + JailBlocks;
        Assert.Multiple(() =>
        {
            Assert.That(executed.Logs.Select(l => l.Topics[0]), Is.EqualTo(new[]
            {
                CredentialEvents.IssuerSlashVoted.Topic0, StakingEvents.Slashed.Topic0, StakingEvents.Jailed.Topic0,
                CredentialEvents.IssuerSlashExecuted.Topic0,
            }), "Staking's Slashed and Jailed land in the registry's receipt");
            Assert.That(Decode(CredentialEvents.IssuerSlashVoted, executed.Logs[0]),
                Is.EqualTo(new object[] { UInt256.One, Key4.Address, 3 * ValidatorStake, 4 * ValidatorStake }));
            Assert.That(Decode(CredentialEvents.IssuerSlashExecuted, executed.Logs[3]),
                Is.EqualTo(new object[] { UInt256.One, Key1.Address, slashed, (UInt256)jailedUntil }));
            Assert.That(h.Staking.GetStake(h.Head, Key1.Address, StakingRole.Issuer), Is.EqualTo(issuerStake - slashed));
            Assert.That(h.Staking.GetJailedUntil(h.Head, Key1.Address, StakingRole.Issuer), Is.EqualTo(jailedUntil));
            Assert.That(h.Registry.GetIssuerSlashedAt(h.Head, Key1.Address), Is.EqualTo(executed.BlockNumber));
            Assert.That(h.View("issuerSlashedAt", Key1.Address)[0], Is.EqualTo((UInt256)executed.BlockNumber));
            Assert.That(((object[])h.View("getIssuerSlash", UInt256.One)[0])[7], Is.EqualTo((UInt256)(uint)IssuerSlashStatus.Executed));
            Assert.That(h.InvalidReason(before), Is.EqualTo(CredentialStatus.IssuerInactive.Describe()), "jailed");
        });
        h.SendReverts(Key5, "voteIssuerSlash", UInt256.Zero, "issuer slash proposal 1 was already executed", UInt256.One);
        h.SendReverts(Key5, "closeIssuerSlash", UInt256.Zero, "issuer slash proposal 1 was already executed", UInt256.One);
        h.SendReverts(Key1, "issue", UInt256.Zero,
            $"caller is not an active Issuer: it needs at least {h.Parameters.MinIssuerStake} wei of Issuer stake and no jail",
            schema, Recipient, H(1), 0UL, Hash256.Zero, H(1));

        // After the jail the issuer (still above the minimum) issues again; what it attested before the slash stays void.
        h.ProduceUntil(jailedUntil - 1);
        Hash256 after = h.Issue(Key1, schema, Recipient, seed: 21);
        Assert.Multiple(() =>
        {
            Assert.That(h.IsValid(after), Is.True);
            Assert.That(h.InvalidReason(before), Is.EqualTo("credential issuer was slashed by a validator vote after issuing it"));
            Assert.That(h.Registry.GetStatus(h.Head, before, h.HeadNumber + 1, h.Chain.Head.Timestamp + 1000), Is.EqualTo(CredentialStatus.IssuerSlashed));
        });
        h.SendReverts(Key2, "verifyCredential", h.Parameters.CredentialVerificationFee, CredentialStatus.IssuerSlashed.Describe(), before, Address.Zero);
    }

    [Test]
    public void A_proposal_without_two_thirds_expires_and_anyone_closes_it()
    {
        using CredentialHarness h = new(FourValidators);
        h.StakeIssuer(Key1);
        TxReceipt proposed = h.SendOk(Key3, "proposeIssuerSlash", UInt256.Zero, Key1.Address, (ushort)500, H(7));
        ulong deadline = proposed.BlockNumber + SlashWindow;
        h.SendOk(Key4, "voteIssuerSlash", UInt256.Zero, UInt256.One);
        h.SendReverts(Key2, "closeIssuerSlash", UInt256.Zero, $"issuer slash proposal 1 is open for votes until block {deadline}", UInt256.One);

        h.ProduceUntil(deadline - 1);
        Assert.That(((object[])h.View("getIssuerSlash", UInt256.One)[0])[7], Is.EqualTo((UInt256)(uint)IssuerSlashStatus.Expired));
        h.SendReverts(Key5, "voteIssuerSlash", UInt256.Zero, $"issuer slash proposal 1 expired at block {deadline}", UInt256.One);
        TxReceipt closed = h.SendOk(Key2, "closeIssuerSlash", UInt256.Zero, UInt256.One);
        Assert.Multiple(() =>
        {
            Assert.That(Decode(CredentialEvents.IssuerSlashExpired, closed.Logs[0]),
                Is.EqualTo(new object[] { UInt256.One, Key1.Address, 2 * ValidatorStake, 4 * ValidatorStake }));
            Assert.That(h.Staking.GetStake(h.Head, Key1.Address, StakingRole.Issuer), Is.EqualTo(h.Parameters.MinIssuerStake));
            Assert.That(h.Registry.GetIssuerSlashedAt(h.Head, Key1.Address), Is.Zero);
            Assert.That(h.View("issuerSlashCount")[0], Is.EqualTo(UInt256.One));
        });
        h.SendReverts(Key2, "closeIssuerSlash", UInt256.Zero, "issuer slash proposal 1 is already closed", UInt256.One);
    }

    [Test]
    public void On_a_single_validator_chain_the_proposal_executes_at_once()
    {
        using CredentialHarness h = new();
        h.StakeIssuer(Key1);
        Hash256 schema = h.RegisterSchema(Key1, "bytes32 badge", true);
        Hash256 uid = h.Issue(Key1, schema, Recipient);
        TxReceipt proposed = h.SendOk(Key0, "proposeIssuerSlash", UInt256.Zero, Key1.Address, (ushort)10_000, H(1));
        Assert.Multiple(() =>
        {
            Assert.That(proposed.Logs.Select(l => l.Topics[0]), Is.EqualTo(new[]
            {
                CredentialEvents.IssuerSlashProposed.Topic0, CredentialEvents.IssuerSlashVoted.Topic0, StakingEvents.Slashed.Topic0,
                StakingEvents.Jailed.Topic0, CredentialEvents.IssuerSlashExecuted.Topic0,
            }));
            Assert.That(h.Staking.GetStake(h.Head, Key1.Address, StakingRole.Issuer), Is.EqualTo(UInt256.Zero), "10,000 bps takes it all");
            Assert.That(h.IsValid(uid), Is.False);
        });
    }

    private static IEnumerable<TestCaseData> ProposalReverts()
    {
        yield return new TestCaseData(Key2, Key1.Address, 1_000, "only an active validator can propose an issuer slash").SetName("Propose_by_a_non_validator");
        yield return new TestCaseData(Key0, Key1.Address, 0, "slash must be 1..10000 basis points, got 0").SetName("Propose_zero_bps");
        yield return new TestCaseData(Key0, Key1.Address, 10_001, "slash must be 1..10000 basis points, got 10001").SetName("Propose_over_10000_bps");
        yield return new TestCaseData(Key0, Key2.Address, 1_000, $"{Key2.Address} has no Issuer stake to slash").SetName("Propose_against_an_unstaked_account");
    }

    [TestCaseSource(nameof(ProposalReverts))]
    public void Bad_proposals_revert_with_their_reason(PrivateKey proposer, Address issuer, int bps, string reason)
    {
        using CredentialHarness h = new(FourValidators);
        h.StakeIssuer(Key1);
        h.SendReverts(proposer, "proposeIssuerSlash", UInt256.Zero, reason, issuer, (ushort)bps, H(1));
        Assert.That(h.Registry.GetSlashProposalCount(h.Head), Is.Zero);
    }

    [TestCase("voteIssuerSlash")]
    [TestCase("closeIssuerSlash")]
    [TestCase("getIssuerSlash")]
    public void Unknown_proposal_ids_revert(string function)
    {
        using CredentialHarness h = new();
        Assert.Multiple(() =>
        {
            Assert.That(h.RevertReasonOf(Key0.Address, function, UInt256.Zero, (UInt256)1), Is.EqualTo("unknown issuer slash proposal 1"));
            Assert.That(h.RevertReasonOf(Key0.Address, function, UInt256.Zero, UInt256.MaxValue), Is.EqualTo($"unknown issuer slash proposal {UInt256.MaxValue}"));
        });
    }

    private static ulong CalldataGas(CredentialHarness h, string function, params object?[] args)
    {
        ulong gas = 0;
        foreach (byte b in h.Credentials.Abi.GetFunction(function).EncodeCall(args))
        {
            gas += b == 0 ? 4UL : 16UL;
        }

        return gas;
    }
}
