using System.Text.Json;
using TrustChain.Chain.State;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Modules.Eth;

namespace TrustChain.Rpc.Modules.Trust;

public sealed partial class TrustRpcModule
{
    private void RegisterStakingMethods(RpcMethodRegistry registry)
    {
        // (address, block?) → every role's bonded stake and status, the unbonding entries and unclaimed rewards.
        Add(registry, "trust_getStake", 2, p =>
        {
            Address account = TrustParams.ReadAddress(p, 0);
            (BlockHeader header, IStateReader state) = At(p, 1);
            StakeView view = StakeView.Read(_context.Staking, state, account, header.Number);
            return new JsonResult(w => view.WriteTo(w));
        });

        // (block?) → the active validator set derived from Staking (top maxValidators by stake, ties by address).
        Add(registry, "trust_getValidators", 1, p =>
        {
            (BlockHeader header, IStateReader state) = At(p, 0);
            IReadOnlyList<ActiveValidator> validators = _context.Staking.GetActiveValidators(state, header.Number);
            return new JsonResult(w =>
            {
                w.WriteStartArray();
                foreach (ActiveValidator validator in validators)
                {
                    TrustJson.WriteValidator(w, validator);
                }

                w.WriteEndArray();
            });
        });

        // (key, block?) → the state map's inclusion/exclusion proof for: an address (its account leaf), a raw 32-byte
        // state key, or {"address": a, "slot": "0x…"} (a contract storage slot).
        Add(registry, "trust_getProof", 2, p =>
        {
            Hash256 key = ReadStateKey(p, 0);
            BlockHeader header = _context.Eth.RequireHeader(BlockParameter.ParseOptionalNumberOrHash(p, 1, BlockParameter.Latest));
            StateProof proof;
            try
            {
                proof = _context.Eth.Chain.StateDatabase.GetProof(header.StateRoot, key.Bytes);
            }
            catch (StateRootNotFoundException)
            {
                throw RpcException.ServerError($"historical state {EthJson.HashHex(header.StateRoot)} is not available");
            }

            return new JsonResult(w => TrustJson.WriteStateProof(w, proof, header.StateRoot, header.Number, header.Hash));
        });
    }

    private static Hash256 ReadStateKey(RpcParams p, int index)
    {
        JsonElement element = p.GetRequired(index);
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (!element.TryGetProperty("address", out JsonElement address) || !element.TryGetProperty("slot", out JsonElement slot))
            {
                throw RpcException.InvalidArgument(index, "a storage key is {\"address\": \"0x…\", \"slot\": \"0x…\"}");
            }

            if (slot.ValueKind != JsonValueKind.String || !RpcHex.TryDecodeBytes(slot.GetString(), out byte[] slotBytes, out string? error))
            {
                throw RpcException.InvalidArgument(index, "slot must be 0x-hex bytes");
            }

            if (slotBytes.Length > StateKeys.MaxSlotLength)
            {
                throw RpcException.InvalidArgument(index, $"slot is {slotBytes.Length} bytes; at most {StateKeys.MaxSlotLength} allowed");
            }

            return StateKeys.Storage(TrustParams.ReadAddress(address, index), slotBytes);
        }

        string? text = element.ValueKind == JsonValueKind.String
            ? element.GetString()
            : throw RpcException.InvalidArgument(index, "expected an address, a 32-byte state key or {\"address\", \"slot\"}");
        return text!.Length switch
        {
            2 + 2 * Address.Length => StateKeys.Account(TrustParams.ReadAddress(element, index)),
            2 + 2 * Hash256.Length => TrustParams.ReadHash(p, index),
            _ => throw RpcException.InvalidArgument(index, $"a key is a 20-byte address or a 32-byte state key in 0x-hex, got {text.Length} characters"),
        };
    }
}
