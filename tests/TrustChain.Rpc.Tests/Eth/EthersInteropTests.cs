using System.Diagnostics;

namespace TrustChain.Rpc.Tests.Eth;

/// <summary>
/// Runs tests/interop/eth/ethers-interop.mjs (ethers v6) against the in-process server, with a small producer loop
/// that commits a block whenever the pool has pending transactions and otherwise every 250 ms.
/// </summary>
[TestFixture]
public sealed class EthersInteropTests
{
    [Test]
    public async Task Ethers_v6_agrees_with_the_eth_module()
    {
        string script = Path.Combine(Path.GetDirectoryName(EthTestChain.RepoGenesisPath)!, "tests", "interop", "eth", "ethers-interop.mjs");
        Assert.That(File.Exists(script), Is.True, script);
        await using EthTestChain chain = await EthTestChain.StartAsync();
        chain.ProduceBlock();
        using var stop = new CancellationTokenSource();
        Exception? producerError = null;
        int idleTicks = 0;
        Task producer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    // Like the dev producer: at once when transactions are pending, else on a block-time tick
                    // (ethers' receipt polling is driven by new blocks).
                    if (chain.Pool.PendingCount > 0 || ++idleTicks >= 10)
                    {
                        chain.ProduceBlock();
                        idleTicks = 0;
                    }
                }
                catch (Exception e)
                {
                    producerError = e;
                    return;
                }

                await Task.Delay(25).ConfigureAwait(false);
            }
        });

        (int exitCode, string output) = await RunNodeAsync(script, chain.Server.RpcUri.ToString(), TimeSpan.FromSeconds(120));
        await stop.CancelAsync();
        await producer;
        TestContext.Out.WriteLine(output);
        Assert.That(producerError, Is.Null, $"block production failed: {producerError}");
        Assert.That(exitCode, Is.Zero, $"{output}\nhead {chain.Chain.Head.Number}, pending {chain.Pool.PendingCount}, queued {chain.Pool.QueuedCount}");
        Assert.That(output, Does.Contain("ethers interop OK"));
    }

    internal static async Task<(int ExitCode, string Output)> RunNodeAsync(string script, string url, TimeSpan timeout)
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
}
