using System.Text.Json;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Trust;

/// <summary>
/// A page of a list: <c>{"offset": n, "limit": n}</c> (numbers or hex quantities; both optional, limit defaults to and
/// is capped at <see cref="TrustRpcContext.MaxPageSize"/>). A missing or null argument is the first page.
/// </summary>
public readonly record struct TrustPage(ulong Offset, ulong Limit)
{
    public static TrustPage First => new(0, TrustRpcContext.MaxPageSize);

    public static TrustPage Parse(RpcParams p, int index)
    {
        if (p.IsMissing(index))
        {
            return First;
        }

        JsonElement element = p.GetRequired(index);
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw RpcException.InvalidArgument(index, "a page is an object {\"offset\": n, \"limit\": n}");
        }

        ulong offset = 0;
        ulong limit = TrustRpcContext.MaxPageSize;
        foreach (JsonProperty property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "offset":
                    offset = TrustParams.ReadUInt64(property.Value, index, "offset");
                    break;
                case "limit":
                    limit = TrustParams.ReadUInt64(property.Value, index, "limit");
                    if (limit is 0 or > TrustRpcContext.MaxPageSize)
                    {
                        throw RpcException.InvalidArgument(index, $"limit must be 1..{TrustRpcContext.MaxPageSize}, got {limit}");
                    }

                    break;
                default:
                    throw RpcException.InvalidArgument(index, $"unknown page field \"{property.Name}\" (expected offset, limit)");
            }
        }

        return new TrustPage(offset, limit);
    }
}
