using TrustChain.Rpc.Tests.Eth;

namespace TrustChain.Rpc.Tests.Subscriptions;

/// <summary>
/// Runs tests/interop/ws/ethers-ws.mjs (ethers v6 WebSocketProvider) against a live node whose producer commits a
/// block when the pool has pending transactions and otherwise every 250 ms.
/// </summary>
[TestFixture]
public sealed class EthersWebSocketInteropTests
{
    [Test]
    public async Task Ethers_WebSocketProvider_receives_blocks_logs_and_pending_transactions()
    {
        string script = Path.Combine(Path.GetDirectoryName(EthTestChain.RepoGenesisPath)!, "tests", "interop", "ws", "ethers-ws.mjs");
        Assert.That(File.Exists(script), Is.True, script);
        await using LiveNode node = await LiveNode.StartAsync();
        node.ProduceBlock();
        using var stop = new CancellationTokenSource();
        Exception? producerError = null;
        Task producer = Task.Run(async () =>
        {
            int idleTicks = 0;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    if (node.Pool.PendingCount > 0 || ++idleTicks >= 10)
                    {
                        node.ProduceBlock();
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

        (int exitCode, string output) = await EthersInteropTests.RunNodeAsync(script, node.Server.WebSocketUri.ToString(), TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await producer;
        TestContext.Out.WriteLine(output);
        Assert.That(producerError, Is.Null, $"block production failed: {producerError}");
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("ethers ws OK"));
        await SubscriptionTests.WaitForAsync(() => node.Module.Subscriptions.ActiveSubscriptions == 0);
    }
}
