using System.Text.Json;
using TrustChain.Zk.Tests.Interop;

namespace TrustChain.Zk.Tests.Poseidon;

/// <summary>Locates the shared vectors, this project's fixtures and the Node.js interop peers.</summary>
public static class ZkTestFiles
{
    public static string VectorPath(params string[] parts) =>
        Path.Combine([TestContext.CurrentContext.TestDirectory, "vectors", .. parts]);

    public static JsonDocument ReadVector(params string[] parts) => JsonDocument.Parse(File.ReadAllText(VectorPath(parts)));

    /// <summary>Fixtures are read from the source tree (tests/TrustChain.Zk.Tests/Fixtures), found by walking up from the test binaries.</summary>
    public static JsonDocument ReadFixture(string name)
    {
        string? dir = TestContext.CurrentContext.TestDirectory;
        while (dir is not null)
        {
            string candidate = Path.Combine(dir, "Fixtures", name);
            if (File.Exists(candidate))
            {
                return JsonDocument.Parse(File.ReadAllText(candidate));
            }

            candidate = Path.Combine(dir, "tests", "TrustChain.Zk.Tests", "Fixtures", name);
            if (File.Exists(candidate))
            {
                return JsonDocument.Parse(File.ReadAllText(candidate));
            }

            dir = Path.GetDirectoryName(dir);
        }

        throw new FileNotFoundException($"Fixture {name} not found above {TestContext.CurrentContext.TestDirectory}.");
    }

    /// <summary>The tests/interop folder when its installed peers are present, otherwise null.</summary>
    public static string? FindInteropDirectory() => NodePeer.FindInteropDirectory("poseidon-lite");

    /// <summary>Runs a peer script with node from tests/interop; ignores the test when node or the peers are missing.</summary>
    public static JsonDocument RunPeer(string script, params string[] arguments) =>
        NodePeer.Run(FindInteropDirectory(), Path.Combine("zk-peers", script), TimeSpan.FromMinutes(1), arguments);
}
