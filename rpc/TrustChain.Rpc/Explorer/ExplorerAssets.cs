using System.IO.Compression;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace TrustChain.Rpc.Explorer;

/// <summary>
/// The explorer's files, read once from the assembly's embedded resources: the static pages and scripts, and
/// abi.json generated from the system contracts' ABIs. index.html learns the JSON-RPC path from a meta tag filled in
/// here, so the page works whatever path the node serves RPC on.
/// </summary>
public sealed class ExplorerAssets
{
    public const string IndexName = "index.html";
    public const string AbiIndexName = "abi.json";
    internal const string AssetResourcePrefix = "TrustChain.Rpc.Explorer.Assets/";
    internal const string AbiResourcePrefix = "TrustChain.Rpc.Explorer.Abi/";
    private const string RpcPathPlaceholder = "{{RPC_PATH}}";

    private readonly Dictionary<string, ExplorerAsset> _assets;

    private ExplorerAssets(Dictionary<string, ExplorerAsset> assets)
    {
        _assets = assets;
        Index = assets[IndexName];
    }

    public ExplorerAsset Index { get; }

    /// <summary>The served file names, sorted.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            List<string> names = [.. _assets.Keys];
            names.Sort(StringComparer.Ordinal);
            return names;
        }
    }

    public static ExplorerAssets Load(string rpcPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(rpcPath);
        Assembly assembly = typeof(ExplorerAssets).Assembly;
        Dictionary<string, ExplorerAsset> assets = new(StringComparer.Ordinal);
        List<KeyValuePair<string, string>> abis = [];
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(AssetResourcePrefix, StringComparison.Ordinal))
            {
                string name = resource[AssetResourcePrefix.Length..];
                byte[] content = ReadResource(assembly, resource);
                if (name == IndexName)
                {
                    content = FillRpcPath(content, rpcPath);
                }

                if (ExplorerContentTypes.TryGet(name, out string contentType))
                {
                    assets[name] = Create(name, contentType, content);
                }
            }
            else if (resource.StartsWith(AbiResourcePrefix, StringComparison.Ordinal) && resource.EndsWith(".json", StringComparison.Ordinal))
            {
                string contract = Path.GetFileNameWithoutExtension(resource[AbiResourcePrefix.Length..]);
                abis.Add(new(contract, Encoding.UTF8.GetString(ReadResource(assembly, resource))));
            }
        }

        if (!assets.ContainsKey(IndexName))
        {
            throw new InvalidOperationException($"the explorer's {IndexName} is not embedded in {assembly.GetName().Name}");
        }

        assets[AbiIndexName] = Create(AbiIndexName, "application/json; charset=utf-8", ExplorerAbiIndex.Build(abis));
        return new ExplorerAssets(assets);
    }

    public bool TryGet(string name, out ExplorerAsset asset) => _assets.TryGetValue(name, out asset!);

    private static ExplorerAsset Create(string name, string contentType, byte[] content)
    {
        byte[]? gzip = ExplorerContentTypes.IsCompressible(contentType) ? Compress(content) : null;
        if (gzip is not null && gzip.Length >= content.Length)
        {
            gzip = null;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content, hash);
        string etag = "\"" + Convert.ToHexStringLower(hash[..16]) + "\"";
        return new ExplorerAsset(name, contentType, content, gzip, etag);
    }

    private static byte[] Compress(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    private static byte[] FillRpcPath(byte[] content, string rpcPath)
    {
        string html = Encoding.UTF8.GetString(content);
        if (!html.Contains(RpcPathPlaceholder, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the explorer's {IndexName} has no {RpcPathPlaceholder} placeholder");
        }

        return Encoding.UTF8.GetBytes(html.Replace(RpcPathPlaceholder, WebUtility.HtmlEncode(rpcPath), StringComparison.Ordinal));
    }

    private static byte[] ReadResource(Assembly assembly, string name)
    {
        using Stream stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
