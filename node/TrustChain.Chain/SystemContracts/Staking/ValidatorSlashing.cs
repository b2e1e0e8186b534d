using TrustChain.Chain.Consensus;
using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Consensus;
using TrustChain.Core.Rlp;

namespace TrustChain.Chain.SystemContracts.Staking;

/// <summary>
/// Validator accountability (DESIGN §4.1, §7) on the Staking contract's state: double-sign evidence is checked and
/// punished by <c>doubleSignSlashBps</c> plus a tombstone (a jail that unjail() can never lift); missed commits are
/// counted over a sliding window of <c>downtimeWindow</c> blocks, and signing less than <c>downtimeMinSignedBps</c>
/// of it costs <c>downtimeSlashBps</c> plus <c>downtimeJailBlocks</c> of jail that ends only with unjail().
/// <para>
/// The validators expected to sign a height are the scheduled sets: the active set (<see cref="StakingState.GetActiveValidators"/>)
/// taken at the end of every epoch-boundary block for the heights after it. Everything iterates storage lists in index
/// order; nothing depends on time or hash-table order.
/// </para>
/// </summary>
public sealed class ValidatorSlashing
{
    /// <summary>Bounds the work a proposer can put into one block; each validator can be tombstoned only once anyway.</summary>
    public const int MaxEvidencePerBlock = 16;

    public const string DoubleSignReason = "double-sign";

    public const string DowntimeReason = "downtime";

    private const uint BasisPoints = StakingLedger.BasisPoints;

    public ValidatorSlashing(StakingState staking)
    {
        ArgumentNullException.ThrowIfNull(staking);
        Staking = staking;
    }

    public StakingState Staking { get; }

    public bool IsTombstoned(IStateReader state, Address validator) =>
        Staking.GetJailedUntil(state, validator, StakingRole.Validator) == StakingState.Forever;

    /// <summary>True when the validator was jailed by slashing and has not called unjail() since.</summary>
    public bool IsUnjailRequired(IStateReader state, Address validator) =>
        Ledger(state).IsUnjailRequired(validator, StakingRole.Validator);

    public SigningInfo GetSigningInfo(IStateReader state, Address validator)
    {
        SlashingLedger ledger = Slashing(state);
        return new SigningInfo(ledger.GetObserved(validator), ledger.GetMissed(validator));
    }

    /// <summary>The block that included the evidence with this hash, or 0 if none did.</summary>
    public ulong GetEvidenceBlock(IStateReader state, in Hash256 evidenceHash) => Slashing(state).GetEvidenceBlock(evidenceHash);

    /// <summary>
    /// The validators whose precommits finalise <paramref name="height"/>, read from the state after block
    /// height − 1: the schedule written at epoch boundaries, or the current active set before the first one.
    /// Consensus must use the same set, so a validator is never counted missing from a commit it could not sign.
    /// </summary>
    public IReadOnlyList<Address> GetScheduledValidators(IStateReader state, ulong height)
    {
        ArgumentNullException.ThrowIfNull(state);
        SlashingLedger ledger = Slashing(state);
        ulong from = ledger.GetCurrentSetFrom();
        if (from == 0)
        {
            return ActiveAddresses(state, height);
        }

        if (height >= from)
        {
            return ledger.GetCurrentSet();
        }

        return height >= ledger.GetPreviousSetFrom() ? ledger.GetPreviousSet() : [];
    }

    /// <summary>
    /// Null when block <paramref name="blockNumber"/> may carry <paramref name="item"/> on <paramref name="state"/>, else
    /// the reason: malformed, not from a past height, older than the unbonding period, a bad signature, not by a
    /// validator of its height, already included, or against a validator already tombstoned.
    /// </summary>
    public string? CheckEvidence(IStateReader state, ulong blockNumber, ulong chainId, ReadOnlySpan<byte> item, out DoubleSignEvidence? evidence)
    {
        ArgumentNullException.ThrowIfNull(state);
        evidence = null;
        DoubleSignEvidence decoded;
        try
        {
            decoded = DoubleSignEvidence.Decode(item);
        }
        catch (RlpException e)
        {
            return $"malformed double-sign evidence: {e.Message}";
        }

        if (decoded.Height == 0 || decoded.Height >= blockNumber)
        {
            return $"evidence height {decoded.Height} is not a past height of block {blockNumber}";
        }

        ulong unbonding = Staking.Parameters.UnbondingBlocks;
        if (blockNumber - decoded.Height > unbonding)
        {
            return $"evidence from height {decoded.Height} is older than the unbonding period ({unbonding} blocks) at block {blockNumber}";
        }

        if (decoded.CheckSignatures(chainId) is { } signatureError)
        {
            return signatureError;
        }

        Address validator = decoded.Validator;
        StakingLedger ledger = Ledger(state);
        if (!ledger.HasValidatorKey(validator) || !WasScheduled(state, validator, decoded.Height))
        {
            return $"{validator} is not a validator at height {decoded.Height}";
        }

        ulong includedIn = Slashing(state).GetEvidenceBlock(decoded.Hash);
        if (includedIn != 0)
        {
            return $"evidence {decoded.Hash} was already included in block {includedIn}";
        }

        if (ledger.GetJailedUntil(validator, StakingRole.Validator) == StakingState.Forever)
        {
            return $"{validator} is already tombstoned";
        }

        evidence = decoded;
        return null;
    }

    /// <summary>
    /// What a proposer puts in block <paramref name="blockNumber"/>: the acceptable candidates in their order, at most
    /// one per validator and <see cref="MaxEvidencePerBlock"/> in all, judged on the parent's state.
    /// </summary>
    public IReadOnlyList<byte[]> SelectEvidence(IStateReader parentState, ulong blockNumber, ulong chainId, IReadOnlyList<byte[]> candidates)
    {
        ArgumentNullException.ThrowIfNull(parentState);
        ArgumentNullException.ThrowIfNull(candidates);
        List<byte[]> selected = [];
        HashSet<Address> punished = [];
        for (int i = 0; i < candidates.Count && selected.Count < MaxEvidencePerBlock; i++)
        {
            byte[]? item = candidates[i];
            if (item is not null && CheckEvidence(parentState, blockNumber, chainId, item, out DoubleSignEvidence? evidence) is null
                && punished.Add(evidence!.Validator))
            {
                selected.Add(item);
            }
        }

        return selected;
    }

    /// <summary>
    /// Checks and punishes every item of block <paramref name="blockNumber"/> in order: records its hash, slashes
    /// <c>doubleSignSlashBps</c> of the Validator stake (burned) and tombstones the validator.
    /// </summary>
    /// <exception cref="InvalidEvidenceException">An item is unacceptable; the block is invalid and its state must be dropped.</exception>
    public void ApplyEvidence(WorldState state, ulong blockNumber, ulong chainId, IReadOnlyList<byte[]> items)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count > MaxEvidencePerBlock)
        {
            throw new InvalidEvidenceException(MaxEvidencePerBlock, $"a block carries at most {MaxEvidencePerBlock} evidence items, this one {items.Count}");
        }

        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                throw new InvalidEvidenceException(i, "null item");
            }

            // Checked on the state that already holds the earlier items' effects: a repeat in one block is a repeat.
            if (CheckEvidence(state, blockNumber, chainId, items[i], out DoubleSignEvidence? evidence) is { } error)
            {
                throw new InvalidEvidenceException(i, error);
            }

            Address validator = evidence!.Validator;
            Slashing(state, writable: true).RecordEvidence(evidence.Hash, blockNumber);
            Punish(state, validator, Staking.Parameters.DoubleSignSlashBps, DoubleSignReason, StakingState.Forever);
        }
    }

    /// <summary>
    /// Counts <paramref name="lastCommit"/> (the commit for the parent carried by block <paramref name="blockNumber"/>)
    /// into each scheduled validator's window: signed when the commit holds its valid precommit signature. Jailed and
    /// stakeless validators are not tracked. A validator whose full window falls below the minimum is slashed and jailed.
    /// </summary>
    public void RecordCommit(WorldState state, ulong blockNumber, ulong chainId, Commit? lastCommit)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (lastCommit is null)
        {
            return;
        }

        IReadOnlyList<Address> expected = GetScheduledValidators(state, lastCommit.Height);
        if (expected.Count == 0)
        {
            return;
        }

        HashSet<Address> signers = VerifiedSigners(lastCommit, expected, chainId);
        ulong window = Staking.Parameters.DowntimeWindow;
        UInt128 threshold = (UInt128)window * (ulong)Staking.Parameters.DowntimeMinSignedBps;
        StakingLedger ledger = Ledger(state, writable: true);
        SlashingLedger slashing = Slashing(state, writable: true);
        for (int i = 0; i < expected.Count; i++)
        {
            Address validator = expected[i];
            if (ledger.GetStake(validator, StakingRole.Validator).IsZero || ledger.IsJailed(validator, StakingRole.Validator, blockNumber))
            {
                continue;
            }

            (ulong observed, ulong missed) = slashing.Record(validator, signers.Contains(validator), window);
            if (observed >= window && (UInt128)(window - missed) * BasisPoints < threshold)
            {
                ulong until = blockNumber > ulong.MaxValue - Staking.Parameters.DowntimeJailBlocks
                    ? StakingState.Forever - 1
                    : blockNumber + Staking.Parameters.DowntimeJailBlocks;
                Punish(state, validator, Staking.Parameters.DowntimeSlashBps, DowntimeReason, until);
            }
        }
    }

    /// <summary>Starts the schedule on a chain that has none yet: the active set signs from height 1 on.</summary>
    public void EnsureSchedule(WorldState state, ulong blockNumber)
    {
        ArgumentNullException.ThrowIfNull(state);
        SlashingLedger slashing = Slashing(state, writable: true);
        if (slashing.GetCurrentSetFrom() == 0)
        {
            slashing.Schedule(ActiveAddresses(state, blockNumber), 1);
        }
    }

    /// <summary>At the end of epoch-boundary block <paramref name="blockNumber"/>: the active set signs the heights after it.</summary>
    public void ScheduleNextSet(WorldState state, ulong blockNumber)
    {
        ArgumentNullException.ThrowIfNull(state);
        Slashing(state, writable: true).Schedule(ActiveAddresses(state, blockNumber + 1), blockNumber + 1);
    }

    /// <summary>Null when <paramref name="validator"/> may unjail at <paramref name="blockNumber"/>, else why not.</summary>
    internal string? UnjailError(StakingLedger ledger, Address validator, ulong blockNumber)
    {
        ulong until = ledger.GetJailedUntil(validator, StakingRole.Validator);
        if (until == StakingState.Forever)
        {
            return "validator is tombstoned for double-signing and can never unjail";
        }

        if (!ledger.IsUnjailRequired(validator, StakingRole.Validator))
        {
            return "validator is not jailed";
        }

        if (blockNumber < until)
        {
            return $"validator is jailed until block {until}";
        }

        UInt256 minimum = Staking.MinimumStake(StakingRole.Validator);
        return ledger.GetStake(validator, StakingRole.Validator) < minimum
            ? $"validator stake is below the minimum {minimum}: stake more before unjailing"
            : null;
    }

    private void Punish(WorldState state, Address validator, int basisPoints, string reason, ulong jailUntil)
    {
        if (basisPoints > 0)
        {
            Staking.Slash(state, validator, StakingRole.Validator, (uint)basisPoints, reason);
        }

        Staking.Jail(state, validator, StakingRole.Validator, jailUntil);
        Ledger(state, writable: true).SetUnjailRequired(validator, StakingRole.Validator, true);
        Slashing(state, writable: true).ResetWindow(validator, Staking.Parameters.DowntimeWindow);
    }

    private bool WasScheduled(IStateReader state, Address validator, ulong height)
    {
        IReadOnlyList<Address> set = GetScheduledValidators(state, height);
        // Heights before the oldest kept schedule are vouched for by the registered consensus key alone.
        if (set.Count == 0)
        {
            return true;
        }

        for (int i = 0; i < set.Count; i++)
        {
            if (set[i] == validator)
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<Address> VerifiedSigners(Commit commit, IReadOnlyList<Address> expected, ulong chainId)
    {
        HashSet<Address> members = [.. expected];
        HashSet<Address> signers = [];
        Hash256 message = VoteSignPayload.Compute(chainId, commit.Height, commit.Round, commit.BlockHash, VoteSignPayload.Precommit);
        foreach (CommitSignature signature in commit.Signatures)
        {
            Address signer = signature.ValidatorAddress;
            if (members.Contains(signer) && !signers.Contains(signer) && VoteSignPayload.RecoverSigner(message, signature.Signature) == signer)
            {
                signers.Add(signer);
            }
        }

        return signers;
    }

    private Address[] ActiveAddresses(IStateReader state, ulong blockNumber)
    {
        IReadOnlyList<ActiveValidator> active = Staking.GetActiveValidators(state, blockNumber);
        Address[] addresses = new Address[active.Count];
        for (int i = 0; i < addresses.Length; i++)
        {
            addresses[i] = active[i].Address;
        }

        return addresses;
    }

    private StakingLedger Ledger(IStateReader state) => Staking.Ledger(new ContractStorage(state, StakingState.ContractAddress), null);

    private StakingLedger Ledger(WorldState state, bool writable) =>
        Staking.Ledger(new ContractStorage(state, StakingState.ContractAddress, readOnly: !writable), null);

    private static SlashingLedger Slashing(IStateReader state) => new(new ContractStorage(state, StakingState.ContractAddress));

    private static SlashingLedger Slashing(WorldState state, bool writable) =>
        new(new ContractStorage(state, StakingState.ContractAddress, readOnly: !writable));
}
