using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TrustChain.Bench.Cli;
using TrustChain.Core.Crypto;
using TrustChain.Node.Dev;

namespace TrustChain.Bench.Load;

/// <summary>
/// <c>load transfers</c>: pre-signs N EIP-1559 transfers from the dev keys (nonces and fees from the node), submits
/// them over keep-alive connections and follows the chain until every accepted transfer has a receipt. Prints the
/// admitted rate (submitted/s), the end-to-end rate (transfers / time to the last receipt), submission-to-receipt
/// latency percentiles and the block interval during the run. With several <c>--url</c>s (comma-separated) the
/// senders are split across the nodes (sender i to node i mod n), each node getting its senders' transfers in nonce
/// order; <c>--rate R --duration-seconds S</c> paces R×S transfers evenly instead of submitting them as fast as possible.
/// The fee cap is <c>--fee-headroom</c> (default 2) × the current base fee + the tip.
/// </summary>
public static class TransferLoadCommand
{
    private const ulong FallbackTip = 1_000_000_000;

    public static async Task<int> RunAsync(CommandArgs args)
    {
        Uri[] urls = LoopbackUrls.Parse(args.GetOptionalString("url"), "url");
        int count = args.GetInt("count", 10_000, 1, 1_000_000);
        int rate = args.GetInt("rate", 0, 0, 100_000);
        int duration = args.GetInt("duration-seconds", 0, 0, 3600);
        int senderCount = args.GetInt("senders", Math.Max(10, urls.Length), urls.Length, DevAccounts.Count);
        int connections = args.GetInt("connections", 32, 1, 1024);
        int batch = args.GetInt("batch", 1, 1, 1000);
        int timeoutSeconds = args.GetInt("timeout-seconds", 300, 1, 3600);
        int seed = args.GetInt("seed", 1, 0, int.MaxValue);
        // Sustained blocks above the gas target raise the base fee ~12.5 % a block; a long run needs a fee cap far
        // above today's base fee or its later transfers become unincludable.
        int feeHeadroom = args.GetInt("fee-headroom", 2, 1, 10_000);
        string chainIdText = args.GetString("chain-id", "auto");
        string receiptsText = args.GetString("receipts", "auto");
        args.EnsureAllUsed();
        if (duration > 0)
        {
            count = rate > 0 ? checked(rate * duration) : throw new BenchUsageException("--duration-seconds needs --rate");
        }

        if (count < urls.Length)
        {
            throw new BenchUsageException($"--count {count} is less than one transfer per URL ({urls.Length})");
        }

        int perNodeConnections = Math.Max(1, connections / urls.Length);
        JsonRpcHttpClient[] clients = urls.Select(u => new JsonRpcHttpClient(u, perNodeConnections + 2, TimeSpan.FromSeconds(30))).ToArray();
        JsonRpcHttpClient client = clients[0];
        using CancellationTokenSource setupDeadline = new(TimeSpan.FromSeconds(60));
        CancellationToken setup = setupDeadline.Token;

        ulong chainId = chainIdText == "auto"
            ? HexQuantity.Parse(await client.CallAsync("eth_chainId", "[]", setup).ConfigureAwait(false), "eth_chainId")
            : ulong.TryParse(chainIdText, NumberStyles.None, CultureInfo.InvariantCulture, out ulong given) && given > 0
                ? given
                : throw new BenchUsageException($"--chain-id must be 'auto' or a positive integer, got '{chainIdText}'");
        ReceiptMode mode = receiptsText switch
        {
            "auto" => await ReceiptWatcher.ProbeAsync(client, setup).ConfigureAwait(false),
            "block" => ReceiptMode.Block,
            "hash" => ReceiptMode.Hash,
            _ => throw new BenchUsageException($"--receipts must be auto, block or hash, got '{receiptsText}'"),
        };

        JsonElement latest = await client.CallAsync("eth_getBlockByNumber", "[\"latest\",false]", setup).ConfigureAwait(false);
        ulong baseFee = HexQuantity.Parse(latest.GetProperty("baseFeePerGas"), "latest.baseFeePerGas");
        ulong startBlock = HexQuantity.Parse(latest.GetProperty("number"), "latest.number");
        ulong tip;
        try
        {
            tip = HexQuantity.Parse(await client.CallAsync("eth_maxPriorityFeePerGas", "[]", setup).ConfigureAwait(false), "eth_maxPriorityFeePerGas");
        }
        catch (JsonRpcCallException e)
        {
            Console.WriteLine($"  eth_maxPriorityFeePerGas unavailable ({e.RpcMessage}); tip {FallbackTip}");
            tip = FallbackTip;
        }

        ulong maxFee = checked(((ulong)feeHeadroom * baseFee) + tip);
        Stopwatch signing = Stopwatch.StartNew();
        TransferLoadGroup[] groups = new TransferLoadGroup[urls.Length];
        for (int u = 0; u < urls.Length; u++)
        {
            List<PrivateKey> senders = [];
            List<ulong> nonces = [];
            for (int s = u; s < senderCount; s += urls.Length)
            {
                PrivateKey key = DevAccounts.Get(s);
                senders.Add(key);
                nonces.Add(HexQuantity.Parse(await clients[u].CallAsync("eth_getTransactionCount",
                    $"[\"{key.Address}\",\"pending\"]", setup).ConfigureAwait(false), "eth_getTransactionCount"));
            }

            int share = (count / urls.Length) + (u < count % urls.Length ? 1 : 0);
            SignedTransfer[] plan = TransferPlan.Create(senders, nonces, share, chainId, maxFee, tip, seed + u);
            groups[u] = new TransferLoadGroup(urls[u], clients[u], plan, batch, rate * (double)share / count);
        }

        signing.Stop();
        Console.WriteLine($"load transfers on {string.Join(", ", urls.Select(u => u.ToString()))}: chain {chainId}, {count} transfers from {senderCount} senders, " +
            $"base fee {baseFee}, tip {tip}, max fee {maxFee}; signed in {signing.Elapsed.TotalSeconds:0.00} s; {perNodeConnections} connections per node, " +
            (batch == 1 ? "single requests" : $"batches of {batch}") + (rate > 0 ? $", paced at {rate} tx/s" : ", unpaced") + $"; receipts by {mode}");

        using CancellationTokenSource deadline = new(TimeSpan.FromSeconds(timeoutSeconds));
        long started = Stopwatch.GetTimestamp();
        Task[] submits = new Task[groups.Length];
        Task[] watches = new Task[groups.Length];
        for (int u = 0; u < groups.Length; u++)
        {
            TransferSubmitter submitter = groups[u].Submitter;
            submits[u] = submitter.RunAsync(perNodeConnections, deadline.Token);
            watches[u] = groups[u].Watcher.RunAsync(mode, startBlock, () => (submitter.AcceptedCount, submitter.IsComplete), deadline.Token);
        }

        await Task.WhenAll(submits).ConfigureAwait(false);
        long lastAccepted = groups.Max(g => g.Submitter.LastAcceptedTimestamp);
        double submitSeconds = Stopwatch.GetElapsedTime(started, Math.Max(lastAccepted, started)).TotalSeconds;
        await Task.WhenAll(watches).ConfigureAwait(false);
        double runSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        ulong endBlock = HexQuantity.Parse(await client.CallAsync("eth_blockNumber", "[]", CancellationToken.None).ConfigureAwait(false), "eth_blockNumber");

        int accepted = groups.Sum(g => g.Submitter.AcceptedCount);
        int failed = groups.Sum(g => g.Submitter.FailedCount);
        int receipts = groups.Sum(g => g.Watcher.SeenCount);
        int reverted = groups.Sum(g => g.Watcher.Reverted);
        long lastReceipt = groups.Max(g => g.Watcher.LastReceiptTimestamp);
        double e2eSeconds = Stopwatch.GetElapsedTime(started, Math.Max(lastReceipt, started)).TotalSeconds;
        double submitRate = accepted / Math.Max(submitSeconds, 1e-9);
        double e2eRate = receipts / Math.Max(e2eSeconds, 1e-9);
        double blockInterval = endBlock > startBlock ? runSeconds / (endBlock - startBlock) : double.NaN;
        bool complete = receipts == count;
        LatencyRecorder latencies = new();
        foreach (TransferLoadGroup group in groups)
        {
            group.AddLatencies(latencies);
        }

        double[] p = LatencyRecorder.PercentilesMs([latencies], 50, 90, 99, 100);

        Console.WriteLine($"  submitted {accepted}/{count} in {submitSeconds:0.000} s = {submitRate:0} tx/s " +
            $"({groups.Sum(g => g.Submitter.Requests)} requests, {groups.Sum(g => g.Submitter.Retries)} retries, " +
            $"{groups.Sum(g => g.Submitter.TransportErrors)} transport errors, {failed} given up)");
        foreach (KeyValuePair<string, int> error in groups.SelectMany(g => g.Submitter.ErrorMessages)
            .GroupBy(e => e.Key, e => e.Value).Select(g => KeyValuePair.Create(g.Key, g.Sum())).OrderByDescending(e => e.Value).Take(5))
        {
            Console.WriteLine($"    refused {error.Value}x: {error.Key}");
        }

        foreach (TransferLoadGroup group in groups.Where(_ => groups.Length > 1))
        {
            Console.WriteLine($"  {group.Url}: {group.Submitter.AcceptedCount}/{group.Plan.Length} accepted, {group.Watcher.SeenCount} receipts");
        }

        string span = mode == ReceiptMode.Block
            ? $", blocks #{groups.Min(g => g.Watcher.BlockSpan.First)}..#{groups.Max(g => g.Watcher.BlockSpan.Last)}"
            : "";
        Console.WriteLine($"  receipts {receipts}/{count} ({reverted} failed status{span}); last receipt at {e2eSeconds:0.000} s = {e2eRate:0} tx/s end-to-end" +
            (complete ? "" : " — INCOMPLETE (deadline or refusals)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  submit→receipt latency p50 {p[0]:0} ms, p90 {p[1]:0} ms, p99 {p[2]:0} ms, max {p[3]:0} ms ({latencies.Count} transfers); " +
            $"head #{startBlock}→#{endBlock} in {runSeconds:0.0} s = {blockInterval:0.000} s per block"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT transfers batch={batch} count={count} accepted={accepted} receipts={receipts} submit_s={submitSeconds:0.000} " +
            $"submit_tps={submitRate:0} e2e_s={e2eSeconds:0.000} e2e_tps={e2eRate:0} retries={groups.Sum(g => g.Submitter.Retries)} " +
            $"requests={groups.Sum(g => g.Submitter.Requests)} urls={urls.Length} rate={rate} latency_p50_ms={p[0]:0} latency_p99_ms={p[2]:0} " +
            $"block_interval_s={blockInterval:0.000}"));
        foreach (TransferLoadGroup group in groups)
        {
            group.Dispose();
        }

        return complete && reverted == 0 ? 0 : 1;
    }
}
