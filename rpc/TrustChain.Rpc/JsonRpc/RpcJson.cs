using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TrustChain.Rpc.JsonRpc;

/// <summary>Shared System.Text.Json settings for results and parameters.</summary>
public static class RpcJson
{
    private static readonly Lazy<JsonSerializerOptions> s_default = new(() => CreateOptions());

    /// <summary>camelCase, relaxed escaping, source-generated metadata first then reflection (cached per type).</summary>
    public static JsonSerializerOptions DefaultOptions => s_default.Value;

    /// <summary>
    /// Builds frozen options. Modules pass their own source-generated contexts so their result types avoid
    /// reflection; anything else falls back to the cached reflection resolver.
    /// </summary>
    public static JsonSerializerOptions CreateOptions(params IJsonTypeInfoResolver[] moduleResolvers)
    {
        ArgumentNullException.ThrowIfNull(moduleResolvers);
        var resolvers = new IJsonTypeInfoResolver[moduleResolvers.Length + 2];
        moduleResolvers.CopyTo(resolvers, 0);
        resolvers[^2] = RpcJsonContext.Default;
        resolvers[^1] = new DefaultJsonTypeInfoResolver();

        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(resolvers),
            WriteIndented = false,
        };
        options.MakeReadOnly();
        return options;
    }

    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        // The dispatcher writes each envelope itself; validation would only cost time.
        SkipValidation = true,
    };

    internal static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };
}
