namespace TrustChain.Rpc.Explorer;

/// <summary>
/// One file the explorer serves, held in memory with its strong validator and a gzip copy (compressed once at
/// startup, so a request only picks the variant).
/// </summary>
public sealed class ExplorerAsset
{
    public ExplorerAsset(string name, string contentType, byte[] content, byte[]? gzip, string etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(etag);
        Name = name;
        ContentType = contentType;
        Content = content;
        Gzip = gzip;
        ETag = etag;
    }

    /// <summary>The file name under /explorer/, e.g. "app.js".</summary>
    public string Name { get; }

    public string ContentType { get; }

    public byte[] Content { get; }

    /// <summary>The gzip-compressed content, or null when compressing would not make it smaller.</summary>
    public byte[]? Gzip { get; }

    /// <summary>Quoted strong entity tag derived from the content.</summary>
    public string ETag { get; }
}
