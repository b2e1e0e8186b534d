using TrustChain.Core;
using TrustChain.Chain.Specs;

namespace TrustChain.Rpc.Modules.Eth;

/// <summary>Limits and defaults of the eth_/net_/web3_ module. Defaults follow geth where geth has one.</summary>
public sealed class EthRpcOptions
{
    public const string DefaultClientVersion = "TrustChain/v0.1.0/linux-x64/dotnet10";

    /// <summary>Widest eth_getLogs / filter range in blocks ("query exceeds max block range N").</summary>
    public int MaxLogBlockRange { get; init; } = 10_000;

    /// <summary>Most logs one query may return (-32005 "query returned more than N results").</summary>
    public int MaxLogResults { get; init; } = 10_000;

    /// <summary>Filters not polled for this long are removed (geth: 5 minutes).</summary>
    public TimeSpan FilterTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Hashes a pending-transaction filter buffers between polls; older ones are dropped first.</summary>
    public int MaxPendingFilterHashes { get; init; } = 4096;

    /// <summary>Gas cap for eth_call / eth_estimateGas (geth --rpc.gascap, 50M); the block gas limit applies too.</summary>
    public ulong GasCap { get; init; } = 50_000_000;

    /// <summary>Largest eth_feeHistory blockCount; larger requests are clamped as geth does.</summary>
    public int MaxFeeHistoryBlocks { get; init; } = 1024;

    /// <summary>Blocks the gas price oracle samples (geth gpo.blocks).</summary>
    public int GasPriceOracleBlocks { get; init; } = 20;

    /// <summary>Percentile of sampled tips the oracle suggests (geth gpo.percentile).</summary>
    public int GasPriceOraclePercentile { get; init; } = 60;

    /// <summary>Tip suggested while no recent block has a usable sample.</summary>
    public UInt256 DefaultPriorityFee { get; init; } = ChainParameters.OneGwei;

    /// <summary>Upper bound of the suggested tip (geth gpo.maxprice, 500 gwei).</summary>
    public UInt256 MaxPriorityFee { get; init; } = 500 * ChainParameters.OneGwei;

    /// <summary>Tips at or below this are ignored by the oracle (geth gpo.ignoreprice, 2 wei).</summary>
    public UInt256 IgnorePriorityFee { get; init; } = 2;

    public string ClientVersion { get; init; } = DefaultClientVersion;

    /// <summary>Source of net_peerCount (the network layer supplies it; a node without peers reports 0).</summary>
    public Func<int> PeerCount { get; init; } = static () => 0;

    internal void Validate()
    {
        if (MaxLogBlockRange <= 0 || MaxLogResults <= 0 || MaxPendingFilterHashes <= 0 || MaxFeeHistoryBlocks <= 0)
        {
            throw new ArgumentException("EthRpcOptions limits must be positive.");
        }

        if (FilterTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("FilterTimeout must be positive.", nameof(FilterTimeout));
        }

        if (GasPriceOracleBlocks <= 0 || GasPriceOraclePercentile is < 0 or > 100)
        {
            throw new ArgumentException("Gas price oracle settings are out of range (blocks > 0, percentile 0..100).");
        }

        ArgumentNullException.ThrowIfNull(PeerCount);
        ArgumentNullException.ThrowIfNull(ClientVersion);
    }
}
