using System.Diagnostics;
using System.Text.Json;

namespace TrustChain.Zk.Tests.Interop;

/// <summary>
/// Runs the JavaScript peers in tests/interop with node. A missing node or missing npm packages ignores the test
/// (the interop peers are installed by scripts/setup.sh, so CI always runs them); a failing script fails it.
/// </summary>
public static class NodePeer
{
    /// <summary>tests/interop above the test binaries when every package is installed there, otherwise null.</summary>
    public static string? FindInteropDirectory(params string[] requiredPackages)
    {
        string? dir = TestContext.CurrentContext.TestDirectory;
        while (dir is not null)
        {
            string candidate = Path.Combine(dir, "tests", "interop");
            if (Directory.Exists(candidate) && HasAll(candidate, requiredPackages))
            {
                return candidate;
            }

            dir = Path.GetDirectoryName(dir);
        }

        return null;
    }

    /// <summary>Runs &lt;interop&gt;/&lt;script&gt; and returns its stdout parsed as JSON.</summary>
    public static JsonDocument Run(string? interop, string script, TimeSpan timeout, params string[] arguments)
    {
        if (interop is null)
        {
            Assert.Ignore("tests/interop/node_modules is not installed; interop skipped.");
        }

        ProcessStartInfo start = new("node") { WorkingDirectory = interop!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
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
            Assert.Ignore("node is not on PATH; interop skipped.");
            throw;
        }

        using (process)
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{script} timed out after {timeout.TotalSeconds:F0} s.");
            }

            Assert.That(process.ExitCode, Is.Zero, $"{script} failed: {stderr.Result}");
            return JsonDocument.Parse(stdout.Result);
        }
    }

    private static bool HasAll(string interop, string[] packages)
    {
        foreach (string package in packages)
        {
            if (!Directory.Exists(Path.Combine(interop, "node_modules", package)))
            {
                return false;
            }
        }

        return true;
    }
}
