using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrustChain.Chain.Tests.SystemContracts.HumanRegistry;

/// <summary>
/// Runs tests/interop/human/prove.mjs (Semaphore JS libraries, official artifacts, ethers). Without node or the npm
/// peers the test is ignored (scripts/setup.sh installs them, so CI runs it); a failing script fails the test.
/// </summary>
internal static class HumanNodePeer
{
    public static JsonDocument Run(JsonObject request)
    {
        string? interop = FindInterop();
        if (interop is null)
        {
            Assert.Ignore("tests/interop/node_modules is not installed; Semaphore JS interop skipped.");
        }

        ProcessStartInfo start = new("node") { WorkingDirectory = interop!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine("human", "prove.mjs"));
        start.ArgumentList.Add(request.ToJsonString());
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("node is not on PATH; Semaphore JS interop skipped.");
            throw;
        }

        using (process)
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("human/prove.mjs timed out");
            }

            Assert.That(process.ExitCode, Is.Zero, $"human/prove.mjs failed: {stderr.Result}");
            return JsonDocument.Parse(stdout.Result);
        }
    }

    private static string? FindInterop()
    {
        string? dir = TestContext.CurrentContext.TestDirectory;
        while (dir is not null)
        {
            string candidate = Path.Combine(dir, "tests", "interop");
            if (Directory.Exists(Path.Combine(candidate, "node_modules", "@semaphore-protocol", "proof"))
                && Directory.Exists(Path.Combine(candidate, "node_modules", "@zk-kit", "semaphore-artifacts")))
            {
                return candidate;
            }

            dir = Path.GetDirectoryName(dir);
        }

        return null;
    }
}
