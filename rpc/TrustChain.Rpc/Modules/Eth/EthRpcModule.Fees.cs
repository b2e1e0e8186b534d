using System.Globalization;
using System.Text.Json;
using TrustChain.Core;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth;

public sealed partial class EthRpcModule
{
    private void RegisterFeeMethods(RpcMethodRegistry registry)
    {
        Add(registry, "eth_maxPriorityFeePerGas", 0, _ => EthJson.Quantity(_context.GasPriceOracle.SuggestTip()));

        Add(registry, "eth_gasPrice", 0, _ =>
        {
            UInt256 tip = _context.GasPriceOracle.SuggestTip();
            return EthJson.Quantity(tip + _context.Chain.Head.BaseFeePerGas);
        });

        Add(registry, "eth_feeHistory", 3, p =>
        {
            ulong blockCount = ReadHexOrDecimal(p, 0);
            BlockParameter newest = BlockParameter.ParseNumberOrTag(p, 1);
            double[] percentiles = ReadPercentiles(p, 2);
            return FeeHistory.Compute(_context, blockCount, newest, percentiles);
        });
    }

    /// <summary>geth's math.HexOrDecimal64: "0x10", "16" or the JSON number 16.</summary>
    private static ulong ReadHexOrDecimal(RpcParams p, int index)
    {
        JsonElement element = p.GetRequired(index);
        if (element.ValueKind == JsonValueKind.Number && element.TryGetUInt64(out ulong number))
        {
            return number;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            string text = element.GetString()!;
            if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                if (ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong hex) && text.Length > 2)
                {
                    return hex;
                }
            }
            else if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong dec))
            {
                return dec;
            }
        }

        throw RpcException.InvalidArgument(index, $"json: cannot unmarshal {element.GetRawText()} into Go value of type math.HexOrDecimal64");
    }

    private static double[] ReadPercentiles(RpcParams p, int index)
    {
        if (p.IsMissing(index))
        {
            return [];
        }

        JsonElement element = p.GetRequired(index);
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw RpcException.InvalidArgument(index, "json: cannot unmarshal non-array into Go value of type []float64");
        }

        var result = new double[element.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out result[i]))
            {
                throw RpcException.InvalidArgument(index, "json: cannot unmarshal non-number into Go value of type float64");
            }

            i++;
        }

        return result;
    }
}
