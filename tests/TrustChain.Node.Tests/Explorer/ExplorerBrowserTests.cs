using System.Diagnostics;
using System.Text.Json;
using TrustChain.Node.Tests.Cli;
using TrustChain.Node.Tests.Crash;

namespace TrustChain.Node.Tests.Explorer;

/// <summary>
/// The explorer in a real browser: a `trustchain run --dev` child process, activity seeded by ethers, and
/// tests/interop/explorer/explorer.mjs driving Debian's headless Chromium through playwright-core. Screenshots go to
/// artifacts/explorer-screenshots/ (kept by CI).
/// </summary>
[TestFixture]
public sealed class ExplorerBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Test]
    public async Task Explorer_pages_links_search_and_live_blocks_in_chromium()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Fail($"{Chromium} is missing: scripts/setup.sh installs Debian's chromium package");
        }

        string script = Path.Combine(RepoPaths.Interop, "explorer", "explorer.mjs");
        string shots = Path.Combine(RepoPaths.Root, "artifacts", "explorer-screenshots");
        string dataDir = Path.Combine(Path.GetTempPath(), "tc-explorer-" + Guid.NewGuid().ToString("N"));
        // Disposed in finally, before its data directory is deleted.
        DevNodeProcess node = DevNodeProcess.Start(dataDir, blockTimeMs: 500);
        try
        {
            Uri rpc = node.WaitForRpc(TimeSpan.FromSeconds(60));
            (int exitCode, string stdout, string stderr) = await RunAsync(script, rpc, shots, TimeSpan.FromSeconds(120));
            TestContext.Out.WriteLine(stdout);
            Assert.That(exitCode, Is.Zero, $"{stderr}\n{stdout}\n--- node log ---\n{node.Log}");

            string last = stdout.TrimEnd().Split('\n')[^1];
            using JsonDocument result = JsonDocument.Parse(last);
            JsonElement r = result.RootElement;
            Assert.Multiple(() =>
            {
                Assert.That(r.GetProperty("ok").GetBoolean(), Is.True);
                Assert.That(r.GetProperty("feed").GetString(), Is.EqualTo("live"), "new heads arrive over eth_subscribe");
                Assert.That(r.GetProperty("warmBestMs").GetInt32(), Is.LessThan(300));
                Assert.That(r.GetProperty("homeRpcCalls").GetInt32(), Is.LessThanOrEqualTo(13), "home page reads are bounded");
                Assert.That(r.GetProperty("abiEntries").GetInt32(), Is.GreaterThan(50), "selectors and topics checked against ethers");
                Assert.That(r.GetProperty("pages").GetProperty("validators").GetString(), Is.EqualTo("ok"));
                Assert.That(r.GetProperty("pages").GetProperty("provers").GetString(), Is.EqualTo("ok"));
                Assert.That(Directory.GetFiles(shots, "*.png"), Has.Length.GreaterThanOrEqualTo(r.GetProperty("screenshots").GetInt32()));
            });
            // Reported, not asserted (issue 8's 300 ms target): CI shares two cores with other suites.
            string timing = $"explorer first load right after the node started (cold browser cache, navigation → latest blocks shown) " +
                $"{r.GetProperty("firstLoadMs").GetInt32()} ms; reloads: best {r.GetProperty("warmBestMs").GetInt32()} ms, median {r.GetProperty("warmMedianMs").GetInt32()} ms";
            TestContext.Out.WriteLine(timing);
            File.WriteAllText(Path.Combine(shots, "load-times.txt"), timing + Environment.NewLine);
        }
        finally
        {
            node.Dispose();
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless.
            }
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string script, Uri rpc, string shots, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(script)!,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(rpc.ToString());
        start.ArgumentList.Add(shots);
        start.Environment["CHROMIUM_PATH"] = Chromium;
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, await stdout, $"timed out after {timeout}\n{await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
