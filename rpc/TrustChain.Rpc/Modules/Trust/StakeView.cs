using System.Text.Json;
using TrustChain.Chain.State;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Modules.Eth;

namespace TrustChain.Rpc.Modules.Trust;

/// <summary>
/// trust_getStake's answer: per role {role, roleId, bonded, minimum, active, jailed, jailedUntil}, the total bonded,
/// the unbonding entries {amount, releaseBlock, withdrawable}, the unclaimed rewards and the consensus key (null when
/// the account never staked as a validator). Read eagerly so the response is one consistent state.
/// </summary>
public sealed class StakeView
{
    private readonly RoleStake[] _roles;
    private readonly IReadOnlyList<UnbondingEntry> _unbonding;

    private StakeView(Address account, ulong blockNumber, RoleStake[] roles, IReadOnlyList<UnbondingEntry> unbonding, UInt256 rewards, byte[] consensusKey)
    {
        Account = account;
        BlockNumber = blockNumber;
        _roles = roles;
        _unbonding = unbonding;
        PendingRewards = rewards;
        ConsensusKey = consensusKey;
    }

    public Address Account { get; }

    public ulong BlockNumber { get; }

    public UInt256 PendingRewards { get; }

    public byte[] ConsensusKey { get; }

    public static StakeView Read(StakingState staking, IStateReader state, Address account, ulong blockNumber)
    {
        ArgumentNullException.ThrowIfNull(staking);
        RoleStake[] roles = new RoleStake[StakingRoles.Count];
        for (int r = 0; r < roles.Length; r++)
        {
            StakingRole role = (StakingRole)r;
            roles[r] = new RoleStake(
                role,
                staking.GetStake(state, account, role),
                staking.MinimumStake(role),
                staking.IsActive(state, account, role, blockNumber),
                staking.IsJailed(state, account, role, blockNumber),
                staking.GetJailedUntil(state, account, role));
        }

        return new StakeView(account, blockNumber, roles, staking.GetUnbonding(state, account), staking.GetPendingRewards(state, account),
            staking.GetValidatorKey(state, account));
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        EthJson.WriteAddress(writer, "address", Account);
        UInt256 bonded = UInt256.Zero;
        writer.WriteStartArray("roles");
        foreach (RoleStake role in _roles)
        {
            bonded += role.Bonded;
            writer.WriteStartObject();
            writer.WriteString("role", TrustJson.CamelCase(role.Role.ToString()));
            writer.WriteNumber("roleId", (byte)role.Role);
            EthJson.WriteQuantity(writer, "bonded", role.Bonded);
            EthJson.WriteQuantity(writer, "minimum", role.Minimum);
            writer.WriteBoolean("active", role.Active);
            writer.WriteBoolean("jailed", role.Jailed);
            EthJson.WriteQuantity(writer, "jailedUntil", role.JailedUntil);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        EthJson.WriteQuantity(writer, "bonded", bonded);
        UInt256 unbondingTotal = UInt256.Zero;
        writer.WriteStartArray("unbonding");
        foreach (UnbondingEntry entry in _unbonding)
        {
            unbondingTotal += entry.Amount;
            writer.WriteStartObject();
            EthJson.WriteQuantity(writer, "amount", entry.Amount);
            EthJson.WriteQuantity(writer, "releaseBlock", entry.ReleaseBlock);
            writer.WriteBoolean("withdrawable", entry.ReleaseBlock <= BlockNumber + 1);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        EthJson.WriteQuantity(writer, "unbondingTotal", unbondingTotal);
        EthJson.WriteQuantity(writer, "pendingRewards", PendingRewards);
        if (ConsensusKey.Length == 0)
        {
            writer.WriteNull("consensusPublicKey");
        }
        else
        {
            writer.WriteString("consensusPublicKey", RpcHex.EncodeBytes(ConsensusKey));
        }

        EthJson.WriteQuantity(writer, "blockNumber", BlockNumber);
        writer.WriteEndObject();
    }

    private readonly record struct RoleStake(StakingRole Role, UInt256 Bonded, UInt256 Minimum, bool Active, bool Jailed, ulong JailedUntil);
}
