using System.Globalization;
using System.Text.Json;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Receipts;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth;

/// <summary>
/// eth_feeHistory as geth answers it: blockCount blocks ending at newest, baseFeePerGas with one extra entry (the
/// base fee of the block after newest), gasUsedRatio, and per percentile the effective tip at which that share of
/// the block's gas (transactions sorted by tip) was reached.
/// </summary>
public static class FeeHistory
{
    public static JsonResult Compute(EthRpcContext context, ulong blockCount, BlockParameter newest, double[] percentiles)
    {
        ValidatePercentiles(percentiles);
        Blockchain chain = context.Chain;
        BlockHeader head = chain.Head;
        ulong last = newest.Tag == BlockTag.Hash ? context.RequireHeader(newest).Number : context.ResolveNumber(newest);
        if (last > head.Number)
        {
            throw RpcException.ServerError($"request beyond head block: requested {last}, head {head.Number}");
        }

        blockCount = Math.Min(blockCount, (ulong)context.Options.MaxFeeHistoryBlocks);
        if (blockCount == 0)
        {
            return new JsonResult(static w =>
            {
                w.WriteStartObject();
                w.WriteString("oldestBlock", "0x0");
                w.WriteEndObject();
            });
        }

        blockCount = Math.Min(blockCount, last + 1);
        ulong oldest = last + 1 - blockCount;
        var baseFees = new UInt256[blockCount + 1];
        var ratios = new double[blockCount];
        UInt256[][]? rewards = percentiles.Length > 0 ? new UInt256[blockCount][] : null;
        for (ulong i = 0; i < blockCount; i++)
        {
            ulong number = oldest + i;
            BlockHeader header = chain.GetHeader(number) ?? throw RpcException.ServerError("header not found");
            baseFees[i] = header.BaseFeePerGas;
            ratios[i] = header.GasLimit == 0 ? 0 : (double)header.GasUsed / header.GasLimit;
            if (rewards is not null)
            {
                rewards[i] = Rewards(chain, header, percentiles);
            }
        }

        BlockHeader newestHeader = chain.GetHeader(last)!;
        baseFees[blockCount] = FeeMarket.CalculateBaseFee(newestHeader.GasLimit, newestHeader.GasUsed, newestHeader.BaseFeePerGas, chain.Spec.Parameters);
        return new JsonResult(w => Write(w, oldest, baseFees, ratios, rewards));
    }

    private static void ValidatePercentiles(double[] percentiles)
    {
        for (int i = 0; i < percentiles.Length; i++)
        {
            double p = percentiles[i];
            if (!(p >= 0 && p <= 100))
            {
                throw RpcException.ServerError($"invalid reward percentile: {Format(p)}");
            }

            if (i > 0 && p <= percentiles[i - 1])
            {
                throw RpcException.ServerError($"invalid reward percentile: #{i - 1}:{Format(percentiles[i - 1])} >= #{i}:{Format(p)}");
            }
        }
    }

    private static string Format(double value) => value.ToString("F6", CultureInfo.InvariantCulture);

    private static UInt256[] Rewards(Blockchain chain, BlockHeader header, double[] percentiles)
    {
        var result = new UInt256[percentiles.Length];
        Block? block = chain.GetBlock(header.Hash);
        if (block is null || block.Transactions.Count == 0)
        {
            return result;
        }

        IReadOnlyList<TxReceipt> receipts = chain.GetReceipts(header.Hash) ?? throw RpcException.ServerError("receipts not found");
        var sorted = new (UInt256 Tip, ulong GasUsed)[block.Transactions.Count];
        for (int i = 0; i < sorted.Length; i++)
        {
            FeeMarket.TryGetEffectiveTip(block.Transactions[i], header.BaseFeePerGas, out UInt256 tip);
            sorted[i] = (tip, receipts[i].GasUsed);
        }

        Array.Sort(sorted, static (a, b) => a.Tip.CompareTo(b.Tip));
        int index = 0;
        ulong sum = sorted[0].GasUsed;
        for (int p = 0; p < percentiles.Length; p++)
        {
            ulong threshold = (ulong)(header.GasUsed * percentiles[p] / 100);
            while (sum < threshold && index < sorted.Length - 1)
            {
                index++;
                sum += sorted[index].GasUsed;
            }

            result[p] = sorted[index].Tip;
        }

        return result;
    }

    private static void Write(Utf8JsonWriter writer, ulong oldest, UInt256[] baseFees, double[] ratios, UInt256[][]? rewards)
    {
        writer.WriteStartObject();
        EthJson.WriteQuantity(writer, "oldestBlock", oldest);
        if (rewards is not null)
        {
            writer.WriteStartArray("reward");
            foreach (UInt256[] block in rewards)
            {
                writer.WriteStartArray();
                foreach (UInt256 tip in block)
                {
                    writer.WriteStringValue(EthJson.Quantity(tip));
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        writer.WriteStartArray("baseFeePerGas");
        foreach (UInt256 fee in baseFees)
        {
            writer.WriteStringValue(EthJson.Quantity(fee));
        }

        writer.WriteEndArray();
        writer.WriteStartArray("gasUsedRatio");
        foreach (double ratio in ratios)
        {
            writer.WriteNumberValue(ratio);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
