using System.Text.Json;

namespace TrustChain.Rpc.JsonRpc;

/// <summary>A result that writes itself (exactly one JSON value) straight into the response; the hot-path alternative to reflection-based serialisation.</summary>
public interface IRpcJsonWritable
{
    void WriteTo(Utf8JsonWriter writer, JsonSerializerOptions options);
}
