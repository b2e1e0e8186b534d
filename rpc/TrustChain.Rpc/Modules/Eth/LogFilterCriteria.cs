using System.Text.Json;
using TrustChain.Chain.Persistence;
using TrustChain.Core;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth;

/// <summary>
/// The filter object of eth_getLogs / eth_newFilter (geth FilterCriteria): a block range or a block hash, an address
/// or list of addresses, and up to four topic positions, each null (any), a topic, or an OR-list of topics.
/// </summary>
public sealed class LogFilterCriteria
{
    public BlockParameter FromBlock { get; init; } = BlockParameter.Latest;

    public BlockParameter ToBlock { get; init; } = BlockParameter.Latest;

    public Hash256? BlockHash { get; init; }

    public IReadOnlyList<Address>? Addresses { get; init; }

    public IReadOnlyList<IReadOnlyList<Hash256>?> Topics { get; init; } = [];

    public LogFilter ToLogFilter(ulong from, ulong to) => new(from, to, Addresses, Topics);

    public static LogFilterCriteria Parse(RpcParams p, int index)
    {
        JsonElement element = p.GetRequired(index);
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw RpcException.InvalidArgument(index, "json: cannot unmarshal non-object into Go value of type filters.FilterCriteria");
        }

        Hash256? blockHash = null;
        if (TryGet(element, "blockHash", out JsonElement hashElement))
        {
            blockHash = ParseHash(hashElement, index, "invalid block hash");
            if (TryGet(element, "fromBlock", out _) || TryGet(element, "toBlock", out _))
            {
                throw RpcException.InvalidArgument(index, "cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
            }
        }

        return new LogFilterCriteria
        {
            BlockHash = blockHash,
            FromBlock = TryGet(element, "fromBlock", out JsonElement from) ? BlockParameter.ParseNumberOrTag(from, index) : BlockParameter.Latest,
            ToBlock = TryGet(element, "toBlock", out JsonElement to) ? BlockParameter.ParseNumberOrTag(to, index) : BlockParameter.Latest,
            Addresses = TryGet(element, "address", out JsonElement address) ? ParseAddresses(address, index) : null,
            Topics = TryGet(element, "topics", out JsonElement topics) ? ParseTopics(topics, index) : [],
        };
    }

    private static bool TryGet(JsonElement obj, string name, out JsonElement value) =>
        obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static List<Address> ParseAddresses(JsonElement element, int index)
    {
        List<Address> result = [];
        if (element.ValueKind == JsonValueKind.String)
        {
            result.Add(ParseAddress(element.GetString()!, index, "invalid address"));
            return result;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw RpcException.InvalidArgument(index, "invalid addresses in query");
        }

        int i = 0;
        foreach (JsonElement item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw RpcException.InvalidArgument(index, $"non-string address at index {i}");
            }

            result.Add(ParseAddress(item.GetString()!, index, $"invalid address at index {i}"));
            i++;
        }

        return result;
    }

    private static List<IReadOnlyList<Hash256>?> ParseTopics(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw RpcException.InvalidArgument(index, "invalid topic(s)");
        }

        if (element.GetArrayLength() > LogFilter.MaxTopicPositions)
        {
            throw RpcException.InvalidArgument(index, "exceed max topics");
        }

        List<IReadOnlyList<Hash256>?> result = [];
        foreach (JsonElement position in element.EnumerateArray())
        {
            switch (position.ValueKind)
            {
                case JsonValueKind.Null:
                    result.Add(null);
                    break;
                case JsonValueKind.String:
                    result.Add([ParseHash(position, index, "invalid topic(s)")]);
                    break;
                case JsonValueKind.Array:
                    List<Hash256>? alternatives = [];
                    foreach (JsonElement topic in position.EnumerateArray())
                    {
                        if (topic.ValueKind == JsonValueKind.Null)
                        {
                            // A null alternative matches anything, so the whole position is a wildcard (geth).
                            alternatives = null;
                            break;
                        }

                        alternatives.Add(ParseHash(topic, index, "invalid topic(s)"));
                    }

                    result.Add(alternatives is { Count: > 0 } ? alternatives : null);
                    break;
                default:
                    throw RpcException.InvalidArgument(index, "invalid topic(s)");
            }
        }

        return result;
    }

    private static Address ParseAddress(string text, int index, string context)
    {
        Span<byte> bytes = stackalloc byte[Address.Length];
        if (!RpcHex.TryDecodeFixed(text, bytes, "common.Address", out string? error))
        {
            throw RpcException.InvalidArgument(index, $"{context}: {error}");
        }

        return new Address(bytes);
    }

    private static Hash256 ParseHash(JsonElement element, int index, string context)
    {
        Span<byte> bytes = stackalloc byte[Hash256.Length];
        if (element.ValueKind != JsonValueKind.String || !RpcHex.TryDecodeFixed(element.GetString(), bytes, "common.Hash", out string? error))
        {
            throw RpcException.InvalidArgument(index, context);
        }

        return new Hash256(bytes);
    }
}
