using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TrustChain.Rpc.JsonRpc;

/// <summary>
/// View over a call's "params" (a JSON array, an object, or nothing). Positional accessors follow geth: a missing
/// or null trailing argument is "missing", type and format problems become -32602 "invalid argument N: ...".
/// Valid only while the handler runs (it points into the pooled request document).
/// </summary>
public readonly struct RpcParams
{
    private readonly JsonElement _raw;

    public RpcParams(JsonElement raw)
    {
        _raw = raw;
    }

    /// <summary>The raw params; <see cref="JsonValueKind.Undefined"/> when the request had none.</summary>
    public JsonElement Raw => _raw;

    public bool IsArray => _raw.ValueKind == JsonValueKind.Array;

    public bool IsObject => _raw.ValueKind == JsonValueKind.Object;

    /// <summary>Number of positional arguments (0 for absent or null params).</summary>
    public int Count
    {
        get
        {
            return _raw.ValueKind switch
            {
                JsonValueKind.Array => _raw.GetArrayLength(),
                JsonValueKind.Undefined or JsonValueKind.Null => 0,
                _ => throw RpcException.InvalidParams("non-array args"),
            };
        }
    }

    /// <summary>geth rejects surplus positional arguments with this message.</summary>
    public void EnsureCountAtMost(int max)
    {
        if (Count > max)
        {
            throw RpcException.InvalidParams($"too many arguments, want at most {max}");
        }
    }

    /// <summary>True when argument <paramref name="index"/> is absent or JSON null.</summary>
    public bool IsMissing(int index)
    {
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return index >= Count || _raw[index].ValueKind == JsonValueKind.Null;
    }

    public JsonElement GetRequired(int index)
    {
        if (IsMissing(index))
        {
            throw RpcException.InvalidParams($"missing value for required argument {index}");
        }

        return _raw[index];
    }

    public JsonElement? GetOptional(int index) => IsMissing(index) ? null : _raw[index];

    public string GetString(int index) => ReadString(index, GetRequired(index));

    public string? GetOptionalString(int index) => IsMissing(index) ? null : ReadString(index, _raw[index]);

    public bool GetBool(int index) => ReadBool(index, GetRequired(index));

    public bool? GetOptionalBool(int index) => IsMissing(index) ? null : ReadBool(index, _raw[index]);

    /// <summary>A 64-bit hex quantity ("0x1a"), validated like geth's hexutil.Uint64.</summary>
    public ulong GetQuantity(int index) => ReadQuantity(index, GetRequired(index));

    public ulong? GetOptionalQuantity(int index) => IsMissing(index) ? null : ReadQuantity(index, _raw[index]);

    /// <summary>A hex quantity of up to 256 bits, written big-endian into a 32-byte buffer.</summary>
    public void GetQuantity256(int index, Span<byte> bigEndian32)
    {
        string text = ReadString(index, GetRequired(index));
        if (!RpcHex.TryDecodeQuantity256(text, bigEndian32, out string? error))
        {
            throw RpcException.InvalidArgument(index, error!);
        }
    }

    /// <summary>Variable-length hex data ("0x..."), like geth's hexutil.Bytes.</summary>
    public byte[] GetBytes(int index)
    {
        string text = ReadString(index, GetRequired(index));
        if (!RpcHex.TryDecodeBytes(text, out byte[] bytes, out string? error))
        {
            throw RpcException.InvalidArgument(index, error!);
        }

        return bytes;
    }

    /// <summary>Fixed-length hex data such as a 20-byte address or a 32-byte hash.</summary>
    public void GetFixedBytes(int index, Span<byte> destination, string typeName)
    {
        string text = ReadString(index, GetRequired(index));
        if (!RpcHex.TryDecodeFixed(text, destination, typeName, out string? error))
        {
            throw RpcException.InvalidArgument(index, error!);
        }
    }

    /// <summary>Deserialises an argument with System.Text.Json (for structured arguments like call objects or filters).</summary>
    public T Get<T>(int index, JsonTypeInfo<T> typeInfo)
    {
        JsonElement element = GetRequired(index);
        try
        {
            T? value = element.Deserialize(typeInfo);
            return value ?? throw RpcException.InvalidParams($"missing value for required argument {index}");
        }
        catch (JsonException e)
        {
            throw RpcException.InvalidArgument(index, e.Message);
        }
        catch (FormatException e)
        {
            throw RpcException.InvalidArgument(index, e.Message);
        }
    }

    public T Get<T>(int index, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Get(index, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
    }

    private static string ReadString(int index, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw RpcException.InvalidArgument(index, $"json: cannot unmarshal {Describe(element.ValueKind)} into a string");
        }

        return element.GetString()!;
    }

    private static bool ReadBool(int index, JsonElement element)
    {
        return element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw RpcException.InvalidArgument(index, $"json: cannot unmarshal {Describe(element.ValueKind)} into a bool"),
        };
    }

    private static ulong ReadQuantity(int index, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw RpcException.InvalidArgument(index, "json: cannot unmarshal non-string into Go value of type hexutil.Uint64");
        }

        if (!RpcHex.TryDecodeQuantity(element.GetString(), out ulong value, out string? error))
        {
            throw RpcException.InvalidArgument(index, error!);
        }

        return value;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };
}
