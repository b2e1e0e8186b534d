using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Transactions;

namespace TrustChain.Rpc.Modules.Eth;

/// <summary>
/// Suggested priority fee as geth's oracle computes it: the lowest few effective tips of each of the last N blocks
/// (ignoring the proposer's own transactions and dust tips), the configured percentile of those samples, capped.
/// A block without usable samples contributes the previous suggestion. Cached per head.
/// </summary>
public sealed class GasPriceOracle
{
    private const int SamplesPerBlock = 3;

    private readonly Blockchain _chain;
    private readonly EthRpcOptions _options;
    private readonly Lock _lock = new();
    private Hash256 _cachedHead;
    private UInt256 _lastPrice;

    public GasPriceOracle(Blockchain chain, EthRpcOptions options)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(options);
        _chain = chain;
        _options = options;
        _lastPrice = options.DefaultPriorityFee;
    }

    public UInt256 SuggestTip()
    {
        BlockHeader head = _chain.Head;
        lock (_lock)
        {
            if (head.Hash == _cachedHead && !_cachedHead.IsZero)
            {
                return _lastPrice;
            }

            List<UInt256> samples = [];
            ulong count = Math.Min((ulong)_options.GasPriceOracleBlocks, head.Number + 1);
            for (ulong i = 0; i < count; i++)
            {
                Block? block = _chain.GetBlock(head.Number - i);
                if (block is null || !AddSamples(block, samples))
                {
                    samples.Add(_lastPrice);
                }
            }

            samples.Sort();
            UInt256 price = samples[(samples.Count - 1) * _options.GasPriceOraclePercentile / 100];
            _lastPrice = UInt256.Min(price, _options.MaxPriorityFee);
            _cachedHead = head.Hash;
            return _lastPrice;
        }
    }

    private bool AddSamples(Block block, List<UInt256> samples)
    {
        IReadOnlyList<Transaction> txs = block.Transactions;
        if (txs.Count == 0)
        {
            return false;
        }

        UInt256 baseFee = block.Header.BaseFeePerGas;
        var tips = new List<UInt256>(txs.Count);
        for (int i = 0; i < txs.Count; i++)
        {
            Transaction tx = txs[i];
            if (tx.Sender == block.Header.Proposer || !FeeMarket.TryGetEffectiveTip(tx, baseFee, out UInt256 tip) || tip <= _options.IgnorePriorityFee)
            {
                continue;
            }

            tips.Add(tip);
        }

        if (tips.Count == 0)
        {
            return false;
        }

        tips.Sort();
        int take = Math.Min(SamplesPerBlock, tips.Count);
        for (int i = 0; i < take; i++)
        {
            samples.Add(tips[i]);
        }

        return true;
    }
}
