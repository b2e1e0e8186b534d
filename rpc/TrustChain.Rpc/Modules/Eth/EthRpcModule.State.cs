using TrustChain.Chain.Execution;
using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth;

public sealed partial class EthRpcModule
{
    private void RegisterStateMethods(RpcMethodRegistry registry)
    {
        Add(registry, "eth_getBalance", 2, p =>
        {
            Address address = ReadAddress(p, 0);
            IStateReader state = StateAt(BlockParameter.ParseNumberOrHash(p, 1));
            return EthJson.Quantity(state.GetAccount(address).Balance);
        });

        Add(registry, "eth_getTransactionCount", 2, p =>
        {
            Address address = ReadAddress(p, 0);
            BlockParameter block = BlockParameter.ParseNumberOrHash(p, 1);
            if (block.Tag == BlockTag.Pending)
            {
                return RpcHex.EncodeQuantity(_context.Pool.GetPendingNonce(address));
            }

            return RpcHex.EncodeQuantity(StateAt(block).GetAccount(address).Nonce);
        });

        Add(registry, "eth_getCode", 2, p =>
        {
            Address address = ReadAddress(p, 0);
            // Resolving the block keeps geth's "header not found" for unknown blocks even though code never changes.
            _ = StateAt(BlockParameter.ParseNumberOrHash(p, 1));
            return _context.Chain.SystemContracts.TryGet(address, out ISystemContract? contract)
                ? RpcHex.EncodeBytes(contract!.Code)
                : "0x";
        });

        Add(registry, "eth_getStorageAt", 3, p =>
        {
            Address address = ReadAddress(p, 0);
            Span<byte> slot = stackalloc byte[32];
            p.GetQuantity256(1, slot);
            IStateReader state = StateAt(BlockParameter.ParseNumberOrHash(p, 2));
            return RpcHex.EncodeBytes(StorageWord(state.GetStorage(address, slot)));
        });

        Add(registry, "eth_call", 3, p =>
        {
            CallArgs args = CallArgs.Parse(p, 0);
            BlockParameter block = BlockParameter.ParseOptionalNumberOrHash(p, 1, BlockParameter.Latest);
            if (!p.IsMissing(2))
            {
                throw RpcException.InvalidArgument(2, "state overrides are not supported");
            }

            return RpcHex.EncodeBytes(_simulator.Call(args, block));
        });

        Add(registry, "eth_estimateGas", 3, p =>
        {
            CallArgs args = CallArgs.Parse(p, 0);
            BlockParameter block = BlockParameter.ParseOptionalNumberOrHash(p, 1, BlockParameter.Latest);
            if (!p.IsMissing(2))
            {
                throw RpcException.InvalidArgument(2, "state overrides are not supported");
            }

            return RpcHex.EncodeQuantity(_simulator.EstimateGas(args, block));
        });
    }

    private IStateReader StateAt(in BlockParameter block)
    {
        BlockHeader header = _context.RequireHeader(block);
        return _context.GetState(header);
    }

    /// <summary>Storage reads as a 32-byte word (left-padded) like the EVM's; longer system values are returned whole.</summary>
    private static byte[] StorageWord(byte[]? value)
    {
        if (value is null || value.Length == 0)
        {
            return new byte[32];
        }

        if (value.Length >= 32)
        {
            return value;
        }

        byte[] word = new byte[32];
        value.CopyTo(word.AsSpan(32 - value.Length));
        return word;
    }

    private static Address ReadAddress(RpcParams p, int index)
    {
        Span<byte> bytes = stackalloc byte[Address.Length];
        p.GetFixedBytes(index, bytes, "common.Address");
        return new Address(bytes);
    }

    private static Hash256 ReadHash(RpcParams p, int index)
    {
        Span<byte> bytes = stackalloc byte[Hash256.Length];
        p.GetFixedBytes(index, bytes, "common.Hash");
        return new Hash256(bytes);
    }
}
