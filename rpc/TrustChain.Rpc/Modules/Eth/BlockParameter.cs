using System.Text.Json;
using TrustChain.Core;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth;

/// <summary>
/// A block selector as geth accepts it: a hex number, a tag ("latest", "safe", "finalized", "earliest", "pending"),
/// or, where geth takes BlockNumberOrHash, a 32-byte hash string or an EIP-1898 object
/// <c>{"blockHash": ..., "requireCanonical": bool}</c> / <c>{"blockNumber": ...}</c>.
/// </summary>
public readonly record struct BlockParameter(BlockTag Tag, ulong Number, Hash256 Hash, bool RequireCanonical)
{
    public static readonly BlockParameter Latest = new(BlockTag.Latest, 0, default, false);

    public static BlockParameter ForNumber(ulong number) => new(BlockTag.Number, number, default, false);

    public static BlockParameter ForHash(Hash256 hash, bool requireCanonical = false) => new(BlockTag.Hash, 0, hash, requireCanonical);

    /// <summary>True for tags that follow the head (every tag but "earliest").</summary>
    public bool IsHeadTag => Tag is BlockTag.Latest or BlockTag.Safe or BlockTag.Finalized or BlockTag.Pending;

    /// <summary>geth's rpc.BlockNumber: a number or a tag, no hashes.</summary>
    public static BlockParameter ParseNumberOrTag(RpcParams p, int index) => ParseNumberOrTag(p.GetRequired(index), index);

    public static BlockParameter ParseNumberOrTag(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw RpcException.InvalidArgument(index, "json: cannot unmarshal non-string into Go value of type rpc.BlockNumber");
        }

        return ParseNumberOrTagText(element.GetString()!, index);
    }

    /// <summary>geth's rpc.BlockNumberOrHash: a number, a tag, a hash string, or an EIP-1898 object.</summary>
    public static BlockParameter ParseNumberOrHash(RpcParams p, int index) => ParseNumberOrHash(p.GetRequired(index), index);

    public static BlockParameter ParseNumberOrHash(JsonElement element, int index)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return ParseObject(element, index);
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            throw RpcException.InvalidArgument(index, "json: cannot unmarshal non-string into Go value of type rpc.BlockNumberOrHash");
        }

        string text = element.GetString()!;
        if (text.Length == 66 && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return ForHash(ParseHash(text, index));
        }

        return ParseNumberOrTagText(text, index);
    }

    /// <summary>Optional BlockNumberOrHash argument; absent or null means <paramref name="fallback"/>.</summary>
    public static BlockParameter ParseOptionalNumberOrHash(RpcParams p, int index, BlockParameter fallback) =>
        p.IsMissing(index) ? fallback : ParseNumberOrHash(p.GetRequired(index), index);

    public override string ToString() => Tag switch
    {
        BlockTag.Number => "0x" + Number.ToString("x", System.Globalization.CultureInfo.InvariantCulture),
        BlockTag.Hash => Hash.ToString(),
        _ => Tag.ToString().ToLowerInvariant(),
    };

    private static BlockParameter ParseNumberOrTagText(string text, int index)
    {
        switch (text)
        {
            case "latest":
                return Latest;
            case "safe":
                return new BlockParameter(BlockTag.Safe, 0, default, false);
            case "finalized":
                return new BlockParameter(BlockTag.Finalized, 0, default, false);
            case "earliest":
                return new BlockParameter(BlockTag.Earliest, 0, default, false);
            case "pending":
                return new BlockParameter(BlockTag.Pending, 0, default, false);
        }

        if (!RpcHex.TryDecodeQuantity(text, out ulong number, out string? error))
        {
            throw RpcException.InvalidArgument(index, error!);
        }

        if (number > long.MaxValue)
        {
            throw RpcException.InvalidArgument(index, "block number larger than int64");
        }

        return ForNumber(number);
    }

    private static BlockParameter ParseObject(JsonElement element, int index)
    {
        bool hasHash = element.TryGetProperty("blockHash", out JsonElement hashElement) && hashElement.ValueKind != JsonValueKind.Null;
        bool hasNumber = element.TryGetProperty("blockNumber", out JsonElement numberElement) && numberElement.ValueKind != JsonValueKind.Null;
        if (hasHash && hasNumber)
        {
            throw RpcException.InvalidArgument(index, "cannot specify both BlockHash and BlockNumber, choose one or the other");
        }

        bool requireCanonical = false;
        if (element.TryGetProperty("requireCanonical", out JsonElement canonical) && canonical.ValueKind != JsonValueKind.Null)
        {
            requireCanonical = canonical.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw RpcException.InvalidArgument(index, "json: cannot unmarshal non-bool into requireCanonical"),
            };
        }

        if (hasHash)
        {
            if (hashElement.ValueKind != JsonValueKind.String)
            {
                throw RpcException.InvalidArgument(index, "json: cannot unmarshal non-string into Go value of type common.Hash");
            }

            return ForHash(ParseHash(hashElement.GetString()!, index), requireCanonical);
        }

        if (hasNumber)
        {
            return ParseNumberOrTag(numberElement, index);
        }

        throw RpcException.InvalidArgument(index, "either blockHash or blockNumber must be specified");
    }

    private static Hash256 ParseHash(string text, int index)
    {
        Span<byte> bytes = stackalloc byte[Hash256.Length];
        if (!RpcHex.TryDecodeFixed(text, bytes, "common.Hash", out string? error))
        {
            throw RpcException.InvalidArgument(index, error!);
        }

        return new Hash256(bytes);
    }
}
