using TrustChain.Node.Tests.Cli;

namespace TrustChain.Node.Tests.Docs;

/// <summary>The generated reference files and the switch that rewrites them.</summary>
public static class DocsFiles
{
    public const string WriteVariable = "TRUSTCHAIN_WRITE_DOCS";

    public static bool Rewrite => Environment.GetEnvironmentVariable(WriteVariable) == "1";

    public static string JsonRpc => Path.Combine(RepoPaths.Root, "docs", "json-rpc.md");

    public static string SystemContracts => Path.Combine(RepoPaths.Root, "docs", "system-contracts.md");

    public static string Configuration => Path.Combine(RepoPaths.Root, "docs", "configuration.md");

    public static string RegenerateHint(string fixture) =>
        $"run `{WriteVariable}=1 dotnet test tests/TrustChain.Node.Tests --filter {fixture}` and commit the result";
}
