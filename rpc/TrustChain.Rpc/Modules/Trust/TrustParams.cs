using System.Text.Json;
using TrustChain.Core;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Trust;

/// <summary>
/// Argument readers of the trust_ methods. Numbers (field elements, ids, amounts) are accepted as decimal strings,
/// 0x-hex strings or JSON integers, so values copied from Semaphore's JS (decimal) and from ethers (hex) both work.
/// Every problem is a -32602 "invalid argument N: ..." naming the field.
/// </summary>
public static class TrustParams
{
    public static UInt256 ReadUInt256(RpcParams p, int index, string name) => ReadUInt256(p.GetRequired(index), index, name);

    public static UInt256 ReadUInt256(JsonElement element, int index, string name)
    {
        string? text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            _ => throw RpcException.InvalidArgument(index, $"{name} must be a decimal or 0x-hex number, got a JSON {element.ValueKind.ToString().ToLowerInvariant()}"),
        };
        if (string.IsNullOrEmpty(text) || text == "0x" || !UInt256.TryParse(text, out UInt256 value))
        {
            throw RpcException.InvalidArgument(index, $"{name} must be a decimal or 0x-hex number below 2^256, got \"{Truncate(text)}\"");
        }

        return value;
    }

    public static ulong ReadUInt64(RpcParams p, int index, string name) => ReadUInt64(p.GetRequired(index), index, name);

    public static ulong ReadUInt64(JsonElement element, int index, string name)
    {
        UInt256 value = ReadUInt256(element, index, name);
        return value.IsUInt64 ? value.U0 : throw RpcException.InvalidArgument(index, $"{name} must fit in 64 bits, got {value}");
    }

    public static Address ReadAddress(RpcParams p, int index) => ReadAddress(p.GetRequired(index), index);

    public static Address ReadAddress(JsonElement element, int index)
    {
        Span<byte> bytes = stackalloc byte[Address.Length];
        string? text = element.ValueKind == JsonValueKind.String
            ? element.GetString()
            : throw RpcException.InvalidArgument(index, "json: cannot unmarshal non-string into Go value of type common.Address");
        if (!RpcHex.TryDecodeFixed(text, bytes, "common.Address", out string? error))
        {
            throw RpcException.InvalidArgument(index, error!);
        }

        return new Address(bytes);
    }

    public static Hash256 ReadHash(RpcParams p, int index)
    {
        Span<byte> bytes = stackalloc byte[Hash256.Length];
        p.GetFixedBytes(index, bytes, "common.Hash");
        return new Hash256(bytes);
    }

    private static string Truncate(string? text) => text is null ? "" : text.Length <= 80 ? text : text[..80] + "...";
}
