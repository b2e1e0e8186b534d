using System.Diagnostics;

namespace TrustChain.Node.Tests.Testnet;

/// <summary>Polling waits and cross-node checks for the multi-process testnet fixtures (generous timeouts: CI is loaded).</summary>
public static class TestnetAwait
{
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    public static async Task AssertSameBlocks(IEnumerable<TestnetNodeProcess> nodes, ulong upTo)
    {
        List<TestnetNodeProcess> list = [.. nodes];
        for (ulong number = 1; number <= upTo; number++)
        {
            string[] hashes = [.. await Task.WhenAll(list.Select(async n => (await n.BlockAsync(number)).GetProperty("hash").GetString()!))];
            Assert.That(hashes.Distinct(), Has.Exactly(1).Items, $"nodes disagree on block {number}");
        }
    }

    public static async Task WaitForHeads(IEnumerable<TestnetNodeProcess> nodes, ulong height, string what)
    {
        List<TestnetNodeProcess> list = [.. nodes];
        await WaitFor(async () =>
        {
            foreach (TestnetNodeProcess node in list)
            {
                if (await node.TryHeadAsync() is not { } head || head < height)
                {
                    return (bool?)null;
                }
            }

            return true;
        }, what, list);
    }

    public static async Task<T> WaitFor<T>(Func<Task<T?>> probe, string what, IReadOnlyList<TestnetNodeProcess>? logs = null)
        where T : struct
    {
        Stopwatch watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await probe() is { } value)
                {
                    return value;
                }
            }
            catch (Exception e) when (e is TrustChain.Node.Tx.JsonRpcClientException or HttpRequestException or TaskCanceledException)
            {
                // A node that is still starting: try again.
            }

            if (watch.Elapsed > StepTimeout)
            {
                string tails = string.Join("\n", (logs ?? []).Select(n => $"--- node{n.Node.Index}:\n" + Tail(n.Log)));
                Assert.Fail($"timed out after {StepTimeout.TotalSeconds} s waiting for {what}\n{tails}");
            }

            await Task.Delay(100);
        }
    }

    private static string Tail(string log) => string.Join("\n", log.Split('\n').TakeLast(15));
}
