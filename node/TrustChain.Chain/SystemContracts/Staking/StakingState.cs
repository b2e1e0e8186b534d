using TrustChain.Chain.Abi;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Core.Receipts;

namespace TrustChain.Chain.SystemContracts.Staking;

/// <summary>
/// The Staking contract's state for native code (registries, consensus, block hooks): no ABI round trip. Bound to the
/// chain parameters (minimum stakes, unbonding period, validator-set size); holds no state of its own.
/// <para>
/// Mutations take an optional <c>logs</c> collection that receives the ABI-encoded events (emitted by the Staking
/// address) so a caller with a receipt can include them; native callers without one (block hooks) pass null.
/// Bad arguments throw before anything changes.
/// </para>
/// </summary>
public sealed class StakingState
{
    /// <summary>A jail that never ends (tombstone, e.g. after double-signing).</summary>
    public const ulong Forever = ulong.MaxValue;

    public StakingState(ChainParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
    }

    public static Address ContractAddress => SystemContractAddresses.Staking;

    public ChainParameters Parameters { get; }

    public UInt256 MinimumStake(StakingRole role) => Parameters.MinimumStake(role);

    public UInt256 GetStake(IStateReader state, Address account, StakingRole role) => Reader(state, role).GetStake(account, role);

    public UInt256 GetTotalStake(IStateReader state, StakingRole role) => Reader(state, role).GetTotalStake(role);

    /// <summary>Bonded stake ≥ the role's minimum and not jailed at <paramref name="blockNumber"/>.</summary>
    public bool IsActive(IStateReader state, Address account, StakingRole role, ulong blockNumber) =>
        Reader(state, role).IsActive(account, role, blockNumber);

    public bool IsJailed(IStateReader state, Address account, StakingRole role, ulong blockNumber) =>
        Reader(state, role).IsJailed(account, role, blockNumber);

    /// <summary>First block at which the account is no longer jailed in the role (0: never jailed).</summary>
    public ulong GetJailedUntil(IStateReader state, Address account, StakingRole role) => Reader(state, role).GetJailedUntil(account, role);

    /// <summary>Accounts holding bonded stake in the role (active or not), in index order.</summary>
    public ulong GetMemberCount(IStateReader state, StakingRole role) => Reader(state, role).GetMemberCount(role);

    public IReadOnlyList<Address> GetMembers(IStateReader state, StakingRole role, ulong offset, ulong limit)
    {
        StakingLedger ledger = Reader(state, role);
        ulong count = ledger.GetMemberCount(role);
        return offset >= count ? [] : ledger.GetMembers(role, offset, Math.Min(limit, count - offset));
    }

    /// <summary>The 33-byte compressed consensus key, or empty when the account never staked as a validator.</summary>
    public byte[] GetValidatorKey(IStateReader state, Address account) => Reader(state).GetValidatorKey(account);

    public IReadOnlyList<UnbondingEntry> GetUnbonding(IStateReader state, Address account) => Reader(state).GetUnbonding(account);

    public UInt256 GetPendingRewards(IStateReader state, Address account) => Reader(state).GetPendingRewards(account);

    /// <summary>Fees accrued for the role and not yet distributed (including earlier epochs' rounding remainders).</summary>
    public UInt256 GetRewardPool(IStateReader state, StakingRole role) => Reader(state, role).GetRewardPool(role);

    /// <summary>Bonded + unbonding + pools + claimable: what the contract's balance must equal.</summary>
    public UInt256 GetLiabilities(IStateReader state) => Reader(state).GetLiabilities();

    /// <summary>
    /// The top <see cref="ChainParameters.MaxValidators"/> active validators by stake, ties broken by ascending
    /// address, so every node derives the same set from the same state.
    /// </summary>
    public IReadOnlyList<ActiveValidator> GetActiveValidators(IStateReader state, ulong blockNumber)
    {
        StakingLedger ledger = Reader(state);
        ulong count = ledger.GetMemberCount(StakingRole.Validator);
        List<ActiveValidator> active = [];
        for (ulong i = 0; i < count; i++)
        {
            Address member = ledger.GetMemberAt(StakingRole.Validator, i);
            if (ledger.IsActive(member, StakingRole.Validator, blockNumber))
            {
                active.Add(new ActiveValidator(member, ledger.GetValidatorKey(member), ledger.GetStake(member, StakingRole.Validator)));
            }
        }

        active.Sort(static (a, b) =>
        {
            int byStake = UInt256.Compare(b.Stake, a.Stake);
            return byStake != 0 ? byStake : a.Address.CompareTo(b.Address);
        });
        if (active.Count > Parameters.MaxValidators)
        {
            active.RemoveRange(Parameters.MaxValidators, active.Count - Parameters.MaxValidators);
        }

        return active;
    }

    /// <summary>
    /// Takes ⌊stake × <paramref name="basisPoints"/> / 10,000⌋ of the account's bonded stake in the role: burned, or
    /// paid to <paramref name="recipient"/> (e.g. a reporter). Stake already unbonding is not touched. Dropping below
    /// the minimum deactivates the account at once; slashing to zero removes it from the members. Returns the amount
    /// (zero, with no event, when the account has no stake).
    /// </summary>
    public UInt256 Slash(WorldState state, Address account, StakingRole role, uint basisPoints, string reason,
        Address? recipient = null, ICollection<LogEntry>? logs = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(reason);
        StakingRoles.Validate(role);
        if (basisPoints is 0 or > StakingLedger.BasisPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(basisPoints), basisPoints, $"slash fraction must be 1..{StakingLedger.BasisPoints} basis points");
        }

        if (recipient == ContractAddress)
        {
            throw new ArgumentException("slashed stake cannot be paid to the Staking contract itself", nameof(recipient));
        }

        StakingLedger ledger = Writer(state, logs);
        UInt256 amount = ledger.Slash(account, role, basisPoints);
        if (amount.IsZero)
        {
            return amount;
        }

        state.SubtractBalance(ContractAddress, amount);
        if (recipient is { } to)
        {
            state.AddBalance(to, amount);
        }

        ledger.Emit(StakingEvents.Slashed, account, (byte)role, amount, recipient ?? Address.Zero, reason);
        return amount;
    }

    /// <summary>
    /// Makes the account inactive in the role until block <paramref name="untilBlock"/> (exclusive; <see cref="Forever"/>
    /// for a tombstone). An existing longer jail is kept. Returns the resulting end block.
    /// </summary>
    public ulong Jail(WorldState state, Address account, StakingRole role, ulong untilBlock, ICollection<LogEntry>? logs = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        StakingRoles.Validate(role);
        StakingLedger ledger = Writer(state, logs);
        ulong until = ledger.Jail(account, role, untilBlock);
        ledger.Emit(StakingEvents.Jailed, account, (byte)role, until);
        return until;
    }

    /// <summary>
    /// Moves <paramref name="amount"/> from <paramref name="payer"/>'s balance (e.g. a registry holding a fee) into the
    /// role's reward pool, paid out to the role's active members at the next epoch boundary.
    /// </summary>
    /// <exception cref="InsufficientBalanceException">The payer holds less; nothing changes.</exception>
    public void AccrueFee(WorldState state, Address payer, StakingRole role, UInt256 amount, ICollection<LogEntry>? logs = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        StakingRoles.Validate(role);
        if (payer == ContractAddress)
        {
            throw new ArgumentException("the Staking contract cannot pay fees to itself: its balance is all owed", nameof(payer));
        }

        if (amount.IsZero)
        {
            return;
        }

        state.SubtractBalance(payer, amount);
        state.AddBalance(ContractAddress, amount);
        StakingLedger ledger = Writer(state, logs);
        ledger.AddToPool(role, amount);
        ledger.Emit(StakingEvents.FeesAccrued, (byte)role, payer, amount);
    }

    /// <summary>Distributes every role's pool to its active members (see <see cref="StakingEpochHook"/>); returns the total.</summary>
    public UInt256 DistributeEpochRewards(WorldState state, ulong blockNumber, ICollection<LogEntry>? logs = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        StakingLedger ledger = Writer(state, logs);
        UInt256 total = UInt256.Zero;
        for (byte r = 0; r < StakingRoles.Count; r++)
        {
            total += ledger.DistributePool((StakingRole)r, blockNumber);
        }

        return total;
    }

    internal StakingLedger Ledger(ContractStorage storage, Action<AbiEvent, object?[]>? emit) => new(storage, Parameters, emit);

    private StakingLedger Reader(IStateReader state, StakingRole role)
    {
        StakingRoles.Validate(role);
        return Reader(state);
    }

    private StakingLedger Reader(IStateReader state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new StakingLedger(new ContractStorage(state, ContractAddress), Parameters, null);
    }

    private StakingLedger Writer(WorldState state, ICollection<LogEntry>? logs) =>
        new(new ContractStorage(state, ContractAddress, readOnly: false), Parameters,
            logs is null ? null : (e, values) => logs.Add(e.Encode(ContractAddress, values)));
}
