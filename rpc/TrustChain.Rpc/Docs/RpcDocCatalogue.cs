namespace TrustChain.Rpc.Docs;

/// <summary>Every documented JSON-RPC method, and which catalogue file documents each namespace.</summary>
public static class RpcDocCatalogue
{
    private static readonly (string Namespace, string File, IReadOnlyList<RpcMethodDoc> Docs)[] Catalogues =
    [
        ("eth", "EthRpcDocs.cs", EthRpcDocs.All),
        ("net", "NetRpcDocs.cs", NetRpcDocs.All),
        ("web3", "Web3RpcDocs.cs", Web3RpcDocs.All),
        ("trust", "TrustRpcDocs.cs", TrustRpcDocs.All),
        ("prover", "ProverRpcDocs.cs", ProverRpcDocs.All),
    ];

    /// <summary>The catalogues' folder in the repository, for messages that tell a developer where to add an entry.</summary>
    public const string Folder = "rpc/TrustChain.Rpc/Docs";

    public static IReadOnlyList<RpcMethodDoc> All { get; } = Catalogues.SelectMany(static c => c.Docs).ToArray();

    public static IReadOnlyList<string> Namespaces { get; } = Catalogues.Select(static c => c.Namespace).ToArray();

    public static IReadOnlyList<RpcMethodDoc> ForNamespace(string ns) =>
        Catalogues.FirstOrDefault(c => c.Namespace == ns).Docs ?? [];

    /// <summary>The repository path of the catalogue a method of this name belongs in (a new namespace gets a new file).</summary>
    public static string FileFor(string methodName)
    {
        ArgumentException.ThrowIfNullOrEmpty(methodName);
        string ns = methodName.IndexOf('_') is > 0 and int i ? methodName[..i] : methodName;
        foreach ((string name, string file, _) in Catalogues)
        {
            if (name == ns)
            {
                return Folder + "/" + file;
            }
        }

        string type = char.ToUpperInvariant(ns[0]) + ns[1..] + "RpcDocs";
        return $"{Folder}/{type}.cs (new; add it to RpcDocCatalogue)";
    }
}
