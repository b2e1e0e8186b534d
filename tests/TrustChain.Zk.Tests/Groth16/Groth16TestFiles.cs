using System.Text.Json;
using TrustChain.Zk.Tests.Interop;

namespace TrustChain.Zk.Tests.Groth16;

/// <summary>Locates the shared vectors, the Groth16 fixtures and the Node.js peers (tests/interop).</summary>
public static class Groth16TestFiles
{
    public static string VectorPath(params string[] parts) =>
        Path.Combine([TestContext.CurrentContext.TestDirectory, "vectors", .. parts]);

    public static JsonDocument SemaphoreVector() =>
        JsonDocument.Parse(File.ReadAllText(VectorPath("semaphore", "semaphore_v4_depth16_vector.json")));

    /// <summary>tests/interop when node_modules holds snarkjs and the Semaphore artifacts, otherwise null.</summary>
    public static string? FindInteropDirectory() => NodePeer.FindInteropDirectory("snarkjs", Path.Combine("@zk-kit", "semaphore-artifacts"));

    public static string RequireInterop()
    {
        string? interop = FindInteropDirectory();
        if (interop is null)
        {
            Assert.Ignore("tests/interop/node_modules (snarkjs, Semaphore artifacts) is not installed; interop skipped.");
        }

        return interop!;
    }

    public static string ArtifactPath(string interop, int depth, string extension) =>
        Path.Combine(interop, "node_modules", "@zk-kit", "semaphore-artifacts", $"semaphore-{depth}.{extension}");

    /// <summary>Runs tests/interop/zk-groth16/&lt;script&gt; with node; returns its stdout parsed as JSON.</summary>
    public static JsonDocument RunNode(string script, params string[] arguments) =>
        NodePeer.Run(RequireInterop(), Path.Combine("zk-groth16", script), TimeSpan.FromMinutes(2), arguments);

    /// <summary>
    /// Fixtures are read from the source tree (tests/TrustChain.Zk.Tests/Fixtures/Groth16), found by walking up from
    /// the test binaries; AppContext.BaseDirectory also works while NUnit is still discovering TestCaseSource data.
    /// </summary>
    public static JsonDocument ReadFixture(string name)
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null)
        {
            string candidate = Path.Combine(dir, "tests", "TrustChain.Zk.Tests", "Fixtures", "Groth16", name);
            if (File.Exists(candidate))
            {
                return JsonDocument.Parse(File.ReadAllText(candidate));
            }

            dir = Path.GetDirectoryName(dir);
        }

        throw new FileNotFoundException($"Fixture Groth16/{name} not found above {AppContext.BaseDirectory}.");
    }

    private static readonly Dictionary<int, SemaphoreRun> Runs = [];

    private static TrustChain.Zk.Snarkjs.ZkeyFile? _zkeyDepth1;

    /// <summary>The official semaphore-1.zkey, parsed once per test session.</summary>
    public static TrustChain.Zk.Snarkjs.ZkeyFile ZkeyDepth1() =>
        _zkeyDepth1 ??= TrustChain.Zk.Snarkjs.ZkeyFile.ReadFile(ArtifactPath(RequireInterop(), 1, "zkey"));

    /// <summary>
    /// One live run of semaphore-prove.mjs per depth and test session: a generateProof proof, a snarkjs .wtns for the
    /// same input and the zkey's VK exported by snarkjs.
    /// </summary>
    public static SemaphoreRun Semaphore(int depth)
    {
        lock (Runs)
        {
            if (!Runs.TryGetValue(depth, out SemaphoreRun? run))
            {
                using JsonDocument doc = RunNode("semaphore-prove.mjs", depth.ToString(System.Globalization.CultureInfo.InvariantCulture), TempDirectory());
                JsonElement r = doc.RootElement;
                JsonElement sp = r.GetProperty("semaphoreProof");
                run = new SemaphoreRun(
                    depth,
                    r.GetProperty("zkey").GetString()!,
                    r.GetProperty("wtnsPath").GetString()!,
                    r.GetProperty("vkPath").GetString()!,
                    [.. sp.GetProperty("points").EnumerateArray().Select(e => System.Numerics.BigInteger.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture))],
                    [.. r.GetProperty("publicSignals").EnumerateArray().Select(e => e.GetString()!)],
                    sp.GetProperty("message").GetString()!,
                    sp.GetProperty("scope").GetString()!);
                Runs[depth] = run;
            }

            return run;
        }
    }

    public static string TempDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "trustchain-groth16-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
