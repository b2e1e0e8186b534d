using System.Text.Json;
using TrustChain.Core;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth;

/// <summary>The call object of eth_call / eth_estimateGas (geth TransactionArgs), validated with geth's messages.</summary>
public sealed class CallArgs
{
    public Address? From { get; init; }

    public Address? To { get; init; }

    public ulong? Gas { get; init; }

    public UInt256? GasPrice { get; init; }

    public UInt256? MaxFeePerGas { get; init; }

    public UInt256? MaxPriorityFeePerGas { get; init; }

    public UInt256 Value { get; init; }

    public ulong? Nonce { get; init; }

    public byte[] Data { get; init; } = [];

    public ulong? ChainId { get; init; }

    /// <summary>The price per gas the caller offers (gasPrice, else maxFeePerGas); zero when none, as geth's call.</summary>
    public UInt256 FeeCap => GasPrice ?? MaxFeePerGas ?? UInt256.Zero;

    public static CallArgs Parse(RpcParams p, int index)
    {
        JsonElement element = p.GetRequired(index);
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw RpcException.InvalidArgument(index, "json: cannot unmarshal non-object into Go value of type ethapi.TransactionArgs");
        }

        byte[]? data = OptionalBytes(element, "data", index);
        byte[]? input = OptionalBytes(element, "input", index);
        if (data is not null && input is not null && !data.AsSpan().SequenceEqual(input))
        {
            throw RpcException.InvalidArgument(index, "both \"data\" and \"input\" are set and not equal. Please use \"input\" to pass transaction call data");
        }

        UInt256? gasPrice = OptionalBig(element, "gasPrice", index);
        UInt256? maxFee = OptionalBig(element, "maxFeePerGas", index);
        UInt256? maxTip = OptionalBig(element, "maxPriorityFeePerGas", index);
        if (gasPrice is not null && (maxFee is not null || maxTip is not null))
        {
            throw RpcException.ServerError("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
        }

        if (maxFee is { } cap && maxTip is { } tip && tip > cap)
        {
            throw RpcException.ServerError($"maxFeePerGas ({cap}) < maxPriorityFeePerGas ({tip})");
        }

        return new CallArgs
        {
            From = OptionalAddress(element, "from", index),
            To = OptionalAddress(element, "to", index),
            Gas = OptionalUInt64(element, "gas", index),
            GasPrice = gasPrice,
            MaxFeePerGas = maxFee,
            MaxPriorityFeePerGas = maxTip,
            Value = OptionalBig(element, "value", index) ?? UInt256.Zero,
            Nonce = OptionalUInt64(element, "nonce", index),
            Data = input ?? data ?? [],
            ChainId = OptionalUInt64(element, "chainId", index),
        };
    }

    private static bool TryGetString(JsonElement obj, string name, int index, out string text)
    {
        text = string.Empty;
        if (!obj.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw RpcException.InvalidArgument(index, $"json: cannot unmarshal non-string into Go struct field TransactionArgs.{name}");
        }

        text = value.GetString()!;
        return true;
    }

    private static Address? OptionalAddress(JsonElement obj, string name, int index)
    {
        if (!TryGetString(obj, name, index, out string text))
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[Address.Length];
        if (!RpcHex.TryDecodeFixed(text, bytes, "common.Address", out string? error))
        {
            throw FieldError(index, name, error!);
        }

        return new Address(bytes);
    }

    private static ulong? OptionalUInt64(JsonElement obj, string name, int index)
    {
        if (!TryGetString(obj, name, index, out string text))
        {
            return null;
        }

        return RpcHex.TryDecodeQuantity(text, out ulong value, out string? error) ? value : throw FieldError(index, name, error!);
    }

    private static UInt256? OptionalBig(JsonElement obj, string name, int index)
    {
        if (!TryGetString(obj, name, index, out string text))
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[32];
        return RpcHex.TryDecodeQuantity256(text, bytes, out string? error) ? new UInt256(bytes) : throw FieldError(index, name, error!);
    }

    private static byte[]? OptionalBytes(JsonElement obj, string name, int index)
    {
        if (!TryGetString(obj, name, index, out string text))
        {
            return null;
        }

        return RpcHex.TryDecodeBytes(text, out byte[] bytes, out string? error) ? bytes : throw FieldError(index, name, error!);
    }

    private static RpcException FieldError(int index, string field, string error) =>
        RpcException.InvalidArgument(index, $"json: cannot unmarshal {error} into Go struct field TransactionArgs.{field}");
}
