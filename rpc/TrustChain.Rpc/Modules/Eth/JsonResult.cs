using System.Text.Json;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth;

/// <summary>A result written straight to the response by a callback, so block/tx/receipt shapes skip reflection.</summary>
public sealed class JsonResult : IRpcJsonWritable
{
    private readonly Action<Utf8JsonWriter> _write;

    public JsonResult(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        _write = write;
    }

    public void WriteTo(Utf8JsonWriter writer, JsonSerializerOptions options) => _write(writer);

    /// <summary>Serialises to a standalone string (for tests and logging).</summary>
    public string ToJsonString()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            _write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
