using System.Diagnostics;
using System.Text.Json;

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

    /// <summary>The tests/interop folder when node and its installed peers are present, otherwise null.</summary>
    public static string? FindInteropDirectory()
    {
        string? dir = TestContext.CurrentContext.TestDirectory;
        while (dir is not null)
        {
            string candidate = Path.Combine(dir, "tests", "interop");
            if (Directory.Exists(Path.Combine(candidate, "node_modules", "poseidon-lite")))
            {
                return candidate;
            }

            dir = Path.GetDirectoryName(dir);
        }

        return null;
    }

    /// <summary>Runs a peer script with node from tests/interop; ignores the test when node or the peers are missing.</summary>
    public static JsonDocument RunPeer(string script, params string[] arguments)
    {
        string? interop = FindInteropDirectory();
        if (interop is null)
        {
            Assert.Ignore("tests/interop/node_modules is not installed; live peer comparison skipped.");
        }

        ProcessStartInfo start = new("node") { WorkingDirectory = interop, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine("zk-peers", script));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("node is not on PATH; live peer comparison skipped.");
            throw;
        }

        using (process)
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{script} timed out.");
            }

            Assert.That(process.ExitCode, Is.Zero, $"{script} failed: {stderr.Result}");
            return JsonDocument.Parse(stdout.Result);
        }
    }
}
