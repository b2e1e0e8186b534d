using System.Numerics;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Specs;
using TrustChain.Core;
using static TrustChain.Chain.SystemContracts.ContractGuard;

namespace TrustChain.Chain.SystemContracts.Staking;

/// <summary>
/// The Staking contract's storage layout and bookkeeping, shared by the ABI methods and the native API.
/// Every mutation keeps the contract's balance equal to bonded + unbonding + undistributed pools + claimable rewards;
/// moving wei in or out of the contract's account is the caller's part.
/// </summary>
internal sealed class StakingLedger
{
    /// <summary>Bounds the gas of withdraw() and unbonding(); an account must withdraw matured entries to queue more.</summary>
    public const int MaxUnbondingEntries = 32;

    public const uint BasisPoints = 10_000;

    private static readonly StorageMap StakeMap = StorageMap.Named("staking.stake");
    private static readonly StorageMap TotalStakeMap = StorageMap.Named("staking.totalStake");
    private static readonly StorageMap MemberCountMap = StorageMap.Named("staking.memberCount");
    private static readonly StorageMap MemberAtMap = StorageMap.Named("staking.memberAt");
    private static readonly StorageMap MemberIndexMap = StorageMap.Named("staking.memberIndex");
    private static readonly StorageMap JailedUntilMap = StorageMap.Named("staking.jailedUntil");
    private static readonly StorageMap UnjailRequiredMap = StorageMap.Named("staking.unjailRequired");
    private static readonly StorageMap ValidatorKeyMap = StorageMap.Named("staking.validatorKey");
    private static readonly StorageMap UnbondingCountMap = StorageMap.Named("staking.unbondingCount");
    private static readonly StorageMap UnbondingAmountMap = StorageMap.Named("staking.unbondingAmount");
    private static readonly StorageMap UnbondingReleaseMap = StorageMap.Named("staking.unbondingRelease");
    private static readonly StorageMap RewardPoolMap = StorageMap.Named("staking.rewardPool");
    private static readonly StorageMap RewardsMap = StorageMap.Named("staking.rewards");
    private static readonly StorageSlot TotalUnbondingSlot = StorageSlot.Named("staking.totalUnbonding");
    private static readonly StorageSlot TotalClaimableSlot = StorageSlot.Named("staking.totalClaimable");

    private readonly ContractStorage _storage;
    private readonly ChainParameters _parameters;
    private readonly Action<AbiEvent, object?[]>? _emit;

    public StakingLedger(ContractStorage storage, ChainParameters parameters, Action<AbiEvent, object?[]>? emit)
    {
        _storage = storage;
        _parameters = parameters;
        _emit = emit;
    }

    public UInt256 GetStake(Address account, StakingRole role) => _storage.GetUInt256(StakeMap.Map(Key(role))[account]);

    public UInt256 GetTotalStake(StakingRole role) => _storage.GetUInt256(TotalStakeMap[Key(role)]);

    public ulong GetJailedUntil(Address account, StakingRole role) => _storage.GetUInt64(JailedUntilMap.Map(Key(role))[account]);

    /// <summary>Jailed while the jail term runs and, for a slashing jail, until the account calls unjail().</summary>
    public bool IsJailed(Address account, StakingRole role, ulong blockNumber) =>
        blockNumber < GetJailedUntil(account, role) || IsUnjailRequired(account, role);

    public bool IsUnjailRequired(Address account, StakingRole role) => _storage.GetBool(UnjailRequiredMap.Map(Key(role))[account]);

    /// <summary>Set by a slashing jail, so the account stays out of the active set after the term until it asks back in.</summary>
    public void SetUnjailRequired(Address account, StakingRole role, bool required) =>
        _storage.SetBool(UnjailRequiredMap.Map(Key(role))[account], required);

    public bool IsActive(Address account, StakingRole role, ulong blockNumber)
    {
        UInt256 stake = GetStake(account, role);
        return !stake.IsZero && stake >= _parameters.MinimumStake(role) && !IsJailed(account, role, blockNumber);
    }

    public ulong GetMemberCount(StakingRole role) => _storage.GetUInt64(MemberCountMap[Key(role)]);

    public Address GetMemberAt(StakingRole role, ulong index) => _storage.GetAddress(MemberAtMap.Map(Key(role))[index]);

    public Address[] GetMembers(StakingRole role, ulong offset, ulong count)
    {
        StorageMap at = MemberAtMap.Map(Key(role));
        Address[] members = new Address[count];
        for (ulong i = 0; i < count; i++)
        {
            members[i] = _storage.GetAddress(at[offset + i]);
        }

        return members;
    }

    public byte[] GetValidatorKey(Address account) => _storage.GetBytes(ValidatorKeyMap[account]);

    public bool HasValidatorKey(Address account) => _storage.IsSet(ValidatorKeyMap[account]);

    public ulong GetUnbondingCount(Address account) => _storage.GetUInt64(UnbondingCountMap[account]);

    public UnbondingEntry[] GetUnbonding(Address account)
    {
        ulong count = GetUnbondingCount(account);
        StorageMap amounts = UnbondingAmountMap.Map(account);
        StorageMap releases = UnbondingReleaseMap.Map(account);
        UnbondingEntry[] entries = new UnbondingEntry[count];
        for (ulong i = 0; i < count; i++)
        {
            entries[i] = new UnbondingEntry(_storage.GetUInt256(amounts[i]), _storage.GetUInt64(releases[i]));
        }

        return entries;
    }

    public UInt256 GetRewardPool(StakingRole role) => _storage.GetUInt256(RewardPoolMap[Key(role)]);

    public UInt256 GetPendingRewards(Address account) => _storage.GetUInt256(RewardsMap[account]);

    public UInt256 GetTotalUnbonding() => _storage.GetUInt256(TotalUnbondingSlot);

    public UInt256 GetTotalClaimable() => _storage.GetUInt256(TotalClaimableSlot);

    /// <summary>What the contract owes: the balance it must hold.</summary>
    public UInt256 GetLiabilities()
    {
        UInt256 sum = GetTotalUnbonding() + GetTotalClaimable();
        for (byte r = 0; r < StakingRoles.Count; r++)
        {
            sum += GetTotalStake((StakingRole)r) + GetRewardPool((StakingRole)r);
        }

        return sum;
    }

    /// <summary>Bonds <paramref name="amount"/> (already in the contract's balance); a new member needs the role's minimum.</summary>
    public UInt256 AddStake(Address account, StakingRole role, in UInt256 amount)
    {
        Require(!amount.IsZero, "stake requires a non-zero value");
        StorageSlot slot = StakeMap.Map(Key(role))[account];
        UInt256 current = _storage.GetUInt256(slot);
        UInt256 minimum = _parameters.MinimumStake(role);
        Require(!current.IsZero || amount >= minimum, $"stake {amount} is below the minimum {minimum} for a new {role}");
        Require(!UInt256.AddOverflow(current, amount, out UInt256 updated), "stake overflows 256 bits");
        _storage.SetUInt256(slot, updated);
        AddToTotal(role, amount);
        if (current.IsZero)
        {
            AddMember(role, account);
        }

        Emit(StakingEvents.Staked, account, (byte)role, amount, updated);
        return updated;
    }

    public void SetValidatorKey(Address account, byte[] key)
    {
        _storage.SetBytes(ValidatorKeyMap[account], key);
        Emit(StakingEvents.ValidatorKeySet, account, key);
    }

    /// <summary>Moves <paramref name="amount"/> from bonded into an unbonding entry; returns its release block.</summary>
    public ulong RequestUnstake(Address account, StakingRole role, in UInt256 amount, ulong blockNumber)
    {
        Require(!amount.IsZero, "unstake amount must be greater than zero");
        StorageSlot slot = StakeMap.Map(Key(role))[account];
        UInt256 current = _storage.GetUInt256(slot);
        Require(amount <= current, $"unstake amount {amount} exceeds the {role} stake {current}");
        UInt256 remaining = current - amount;
        Require(remaining.IsZero || remaining >= _parameters.MinimumStake(role), "remaining stake below minimum");
        ulong count = GetUnbondingCount(account);
        Require(count < MaxUnbondingEntries, $"too many pending unbonding entries (at most {MaxUnbondingEntries}): withdraw matured ones first");
        Require(blockNumber <= ulong.MaxValue - _parameters.UnbondingBlocks, "release block overflows");
        ulong release = blockNumber + _parameters.UnbondingBlocks;

        _storage.SetUInt256(slot, remaining);
        _storage.SetUInt256(TotalStakeMap[Key(role)], GetTotalStake(role) - amount);
        if (remaining.IsZero)
        {
            RemoveMember(role, account);
        }

        _storage.SetUInt256(UnbondingAmountMap.Map(account)[count], amount);
        _storage.SetUInt64(UnbondingReleaseMap.Map(account)[count], release);
        _storage.SetUInt64(UnbondingCountMap[account], count + 1);
        _storage.SetUInt256(TotalUnbondingSlot, GetTotalUnbonding() + amount);
        Emit(StakingEvents.UnstakeRequested, account, (byte)role, amount, release);
        return release;
    }

    /// <summary>Removes every matured entry (keeping the rest in order) and returns their sum; the caller pays it out.</summary>
    public UInt256 RemoveMaturedUnbonding(Address account, ulong blockNumber)
    {
        ulong count = GetUnbondingCount(account);
        StorageMap amounts = UnbondingAmountMap.Map(account);
        StorageMap releases = UnbondingReleaseMap.Map(account);
        UInt256 matured = UInt256.Zero;
        ulong kept = 0;
        for (ulong i = 0; i < count; i++)
        {
            UInt256 amount = _storage.GetUInt256(amounts[i]);
            ulong release = _storage.GetUInt64(releases[i]);
            if (release <= blockNumber)
            {
                matured += amount;
                continue;
            }

            if (kept != i)
            {
                _storage.SetUInt256(amounts[kept], amount);
                _storage.SetUInt64(releases[kept], release);
            }

            kept++;
        }

        if (matured.IsZero)
        {
            return matured;
        }

        for (ulong i = kept; i < count; i++)
        {
            _storage.Clear(amounts[i]);
            _storage.Clear(releases[i]);
        }

        _storage.SetUInt64(UnbondingCountMap[account], kept);
        _storage.SetUInt256(TotalUnbondingSlot, GetTotalUnbonding() - matured);
        return matured;
    }

    /// <summary>Zeroes the account's claimable rewards and returns them; the caller pays them out.</summary>
    public UInt256 TakeRewards(Address account)
    {
        StorageSlot slot = RewardsMap[account];
        UInt256 amount = _storage.GetUInt256(slot);
        if (!amount.IsZero)
        {
            _storage.Clear(slot);
            _storage.SetUInt256(TotalClaimableSlot, GetTotalClaimable() - amount);
        }

        return amount;
    }

    /// <summary>Takes ⌊stake × bps / 10,000⌋ out of the bonded stake; the caller burns or forwards it.</summary>
    public UInt256 Slash(Address account, StakingRole role, uint basisPoints)
    {
        StorageSlot slot = StakeMap.Map(Key(role))[account];
        UInt256 stake = _storage.GetUInt256(slot);
        // q·bps + r·bps/10⁴ is exactly ⌊stake·bps/10⁴⌋ without the product overflowing.
        UInt256.DivRem(stake, BasisPoints, out UInt256 quotient, out UInt256 remainder);
        UInt256 amount = quotient * basisPoints + remainder * basisPoints / BasisPoints;
        if (amount.IsZero)
        {
            return amount;
        }

        UInt256 remaining = stake - amount;
        _storage.SetUInt256(slot, remaining);
        _storage.SetUInt256(TotalStakeMap[Key(role)], GetTotalStake(role) - amount);
        if (remaining.IsZero)
        {
            RemoveMember(role, account);
        }

        return amount;
    }

    /// <summary>Extends (never shortens) the account's jail in the role to <paramref name="untilBlock"/>.</summary>
    public ulong Jail(Address account, StakingRole role, ulong untilBlock)
    {
        StorageSlot slot = JailedUntilMap.Map(Key(role))[account];
        ulong until = Math.Max(_storage.GetUInt64(slot), untilBlock);
        _storage.SetUInt64(slot, until);
        return until;
    }

    /// <summary>Adds <paramref name="amount"/> (already in the contract's balance) to the role's undistributed pool.</summary>
    public void AddToPool(StakingRole role, in UInt256 amount)
    {
        StorageSlot slot = RewardPoolMap[Key(role)];
        UInt256 pool = _storage.GetUInt256(slot);
        if (UInt256.AddOverflow(pool, amount, out UInt256 updated))
        {
            throw new OverflowException($"the {role} reward pool would overflow 256 bits");
        }

        _storage.SetUInt256(slot, updated);
    }

    /// <summary>
    /// Splits the role's pool pro rata to the stake of its active members into claimable rewards. Integer shares
    /// round down; the remainder stays in the pool for the next epoch, as does the whole pool when nobody is active.
    /// </summary>
    public UInt256 DistributePool(StakingRole role, ulong blockNumber)
    {
        StorageSlot poolSlot = RewardPoolMap[Key(role)];
        UInt256 pool = _storage.GetUInt256(poolSlot);
        if (pool.IsZero)
        {
            return pool;
        }

        ulong count = GetMemberCount(role);
        StorageMap at = MemberAtMap.Map(Key(role));
        List<(Address Account, UInt256 Stake)> active = [];
        UInt256 total = UInt256.Zero;
        for (ulong i = 0; i < count; i++)
        {
            Address member = _storage.GetAddress(at[i]);
            if (IsActive(member, role, blockNumber))
            {
                UInt256 stake = GetStake(member, role);
                active.Add((member, stake));
                total += stake;
            }
        }

        if (total.IsZero)
        {
            return UInt256.Zero;
        }

        UInt256 distributed = UInt256.Zero;
        foreach ((Address account, UInt256 stake) in active)
        {
            UInt256 share = MulDiv(pool, stake, total);
            if (!share.IsZero)
            {
                StorageSlot slot = RewardsMap[account];
                _storage.SetUInt256(slot, _storage.GetUInt256(slot) + share);
                distributed += share;
            }
        }

        UInt256 remainder = pool - distributed;
        _storage.SetUInt256(poolSlot, remainder);
        _storage.SetUInt256(TotalClaimableSlot, GetTotalClaimable() + distributed);
        Emit(StakingEvents.RewardsDistributed, (byte)role, distributed, remainder);
        return distributed;
    }

    internal static UInt256 MulDiv(in UInt256 a, in UInt256 b, in UInt256 divisor)
    {
        if (!UInt256.MultiplyOverflow(a, b, out UInt256 product))
        {
            return product / divisor;
        }

        // Only for amounts far beyond any real supply; correctness over speed on this cold path.
        return UInt256.FromBigInteger(BigInteger.Divide(a.ToBigInteger() * b.ToBigInteger(), divisor.ToBigInteger()));
    }

    public void Emit(AbiEvent @event, params object?[] values) => _emit?.Invoke(@event, values);

    private static UInt256 Key(StakingRole role) => (uint)role;

    private void AddToTotal(StakingRole role, in UInt256 amount)
    {
        StorageSlot slot = TotalStakeMap[Key(role)];
        _storage.SetUInt256(slot, _storage.GetUInt256(slot) + amount);
    }

    private void AddMember(StakingRole role, Address account)
    {
        StorageSlot countSlot = MemberCountMap[Key(role)];
        ulong count = _storage.GetUInt64(countSlot);
        _storage.SetAddress(MemberAtMap.Map(Key(role))[count], account);
        _storage.SetUInt64(MemberIndexMap.Map(Key(role))[account], count + 1);
        _storage.SetUInt64(countSlot, count + 1);
    }

    /// <summary>Swap-remove: the last member takes the leaver's index, so removal is O(1) and the list stays dense.</summary>
    private void RemoveMember(StakingRole role, Address account)
    {
        StorageMap at = MemberAtMap.Map(Key(role));
        StorageMap indexOf = MemberIndexMap.Map(Key(role));
        StorageSlot indexSlot = indexOf[account];
        ulong position = _storage.GetUInt64(indexSlot);
        if (position == 0)
        {
            throw new InvalidOperationException($"staking index corrupt: {account} holds {role} stake but is not in the member list");
        }

        StorageSlot countSlot = MemberCountMap[Key(role)];
        ulong last = _storage.GetUInt64(countSlot) - 1;
        ulong index = position - 1;
        if (index != last)
        {
            Address moved = _storage.GetAddress(at[last]);
            _storage.SetAddress(at[index], moved);
            _storage.SetUInt64(indexOf[moved], position);
        }

        _storage.Clear(at[last]);
        _storage.Clear(indexSlot);
        _storage.SetUInt64(countSlot, last);
    }
}
