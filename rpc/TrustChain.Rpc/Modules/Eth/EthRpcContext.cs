using TrustChain.Chain.Blocks;
using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Rpc.JsonRpc;
using ChainTxPool = TrustChain.Chain.TxPool.TxPool;

namespace TrustChain.Rpc.Modules.Eth;

/// <summary>
/// Everything the eth_ module reads: the chain, the pool, options, the filter table and the gas price oracle.
/// Dispose it on shutdown (stops the filter sweeper and detaches pending-transaction filters from the pool).
/// </summary>
public sealed class EthRpcContext : IDisposable
{
    public EthRpcContext(Blockchain chain, ChainTxPool pool, EthRpcOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(pool);
        Options = options ?? new EthRpcOptions();
        Options.Validate();
        Chain = chain;
        Pool = pool;
        Time = time ?? TimeProvider.System;
        Filters = new FilterManager(this);
        GasPriceOracle = new GasPriceOracle(chain, Options);
    }

    public Blockchain Chain { get; }

    public ChainTxPool Pool { get; }

    public EthRpcOptions Options { get; }

    public TimeProvider Time { get; }

    public FilterManager Filters { get; }

    public GasPriceOracle GasPriceOracle { get; }

    public ulong ChainId => Chain.Spec.ChainId;

    /// <summary>The header a selector names, or null when there is no such block.</summary>
    public BlockHeader? FindHeader(in BlockParameter block)
    {
        switch (block.Tag)
        {
            case BlockTag.Number:
                return Chain.GetHeader(block.Number);
            case BlockTag.Earliest:
                return Chain.GetHeader(0);
            case BlockTag.Hash:
                BlockHeader? header = Chain.GetHeader(block.Hash);
                if (header is not null && block.RequireCanonical && Chain.Store.GetCanonicalHash(header.Number) != header.Hash)
                {
                    throw RpcException.ServerError("hash is not currently canonical");
                }

                return header;
            default:
                return Chain.Head;
        }
    }

    /// <summary>Like <see cref="FindHeader"/> but with geth's errors for state queries on unknown blocks.</summary>
    public BlockHeader RequireHeader(in BlockParameter block) =>
        FindHeader(block) ?? throw RpcException.ServerError(block.Tag == BlockTag.Hash ? "header for hash not found" : "header not found");

    /// <summary>Block number a selector stands for in a range query (tags follow the head).</summary>
    public ulong ResolveNumber(in BlockParameter block) => block.Tag switch
    {
        BlockTag.Number => block.Number,
        BlockTag.Earliest => 0,
        BlockTag.Hash => RequireHeader(block).Number,
        _ => Chain.Head.Number,
    };

    public IStateReader GetState(BlockHeader header)
    {
        try
        {
            return Chain.GetState(header);
        }
        catch (StateRootNotFoundException)
        {
            throw RpcException.ServerError($"historical state {EthJson.HashHex(header.StateRoot)} is not available");
        }
    }

    public WorldState CreateWorldState(BlockHeader header)
    {
        try
        {
            return Chain.CreateWorldStateAt(header);
        }
        catch (StateRootNotFoundException)
        {
            throw RpcException.ServerError($"historical state {EthJson.HashHex(header.StateRoot)} is not available");
        }
    }

    public Block? FindBlock(in BlockParameter block) => FindHeader(block) is { } header ? Chain.GetBlock(header.Hash) : null;

    public void Dispose() => Filters.Dispose();
}
