namespace TrustChain.Rpc.Explorer;

/// <summary>Content types of the explorer's file kinds; anything else is not served.</summary>
public static class ExplorerContentTypes
{
    public static bool TryGet(string fileName, out string contentType)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        string? type = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" or ".mjs" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".json" => "application/json; charset=utf-8",
            ".svg" => "image/svg+xml",
            ".png" => "image/png",
            ".ico" => "image/x-icon",
            ".txt" => "text/plain; charset=utf-8",
            _ => null,
        };
        contentType = type ?? string.Empty;
        return type is not null;
    }

    /// <summary>Text types are worth compressing; images already are.</summary>
    public static bool IsCompressible(string contentType) =>
        contentType.StartsWith("text/", StringComparison.Ordinal)
        || contentType.StartsWith("application/json", StringComparison.Ordinal)
        || contentType.StartsWith("image/svg+xml", StringComparison.Ordinal);
}
