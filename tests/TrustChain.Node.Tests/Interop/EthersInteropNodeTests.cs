using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TrustChain.Node.Tests.Interop;

/// <summary>
/// Starts the real `trustchain run --dev` on a temp data dir and a free port and runs the ethers v6 interop script
/// (tests/interop/eth/ethers-interop.mjs) against it; the script's output is shown and its exit code must be 0.
/// </summary>
[TestFixture]
public sealed class EthersInteropNodeTests
{
    [Test]
    public async Task Ethers_v6_against_trustchain_run_dev()
    {
        string repo = RepoRoot();
        string script = Path.Combine(repo, "tests", "interop", "eth", "ethers-interop.mjs");
        string exe = Path.Combine(TestContext.CurrentContext.TestDirectory, "trustchain.dll");
        Assert.That(File.Exists(exe), Is.True, $"the node executable is not built next to the tests: {exe}");
        string dataDir = Path.Combine(Path.GetTempPath(), "tc-ethers-" + Guid.NewGuid().ToString("N"));
        int port = FreePort();
        var log = new StringBuilder();
        using Process node = StartNode(exe, dataDir, port, log);
        try
        {
            string url = $"http://127.0.0.1:{port}/";
            await WaitForRpcAsync(url, node, log);
            (int exitCode, string output) = await RunScriptAsync(script, url, TimeSpan.FromSeconds(150));
            TestContext.Out.WriteLine(output);
            Assert.That(exitCode, Is.Zero, output + "\n--- node log ---\n" + log);
            Assert.That(output, Does.Contain("ethers interop OK"));
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
                await node.WaitForExitAsync();
            }

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

    private static Process StartNode(string exe, string dataDir, int port, StringBuilder log)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { exe, "run", "--dev", "--datadir", dataDir, "--rpc-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start trustchain");
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForRpcAsync(string url, Process node, StringBuilder log)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (node.HasExited)
            {
                Assert.Fail($"trustchain exited with {node.ExitCode}:\n{log}");
            }

            try
            {
                using var content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}""", Encoding.UTF8, "application/json");
                using HttpResponseMessage response = await client.PostAsync(url, content);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        Assert.Fail($"trustchain did not answer on {url} within 60 s:\n{log}");
    }

    private static async Task<(int ExitCode, string Output)> RunScriptAsync(string script, string url, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(script)!,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(url);
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
            return (-1, $"timed out after {timeout}\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        for (DirectoryInfo? dir = new(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrustChain.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repo root (TrustChain.sln) not found above the test directory");
    }
}
