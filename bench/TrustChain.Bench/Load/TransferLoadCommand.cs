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
/// admitted rate (submitted/s) and the end-to-end rate (transfers / time to the last receipt).
/// </summary>
public static class TransferLoadCommand
{
    private const ulong FallbackTip = 1_000_000_000;

    public static async Task<int> RunAsync(CommandArgs args)
    {
        Uri url = args.GetLoopbackUrl("url");
        int count = args.GetInt("count", 10_000, 1, 1_000_000);
        int senderCount = args.GetInt("senders", 10, 1, DevAccounts.Count);
        int connections = args.GetInt("connections", 32, 1, 1024);
        int batch = args.GetInt("batch", 1, 1, 1000);
        int timeoutSeconds = args.GetInt("timeout-seconds", 300, 1, 3600);
        int seed = args.GetInt("seed", 1, 0, int.MaxValue);
        string chainIdText = args.GetString("chain-id", "auto");
        string receiptsText = args.GetString("receipts", "auto");
        args.EnsureAllUsed();

        using JsonRpcHttpClient client = new(url, connections + 2, TimeSpan.FromSeconds(30));
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

        ulong maxFee = checked((2 * baseFee) + tip);
        PrivateKey[] senders = new PrivateKey[senderCount];
        ulong[] nonces = new ulong[senderCount];
        for (int i = 0; i < senderCount; i++)
        {
            senders[i] = DevAccounts.Get(i);
            nonces[i] = HexQuantity.Parse(await client.CallAsync("eth_getTransactionCount",
                $"[\"{senders[i].Address}\",\"pending\"]", setup).ConfigureAwait(false), "eth_getTransactionCount");
        }

        Stopwatch signing = Stopwatch.StartNew();
        SignedTransfer[] plan = TransferPlan.Create(senders, nonces, count, chainId, maxFee, tip, seed);
        signing.Stop();
        Console.WriteLine($"load transfers on {url}: chain {chainId}, {count} transfers from {senderCount} senders, base fee {baseFee}, tip {tip}, " +
            $"max fee {maxFee}; signed in {signing.Elapsed.TotalSeconds:0.00} s; {connections} connections, " +
            (batch == 1 ? "single requests" : $"batches of {batch}") + $"; receipts by {mode}");

        TransferSubmitter submitter = new(client, plan, batch);
        ReceiptWatcher watcher = new(client, plan);
        submitter.Accepted += watcher.MarkAccepted;
        using CancellationTokenSource deadline = new(TimeSpan.FromSeconds(timeoutSeconds));

        long started = Stopwatch.GetTimestamp();
        Task submit = submitter.RunAsync(connections, deadline.Token);
        Task watch = watcher.RunAsync(mode, startBlock, () => (submitter.AcceptedCount, submitter.IsComplete), deadline.Token);
        await submit.ConfigureAwait(false);
        double submitSeconds = Stopwatch.GetElapsedTime(started, Math.Max(submitter.LastAcceptedTimestamp, started)).TotalSeconds;
        await watch.ConfigureAwait(false);

        int accepted = submitter.AcceptedCount;
        int failed = submitter.FailedCount;
        int receipts = watcher.SeenCount;
        double e2eSeconds = Stopwatch.GetElapsedTime(started, Math.Max(watcher.LastReceiptTimestamp, started)).TotalSeconds;
        double submitRate = accepted / Math.Max(submitSeconds, 1e-9);
        double e2eRate = receipts / Math.Max(e2eSeconds, 1e-9);
        bool complete = receipts == count;

        Console.WriteLine($"  submitted {accepted}/{count} in {submitSeconds:0.000} s = {submitRate:0} tx/s " +
            $"({submitter.Requests} requests, {submitter.Retries} retries, {submitter.TransportErrors} transport errors, {failed} given up)");
        foreach (KeyValuePair<string, int> error in submitter.ErrorMessages.OrderByDescending(e => e.Value).Take(5))
        {
            Console.WriteLine($"    refused {error.Value}x: {error.Key}");
        }

        string span = mode == ReceiptMode.Block ? $", blocks #{watcher.BlockSpan.First}..#{watcher.BlockSpan.Last}" : "";
        Console.WriteLine($"  receipts {receipts}/{count} ({watcher.Reverted} failed status{span}); last receipt at {e2eSeconds:0.000} s = {e2eRate:0} tx/s end-to-end" +
            (complete ? "" : " — INCOMPLETE (deadline or refusals)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT transfers batch={batch} count={count} accepted={accepted} receipts={receipts} submit_s={submitSeconds:0.000} " +
            $"submit_tps={submitRate:0} e2e_s={e2eSeconds:0.000} e2e_tps={e2eRate:0} retries={submitter.Retries} requests={submitter.Requests}"));
        return complete && watcher.Reverted == 0 ? 0 : 1;
    }
}
