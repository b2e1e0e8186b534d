using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace TrustChain.Bench.Load;

/// <summary>
/// Sends the plan over N connections, singly or in JSON-RPC batches. A node may refuse a transaction for now (its
/// pool limits per sender); those go back on a retry queue with a short back-off, so the submitted rate is what
/// the node actually admitted. Bounded by a deadline and by a retry cap per transaction. With a rate, fresh transfers
/// are released on a schedule (transfer i not before i / rate seconds after the start) for a sustained-load run.
/// </summary>
public sealed class TransferSubmitter
{
    private const int MaxAttempts = 2_000;
    private static readonly byte Comma = (byte)',';

    private readonly JsonRpcHttpClient _client;
    private readonly SignedTransfer[] _plan;
    private readonly int _batchSize;
    private readonly SubmissionState[] _states;
    private readonly int[] _attempts;
    private readonly long[] _acceptedSentAt;
    private readonly double _rate;
    private readonly ConcurrentQueue<int> _retry = new();
    private readonly ConcurrentDictionary<string, int> _errorMessages = new(StringComparer.Ordinal);
    private int _nextFresh;
    private int _resolved;
    private long _requests;
    private long _retries;
    private long _transportErrors;
    private long _lastAcceptedTicks;
    private long _startedTicks;

    /// <param name="rate">Fresh transfers per second; 0 submits as fast as the node admits.</param>
    public TransferSubmitter(JsonRpcHttpClient client, SignedTransfer[] plan, int batchSize, double rate = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        _rate = rate;
        _acceptedSentAt = new long[plan.Length];
        _client = client;
        _plan = plan;
        _batchSize = batchSize;
        _states = new SubmissionState[plan.Length];
        _attempts = new int[plan.Length];
    }

    /// <summary>Raised (from a worker) when the node accepted transfer <c>index</c>.</summary>
    public event Action<int>? Accepted;

    public long Requests => Interlocked.Read(ref _requests);

    public long Retries => Interlocked.Read(ref _retries);

    public long TransportErrors => Interlocked.Read(ref _transportErrors);

    public int AcceptedCount => _states.Count(s => s == SubmissionState.Accepted);

    public int FailedCount => _states.Count(s => s == SubmissionState.Failed);

    public bool IsComplete => Volatile.Read(ref _resolved) == _plan.Length;

    /// <summary>Stopwatch timestamp of the last acceptance.</summary>
    public long LastAcceptedTimestamp => Interlocked.Read(ref _lastAcceptedTicks);

    public IReadOnlyDictionary<string, int> ErrorMessages => _errorMessages;

    /// <summary>Stopwatch timestamp at which the accepted attempt of transfer <paramref name="index"/> was sent; 0 if none.</summary>
    public long AcceptedSentTimestamp(int index) => Volatile.Read(ref _acceptedSentAt[index]);

    public async Task RunAsync(int connections, CancellationToken deadline)
    {
        _startedTicks = Stopwatch.GetTimestamp();
        Task[] workers = new Task[connections];
        for (int i = 0; i < connections; i++)
        {
            workers[i] = Task.Run(() => WorkerAsync(deadline), CancellationToken.None);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private async Task WorkerAsync(CancellationToken deadline)
    {
        List<int> items = new(_batchSize);
        int backoffMs = 0;
        while (!deadline.IsCancellationRequested && !IsComplete)
        {
            items.Clear();
            TakeWork(items);
            if (items.Count == 0)
            {
                // Everything is in flight on other workers or waiting for its retry turn.
                await DelayAsync(2, deadline).ConfigureAwait(false);
                continue;
            }

            // Any refusal means the node's pool is at its limit for some sender until the next block: pause this
            // connection instead of resending into the same refusal.
            int accepted = await SendAsync(items, deadline).ConfigureAwait(false);
            if (accepted < items.Count)
            {
                // Up to half a block interval: a full pool only drains when a block lands, and faster retries of
                // refused transfers cost the nodes a signature recovery each, starving the consensus they wait for.
                backoffMs = Math.Clamp(backoffMs * 2, 2, 500);
                await DelayAsync(backoffMs, deadline).ConfigureAwait(false);
            }
            else
            {
                backoffMs = 0;
            }
        }
    }

    private static async Task DelayAsync(int ms, CancellationToken deadline)
    {
        try
        {
            await Task.Delay(ms, deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The deadline ends the worker loop.
        }
    }

    // Retries first: they hold the lower nonces that the queued higher ones are waiting for.
    private void TakeWork(List<int> items)
    {
        while (items.Count < _batchSize && _retry.TryDequeue(out int index))
        {
            items.Add(index);
        }

        if (items.Count < _batchSize && ScheduledFreshLeft() > 0)
        {
            int want = Math.Min(_batchSize - items.Count, ScheduledFreshLeft());
            int start = Interlocked.Add(ref _nextFresh, want) - want;
            for (int i = start; i < Math.Min(start + want, _plan.Length); i++)
            {
                items.Add(i);
            }
        }
    }

    // Fresh transfers the schedule releases now and no worker has taken yet.
    private int ScheduledFreshLeft()
    {
        if (_rate <= 0)
        {
            return int.MaxValue;
        }

        double due = Stopwatch.GetElapsedTime(_startedTicks).TotalSeconds * _rate;
        return (int)Math.Clamp(Math.Ceiling(due) - Volatile.Read(ref _nextFresh), 0, int.MaxValue);
    }

    private async Task<int> SendAsync(List<int> items, CancellationToken deadline)
    {
        long sentAt = Stopwatch.GetTimestamp();
        byte[] body = items.Count == 1 && _batchSize == 1 ? _plan[items[0]].Request : ComposeBatch(items);
        byte[] response;
        Interlocked.Increment(ref _requests);
        try
        {
            response = await _client.PostAsync(body, deadline).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            Interlocked.Increment(ref _transportErrors);
            foreach (int index in items)
            {
                Reject(index, e is TaskCanceledException ? "request timed out" : e.Message, retryable: !deadline.IsCancellationRequested);
            }

            return 0;
        }

        int accepted = 0;
        using JsonDocument document = JsonDocument.Parse(response);
        JsonElement root = document.RootElement;
        HashSet<int> answered = new(items.Count);
        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement element in root.EnumerateArray())
            {
                accepted += HandleResponse(element, answered, sentAt);
            }
        }
        else
        {
            accepted += HandleResponse(root, answered, sentAt);
        }

        foreach (int index in items)
        {
            if (!answered.Contains(index))
            {
                Reject(index, "no response for this request id", retryable: true);
            }
        }

        return accepted;
    }

    private byte[] ComposeBatch(List<int> items)
    {
        int length = 2 + items.Count - 1;
        foreach (int index in items)
        {
            length += _plan[index].Request.Length;
        }

        byte[] body = new byte[length];
        int offset = 0;
        body[offset++] = (byte)'[';
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                body[offset++] = Comma;
            }

            byte[] request = _plan[items[i]].Request;
            request.CopyTo(body, offset);
            offset += request.Length;
        }

        body[offset] = (byte)']';
        return body;
    }

    private int HandleResponse(JsonElement response, HashSet<int> answered, long sentAt)
    {
        if (!response.TryGetProperty("id", out JsonElement idElement) || !idElement.TryGetInt32(out int index)
            || (uint)index >= (uint)_plan.Length || !answered.Add(index))
        {
            return 0;
        }

        if (response.TryGetProperty("result", out _) && !response.TryGetProperty("error", out _))
        {
            Accept(index, sentAt);
            return 1;
        }

        string message = response.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object
            && error.TryGetProperty("message", out JsonElement m) ? m.ToString() : "malformed response";
        if (message.Contains("already known", StringComparison.OrdinalIgnoreCase))
        {
            // A retry of a transaction the node already holds (its first answer was lost or it was queued): it is in.
            Accept(index, sentAt);
            return 1;
        }

        // A nonce below the account's can never become valid again; pool limits and full pools clear as blocks land.
        bool retryable = !message.Contains("nonce too low", StringComparison.OrdinalIgnoreCase)
            && !message.Contains("insufficient funds", StringComparison.OrdinalIgnoreCase);
        Reject(index, message, retryable);
        return 0;
    }

    private void Accept(int index, long sentAt)
    {
        _states[index] = SubmissionState.Accepted;
        Volatile.Write(ref _acceptedSentAt[index], sentAt);
        Interlocked.Exchange(ref _lastAcceptedTicks, Stopwatch.GetTimestamp());
        Interlocked.Increment(ref _resolved);
        Accepted?.Invoke(index);
    }

    private void Reject(int index, string message, bool retryable)
    {
        _errorMessages.AddOrUpdate(Shorten(message), 1, static (_, n) => n + 1);
        if (retryable && ++_attempts[index] < MaxAttempts)
        {
            Interlocked.Increment(ref _retries);
            _retry.Enqueue(index);
            return;
        }

        _states[index] = SubmissionState.Failed;
        Interlocked.Increment(ref _resolved);
    }

    // Messages carry per-transaction numbers; the first words are enough to group them.
    private static string Shorten(string message)
    {
        int colon = message.IndexOf(':', StringComparison.Ordinal);
        string head = colon > 0 ? message[..colon] : message;
        return head.Length > 80 ? head[..80] : head;
    }
}
