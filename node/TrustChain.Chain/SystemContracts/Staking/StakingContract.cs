using TrustChain.Chain.Abi;
using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Staking;

/// <summary>
/// The Staking system contract (DESIGN §4.1) at 0x…1000: bonds stake per role, unbonds it over
/// <c>unbondingBlocks</c>, tracks members, jails and fee-share rewards. Native code uses <see cref="StakingState"/>.
/// </summary>
public sealed class StakingContract : SystemContract
{
    private const string RoleNote = "Roles: 0 Validator, 1 EnrollmentOperator, 2 Issuer, 3 Prover, 4 ModelHost.";

    private readonly StakingState _staking;
    private readonly ValidatorSlashing _slashing;

    public StakingContract(StakingState staking)
        : base("Staking", SystemContractAddresses.Staking)
    {
        ArgumentNullException.ThrowIfNull(staking);
        _staking = staking;
        _slashing = new ValidatorSlashing(staking);

        Event(StakingEvents.StakedDeclaration, "Stake bonded; newStake is the account's bonded stake in the role afterwards.");
        Event(StakingEvents.ValidatorKeySetDeclaration, "A validator's consensus key was recorded.");
        Event(StakingEvents.UnstakeRequestedDeclaration, "Stake left the bonded set; withdrawable from releaseBlock on.");
        Event(StakingEvents.WithdrawnDeclaration, "Matured unbonding entries were paid out.");
        Event(StakingEvents.SlashedDeclaration, "Stake was slashed: burned when recipient is the zero address, else paid to recipient.");
        Event(StakingEvents.JailedDeclaration, "The account is inactive in the role until untilBlock (exclusive; 2^64-1 = forever).");
        Event(StakingEvents.FeesAccruedDeclaration, "Fees were added to the role's reward pool for the current epoch.");
        Event(StakingEvents.RewardsDistributedDeclaration, "At an epoch boundary the role's pool went pro rata to its active members; remainder stays pooled.");
        Event(StakingEvents.RewardsClaimedDeclaration, "Claimable rewards were paid out.");
        Event(StakingEvents.UnjailedDeclaration, "A validator jailed for downtime returned to the candidates for the next epoch's validator set.");

        Function("function stake(uint8 role) payable", StakingGas.Stake, Stake,
            $"Adds msg.value to the caller's bonded stake in `role`; a new member needs the role's minimum. Validators use stakeValidator first.\n{RoleNote}\nGas: {StakingGas.Stake}.");
        Function("function stakeValidator(bytes consensusPublicKey) payable", StakingGas.StakeValidator, StakeValidator,
            $"Adds msg.value to the caller's Validator stake and records its consensus key: a 33-byte compressed secp256k1 key that must be the caller's own (its address derives from it).\nGas: {StakingGas.StakeValidator}.");
        Function("function unstake(uint8 role, uint256 amount)", StakingGas.Unstake, Unstake,
            $"Moves `amount` of bonded stake into an unbonding entry released at block.number + unbondingBlocks. The remainder must be 0 or at least the minimum.\nGas: {StakingGas.Unstake}.");
        Function("function withdraw() returns (uint256 amount)", new GasCost(StakingGas.Withdraw, PerItem: StakingGas.WithdrawPerEntry), Withdraw,
            $"Pays out every matured unbonding entry of the caller.\nGas: {StakingGas.Withdraw} + {StakingGas.WithdrawPerEntry} per pending entry.");
        Function("function claimRewards() returns (uint256 amount)", StakingGas.ClaimRewards, ClaimRewards,
            $"Pays out the caller's distributed fee-share rewards.\nGas: {StakingGas.ClaimRewards}.");
        Function("function unjail()", StakingGas.Unjail, Unjail,
            $"Ends the caller's Validator jail after downtime once block.number has reached jailedUntil; the bonded stake must be at least the minimum. A validator tombstoned for double-signing can never unjail.\nGas: {StakingGas.Unjail}.");

        Function("function stakeOf(address account, uint8 role) view returns (uint256)", StakingGas.View, StakeOf,
            $"Bonded stake of `account` in `role` (wei).\nGas: {StakingGas.View}.");
        Function("function totalStake(uint8 role) view returns (uint256)", StakingGas.View, TotalStake,
            $"Sum of all bonded stake in `role`, active or not.\nGas: {StakingGas.View}.");
        Function("function isActive(address account, uint8 role) view returns (bool)", StakingGas.View, IsActive,
            $"True iff the bonded stake is at least the role's minimum and the account is not jailed in the role.\nGas: {StakingGas.View}.");
        Function("function isJailed(address account, uint8 role) view returns (bool)", StakingGas.View, IsJailed,
            $"True while block.number is below the account's jail end in `role`.\nGas: {StakingGas.View}.");
        Function("function jailedUntil(address account, uint8 role) view returns (uint256)", StakingGas.View, JailedUntil,
            $"First block at which the account is free again in `role` (0 if never jailed).\nGas: {StakingGas.View}.");
        Function("function memberCount(uint8 role) view returns (uint256)", StakingGas.View, MemberCount,
            $"Number of accounts with bonded stake in `role`.\nGas: {StakingGas.View}.");
        Function("function members(uint8 role, uint256 offset, uint256 limit) view returns (address[])",
            new GasCost(StakingGas.ListView, PerItem: StakingGas.ListViewPerItem), Members,
            $"Up to `limit` members of `role` from index `offset` (order changes as members leave).\nGas: {StakingGas.ListView} + {StakingGas.ListViewPerItem} per address returned.");
        Function("function unbonding(address account) view returns (uint256[] amounts, uint256[] releaseBlocks)",
            new GasCost(StakingGas.ListView, PerItem: StakingGas.ListViewPerItem), Unbonding,
            $"Pending unbonding entries of `account` (at most {StakingLedger.MaxUnbondingEntries}).\nGas: {StakingGas.ListView} + {StakingGas.ListViewPerItem} per entry.");
        Function("function validatorKey(address account) view returns (bytes)", StakingGas.View, ValidatorKey,
            $"The validator's 33-byte consensus key (empty if none).\nGas: {StakingGas.View}.");
        Function("function isTombstoned(address validator) view returns (bool)", StakingGas.View, IsTombstoned,
            $"True iff the validator was slashed for double-signing: jailed forever.\nGas: {StakingGas.View}.");
        Function("function signingInfo(address validator) view returns (uint256 observed, uint256 missed)", StakingGas.View, SigningInfo,
            $"The validator's downtime window: commits counted since tracking (re)started and how many of the last downtimeWindow it missed.\nGas: {StakingGas.View}.");
        Function("function evidenceBlock(bytes32 evidenceHash) view returns (uint256)", StakingGas.View, EvidenceBlock,
            $"The block that included the double-sign evidence with this keccak256 hash (0 if none).\nGas: {StakingGas.View}.");
        Function("function minimumStake(uint8 role) view returns (uint256)", StakingGas.View, MinimumStake,
            $"Minimum bonded stake of an active member of `role` (wei).\nGas: {StakingGas.View}.");
        Function("function unbondingBlocks() view returns (uint256)", StakingGas.View, UnbondingBlocks,
            $"Blocks between unstake and withdrawal.\nGas: {StakingGas.View}.");
        Function("function pendingRewards(address account) view returns (uint256)", StakingGas.View, PendingRewards,
            $"Rewards distributed to `account` and not yet claimed.\nGas: {StakingGas.View}.");
        Function("function rewardPool(uint8 role) view returns (uint256)", StakingGas.View, RewardPool,
            $"Fees accrued for `role` and not yet distributed.\nGas: {StakingGas.View}.");
    }

    public StakingState State => _staking;

    private object?[] Stake(SystemContractContext ctx, AbiArgs args)
    {
        StakingRole role = Role(ctx, args, 0);
        StakingLedger ledger = Ledger(ctx);
        ctx.Require(role != StakingRole.Validator || ledger.HasValidatorKey(ctx.Caller),
            "validators stake with stakeValidator(bytes consensusPublicKey) to record their consensus key");
        ledger.AddStake(ctx.Caller, role, ctx.Value);
        return [];
    }

    private object?[] StakeValidator(SystemContractContext ctx, AbiArgs args)
    {
        byte[] key = args.Bytes(0);
        if (ConsensusKey.Check(key, ctx.Caller) is { } error)
        {
            ctx.Revert(error);
        }

        StakingLedger ledger = Ledger(ctx);
        if (!ledger.HasValidatorKey(ctx.Caller))
        {
            ledger.SetValidatorKey(ctx.Caller, key);
        }

        ledger.AddStake(ctx.Caller, StakingRole.Validator, ctx.Value);
        return [];
    }

    private object?[] Unstake(SystemContractContext ctx, AbiArgs args)
    {
        StakingRole role = Role(ctx, args, 0);
        Ledger(ctx).RequestUnstake(ctx.Caller, role, args.UInt256(1), ctx.Block.Number);
        return [];
    }

    private object?[] Withdraw(SystemContractContext ctx, AbiArgs args)
    {
        StakingLedger ledger = Ledger(ctx);
        ctx.ChargeItems((long)ledger.GetUnbondingCount(ctx.Caller));
        UInt256 amount = ledger.RemoveMaturedUnbonding(ctx.Caller, ctx.Block.Number);
        ctx.Require(!amount.IsZero, "nothing to withdraw");
        ctx.Transfer(ctx.Caller, amount);
        ctx.Emit(StakingEvents.Withdrawn, ctx.Caller, amount);
        return [amount];
    }

    private object?[] ClaimRewards(SystemContractContext ctx, AbiArgs args)
    {
        UInt256 amount = Ledger(ctx).TakeRewards(ctx.Caller);
        ctx.Require(!amount.IsZero, "no rewards to claim");
        ctx.Transfer(ctx.Caller, amount);
        ctx.Emit(StakingEvents.RewardsClaimed, ctx.Caller, amount);
        return [amount];
    }

    private object?[] Unjail(SystemContractContext ctx, AbiArgs args)
    {
        StakingLedger ledger = Ledger(ctx);
        if (_slashing.UnjailError(ledger, ctx.Caller, ctx.Block.Number) is { } error)
        {
            ctx.Revert(error);
        }

        ledger.SetUnjailRequired(ctx.Caller, StakingRole.Validator, false);
        ctx.Emit(StakingEvents.Unjailed, ctx.Caller);
        return [];
    }

    private object?[] IsTombstoned(SystemContractContext ctx, AbiArgs args) =>
        [Ledger(ctx).GetJailedUntil(args.Address(0), StakingRole.Validator) == StakingState.Forever];

    private object?[] SigningInfo(SystemContractContext ctx, AbiArgs args)
    {
        SigningInfo info = _slashing.GetSigningInfo(ctx.State, args.Address(0));
        return [(UInt256)info.Observed, (UInt256)info.Missed];
    }

    private object?[] EvidenceBlock(SystemContractContext ctx, AbiArgs args) => [(UInt256)_slashing.GetEvidenceBlock(ctx.State, args.Bytes32(0))];

    private object?[] StakeOf(SystemContractContext ctx, AbiArgs args) => [Ledger(ctx).GetStake(args.Address(0), Role(ctx, args, 1))];

    private object?[] TotalStake(SystemContractContext ctx, AbiArgs args) => [Ledger(ctx).GetTotalStake(Role(ctx, args, 0))];

    private object?[] IsActive(SystemContractContext ctx, AbiArgs args) =>
        [Ledger(ctx).IsActive(args.Address(0), Role(ctx, args, 1), ctx.Block.Number)];

    private object?[] IsJailed(SystemContractContext ctx, AbiArgs args) =>
        [Ledger(ctx).IsJailed(args.Address(0), Role(ctx, args, 1), ctx.Block.Number)];

    private object?[] JailedUntil(SystemContractContext ctx, AbiArgs args) =>
        [(UInt256)Ledger(ctx).GetJailedUntil(args.Address(0), Role(ctx, args, 1))];

    private object?[] MemberCount(SystemContractContext ctx, AbiArgs args) => [(UInt256)Ledger(ctx).GetMemberCount(Role(ctx, args, 0))];

    private object?[] Members(SystemContractContext ctx, AbiArgs args)
    {
        StakingRole role = Role(ctx, args, 0);
        UInt256 offset = args.UInt256(1);
        UInt256 limit = args.UInt256(2);
        StakingLedger ledger = Ledger(ctx);
        ulong count = ledger.GetMemberCount(role);
        if (offset >= count)
        {
            return [Array.Empty<Address>()];
        }

        ulong start = (ulong)offset;
        ulong take = limit < count - start ? (ulong)limit : count - start;
        ctx.ChargeItems((long)take);
        return [ledger.GetMembers(role, start, take)];
    }

    private object?[] Unbonding(SystemContractContext ctx, AbiArgs args)
    {
        StakingLedger ledger = Ledger(ctx);
        Address account = args.Address(0);
        ctx.ChargeItems((long)ledger.GetUnbondingCount(account));
        UnbondingEntry[] entries = ledger.GetUnbonding(account);
        UInt256[] amounts = new UInt256[entries.Length];
        UInt256[] releases = new UInt256[entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            amounts[i] = entries[i].Amount;
            releases[i] = entries[i].ReleaseBlock;
        }

        return [amounts, releases];
    }

    private object?[] ValidatorKey(SystemContractContext ctx, AbiArgs args) => [Ledger(ctx).GetValidatorKey(args.Address(0))];

    private object?[] MinimumStake(SystemContractContext ctx, AbiArgs args) => [_staking.MinimumStake(Role(ctx, args, 0))];

    private object?[] UnbondingBlocks(SystemContractContext ctx, AbiArgs args) => [(UInt256)_staking.Parameters.UnbondingBlocks];

    private object?[] PendingRewards(SystemContractContext ctx, AbiArgs args) => [Ledger(ctx).GetPendingRewards(args.Address(0))];

    private object?[] RewardPool(SystemContractContext ctx, AbiArgs args) => [Ledger(ctx).GetRewardPool(Role(ctx, args, 0))];

    private static StakingRole Role(SystemContractContext ctx, AbiArgs args, int index)
    {
        ulong value = args.UInt64(index);
        if (!StakingRoles.IsDefined(value))
        {
            ctx.Revert($"unknown role {value}: expected 0 (Validator), 1 (EnrollmentOperator), 2 (Issuer), 3 (Prover) or 4 (ModelHost)");
        }

        return (StakingRole)value;
    }

    private StakingLedger Ledger(SystemContractContext ctx) => _staking.Ledger(ctx.Storage, ctx.IsReadOnly ? null : ctx.Emit);
}
