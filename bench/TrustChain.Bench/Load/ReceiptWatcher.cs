using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TrustChain.Core;

namespace TrustChain.Bench.Load;

/// <summary>
/// Follows the chain while transfers are submitted and records when each accepted transfer's receipt becomes
/// visible over JSON-RPC. Polls every few milliseconds, never faster, and stops at the deadline.
/// </summary>
public sealed class ReceiptWatcher
{
    private const int BlocksPerBatch = 20;
    private const int HashesPerBatch = 100;
    private const int HashesPerRound = 1_000;
    private const int PollMs = 5;

    private readonly JsonRpcHttpClient _client;
    private readonly SignedTransfer[] _plan;
    private readonly Dictionary<Hash256, int> _indexByHash;
    private readonly bool[] _accepted;
    private readonly bool[] _seen;
    private readonly long[] _seenAt;
    private int _seenCount;
    private int _reverted;
    private long _lastReceiptTicks;
    private ulong _blocksScanned;
    private ulong _firstBlock;
    private ulong _lastBlock;

    public ReceiptWatcher(JsonRpcHttpClient client, SignedTransfer[] plan)
    {
        _client = client;
        _plan = plan;
        _indexByHash = new Dictionary<Hash256, int>(plan.Length);
        foreach (SignedTransfer t in plan)
        {
            _indexByHash[t.Hash] = t.Index;
        }

        _accepted = new bool[plan.Length];
        _seen = new bool[plan.Length];
        _seenAt = new long[plan.Length];
    }

    public int SeenCount => Volatile.Read(ref _seenCount);

    /// <summary>Receipts with status 0 (the transfer was included but failed).</summary>
    public int Reverted => _reverted;

    public long LastReceiptTimestamp => _lastReceiptTicks;

    /// <summary>Blocks that held at least one of the plan's transfers (block mode only).</summary>
    public (ulong First, ulong Last) BlockSpan => (_firstBlock, _lastBlock);

    public ulong BlocksScanned => _blocksScanned;

    /// <summary>Stopwatch timestamp at which transfer <paramref name="index"/>'s receipt was first seen; 0 if not.</summary>
    public long SeenTimestamp(int index) => _seenAt[index];

    public void MarkAccepted(int index) => Volatile.Write(ref _accepted[index], true);

    /// <summary>Whether the node serves eth_getBlockReceipts.</summary>
    public static async Task<ReceiptMode> ProbeAsync(JsonRpcHttpClient client, CancellationToken ct)
    {
        try
        {
            await client.CallAsync("eth_getBlockReceipts", "[\"latest\"]", ct).ConfigureAwait(false);
            return ReceiptMode.Block;
        }
        catch (JsonRpcCallException)
        {
            return ReceiptMode.Hash;
        }
    }

    /// <param name="startBlock">Head before the first submission; only later blocks are scanned.</param>
    /// <param name="expected">Current number of receipts to wait for (accepted transfers; final once submission is done).</param>
    public async Task RunAsync(ReceiptMode mode, ulong startBlock, Func<(int Expected, bool Final)> expected, CancellationToken deadline)
    {
        ulong nextBlock = startBlock + 1;
        int cursor = 0;
        while (!deadline.IsCancellationRequested)
        {
            (int want, bool final) = expected();
            if (final && SeenCount >= want)
            {
                return;
            }

            bool progressed;
            try
            {
                if (mode == ReceiptMode.Block)
                {
                    ulong head = HexQuantity.Parse(await _client.CallAsync("eth_blockNumber", "[]", deadline).ConfigureAwait(false), "eth_blockNumber");
                    progressed = head >= nextBlock;
                    for (; nextBlock <= head && !deadline.IsCancellationRequested; nextBlock += BlocksPerBatch)
                    {
                        ulong last = Math.Min(head, nextBlock + BlocksPerBatch - 1);
                        await ScanBlocksAsync(nextBlock, last, deadline).ConfigureAwait(false);
                        if (last == head)
                        {
                            nextBlock = head + 1;
                            break;
                        }
                    }
                }
                else
                {
                    (progressed, cursor) = await PollHashesAsync(cursor, deadline).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                return;
            }

            if (!progressed)
            {
                try
                {
                    await Task.Delay(PollMs, deadline).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ScanBlocksAsync(ulong first, ulong last, CancellationToken ct)
    {
        StringBuilder batch = new("[");
        for (ulong n = first; n <= last; n++)
        {
            batch.Append(n == first ? "" : ",").Append(CultureInfo.InvariantCulture,
                $"{{\"jsonrpc\":\"2.0\",\"id\":{n},\"method\":\"eth_getBlockReceipts\",\"params\":[\"{HexQuantity.Format(n)}\"]}}");
        }

        byte[] response = await _client.PostAsync(Encoding.UTF8.GetBytes(batch.Append(']').ToString()), ct).ConfigureAwait(false);
        using JsonDocument document = JsonDocument.Parse(response);
        foreach (JsonElement item in document.RootElement.EnumerateArray())
        {
            JsonElement receipts = JsonRpcHttpClient.ExtractResult(item, "eth_getBlockReceipts");
            if (receipts.ValueKind != JsonValueKind.Array)
            {
                throw new JsonRpcCallException("eth_getBlockReceipts", 0, $"block {item.GetProperty("id")} has no receipts yet although the head is past it");
            }

            _blocksScanned++;
            foreach (JsonElement receipt in receipts.EnumerateArray())
            {
                if (Record(receipt))
                {
                    ulong number = HexQuantity.Parse(receipt.GetProperty("blockNumber"), "receipt.blockNumber");
                    _firstBlock = _firstBlock == 0 ? number : Math.Min(_firstBlock, number);
                    _lastBlock = Math.Max(_lastBlock, number);
                }
            }
        }
    }

    private async Task<(bool Progressed, int Cursor)> PollHashesAsync(int cursor, CancellationToken ct)
    {
        while (cursor < _plan.Length && _seen[cursor])
        {
            cursor++;
        }

        List<int> round = new(HashesPerRound);
        for (int i = cursor; i < _plan.Length && round.Count < HashesPerRound; i++)
        {
            if (!_seen[i] && Volatile.Read(ref _accepted[i]))
            {
                round.Add(i);
            }
        }

        bool progressed = false;
        for (int start = 0; start < round.Count && !ct.IsCancellationRequested; start += HashesPerBatch)
        {
            StringBuilder batch = new("[");
            int end = Math.Min(round.Count, start + HashesPerBatch);
            for (int j = start; j < end; j++)
            {
                batch.Append(j == start ? "" : ",").Append(CultureInfo.InvariantCulture,
                    $"{{\"jsonrpc\":\"2.0\",\"id\":{round[j]},\"method\":\"eth_getTransactionReceipt\",\"params\":[\"{_plan[round[j]].Hash}\"]}}");
            }

            byte[] response = await _client.PostAsync(Encoding.UTF8.GetBytes(batch.Append(']').ToString()), ct).ConfigureAwait(false);
            using JsonDocument document = JsonDocument.Parse(response);
            int found = 0;
            foreach (JsonElement item in document.RootElement.EnumerateArray())
            {
                JsonElement receipt = JsonRpcHttpClient.ExtractResult(item, "eth_getTransactionReceipt");
                if (receipt.ValueKind == JsonValueKind.Object && Record(receipt))
                {
                    found++;
                }
            }

            progressed |= found > 0;
            if (found == 0)
            {
                // Inclusion follows submission order closely: if none of the oldest are in, the newer are not either.
                break;
            }
        }

        return (progressed, cursor);
    }

    private bool Record(JsonElement receipt)
    {
        if (!Hash256.TryParse(receipt.GetProperty("transactionHash").GetString(), out Hash256 hash)
            || !_indexByHash.TryGetValue(hash, out int index) || _seen[index])
        {
            return false;
        }

        _seen[index] = true;
        _seenAt[index] = Stopwatch.GetTimestamp();
        if (receipt.TryGetProperty("status", out JsonElement status) && status.GetString() != "0x1")
        {
            _reverted++;
        }

        Interlocked.Increment(ref _seenCount);
        _lastReceiptTicks = Stopwatch.GetTimestamp();
        return true;
    }
}
