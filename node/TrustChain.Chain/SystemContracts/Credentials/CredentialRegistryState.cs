using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Blocks;

namespace TrustChain.Chain.SystemContracts.Credentials;

/// <summary>
/// The CredentialRegistry's state for native readers (RPC trust_getCredential / trust_getSchema / trust_listCredentials,
/// the explorer): no ABI round trip, same rules as the contract. Holds no state of its own.
/// </summary>
public sealed class CredentialRegistryState
{
    public CredentialRegistryState(ChainParameters parameters, StakingState staking)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(staking);
        int split = parameters.CredentialIssuerBps + parameters.CredentialValidatorBps + parameters.CredentialProverBps;
        if (split != CredentialFeeSplit.BasisPoints)
        {
            throw new ArgumentException($"credential fee shares must add up to {CredentialFeeSplit.BasisPoints} bps, got {split}", nameof(parameters));
        }

        Parameters = parameters;
        Staking = staking;
    }

    public static Address ContractAddress => SystemContractAddresses.CredentialRegistry;

    public ChainParameters Parameters { get; }

    public StakingState Staking { get; }

    public SchemaRecord? GetSchema(IStateReader state, Hash256 uid) => Reader(state).GetSchema(uid);

    public CredentialRecord? GetCredential(IStateReader state, Hash256 uid) => Reader(state).GetCredential(uid);

    /// <summary>Validity at a block: exists, not revoked, not expired at its timestamp, issuer active and not slashed since.</summary>
    public CredentialStatus GetStatus(IStateReader state, Hash256 uid, ulong blockNumber, ulong timestampMs)
    {
        CredentialLedger ledger = Reader(state);
        return Status(ledger, state, ledger.GetCredential(uid), blockNumber, timestampMs);
    }

    public bool IsValid(IStateReader state, Hash256 uid, ulong blockNumber, ulong timestampMs) =>
        GetStatus(state, uid, blockNumber, timestampMs) == CredentialStatus.Valid;

    /// <summary>Validity as of <paramref name="block"/>, whose state <paramref name="state"/> must be.</summary>
    public bool IsValid(IStateReader state, Hash256 uid, BlockHeader block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return IsValid(state, uid, block.Number, block.Timestamp);
    }

    /// <summary>Number of credentials ever issued to <paramref name="recipient"/> (revoked ones included).</summary>
    public ulong CountByRecipient(IStateReader state, Address recipient) => Reader(state).GetReceivedCount(recipient);

    /// <summary>Up to <paramref name="limit"/> uids issued to <paramref name="recipient"/>, oldest first, from <paramref name="offset"/>.</summary>
    public IReadOnlyList<Hash256> ListByRecipient(IStateReader state, Address recipient, ulong offset, ulong limit) =>
        Reader(state).GetReceived(recipient, offset, limit);

    /// <summary>Number of credentials <paramref name="issuer"/> ever issued; also its next uid nonce.</summary>
    public ulong CountByIssuer(IStateReader state, Address issuer) => Reader(state).GetIssuedCount(issuer);

    public IReadOnlyList<Hash256> ListByIssuer(IStateReader state, Address issuer, ulong offset, ulong limit) =>
        Reader(state).GetIssued(issuer, offset, limit);

    /// <summary>Block of the issuer's latest slash by validator vote (0: never); its credentials up to that block are void.</summary>
    public ulong GetIssuerSlashedAt(IStateReader state, Address issuer) => Reader(state).GetSlashedAt(issuer);

    public ulong GetSlashProposalCount(IStateReader state) => Reader(state).GetProposalCount();

    /// <summary>The proposal as seen at <paramref name="blockNumber"/> (status and tally), or null for an unknown id.</summary>
    public IssuerSlashProposal? GetSlashProposal(IStateReader state, ulong id, ulong blockNumber)
    {
        CredentialLedger ledger = Reader(state);
        return ledger.GetProposal(id) is { } stored ? Describe(ledger, state, id, stored, blockNumber) : null;
    }

    public bool HasVoted(IStateReader state, ulong id, Address validator) => Reader(state).HasVoted(id, validator);

    public CredentialFeeSplit SplitFee(in UInt256 fee) => CredentialFeeSplit.Of(fee, Parameters);

    internal CredentialStatus Status(CredentialLedger ledger, IStateReader state, CredentialRecord? credential, ulong blockNumber, ulong timestampMs)
    {
        if (credential is not { } c)
        {
            return CredentialStatus.Unknown;
        }

        if (c.IsRevoked)
        {
            return CredentialStatus.Revoked;
        }

        if (c.Expiration != 0 && c.Expiration <= timestampMs / 1000)
        {
            return CredentialStatus.Expired;
        }

        if (!Staking.IsActive(state, c.Issuer, StakingRole.Issuer, blockNumber))
        {
            return CredentialStatus.IssuerInactive;
        }

        // A slash voids what the issuer attested up to then; credentials issued after its jail ended stand on their own.
        ulong slashedAt = ledger.GetSlashedAt(c.Issuer);
        return slashedAt != 0 && c.IssuedBlock <= slashedAt ? CredentialStatus.IssuerSlashed : CredentialStatus.Valid;
    }

    /// <summary>Stake of the active <paramref name="validators"/> that voted for the proposal, and their total.</summary>
    internal static (UInt256 Voted, UInt256 Active) Tally(CredentialLedger ledger, IReadOnlyList<ActiveValidator> validators, ulong id)
    {
        UInt256 voted = UInt256.Zero;
        UInt256 active = UInt256.Zero;
        for (int i = 0; i < validators.Count; i++)
        {
            active += validators[i].Stake;
            if (ledger.HasVoted(id, validators[i].Address))
            {
                voted += validators[i].Stake;
            }
        }

        return (voted, active);
    }

    /// <summary>Two thirds of the active stake, compared as 3·voted ≥ 2·active (stakes are far below 2²⁵⁴).</summary>
    internal static bool ReachesTwoThirds(in UInt256 voted, in UInt256 active) => !active.IsZero && voted * 3UL >= active * 2UL;

    internal IssuerSlashProposal Describe(CredentialLedger ledger, IStateReader state, ulong id, in StoredSlashProposal stored, ulong blockNumber)
    {
        (UInt256 voted, UInt256 active) = Tally(ledger, Staking.GetActiveValidators(state, blockNumber), id);
        return new IssuerSlashProposal(id, stored.Issuer, stored.Proposer, stored.BasisPoints, stored.ReasonHash, stored.ProposedBlock,
            stored.Deadline, stored.StatusAt(blockNumber), voted, active);
    }

    private static CredentialLedger Reader(IStateReader state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new CredentialLedger(new ContractStorage(state, ContractAddress));
    }
}
