using System.Diagnostics;

namespace TrustChain.Rpc.JsonRpc;

/// <summary>
/// Cancellation and deadline shared by all calls of one request (a batch shares one budget, like geth).
/// Synchronously completing handlers never touch the timer machinery.
/// </summary>
internal sealed class RpcCallScope : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly CancellationToken _transportAborted;
    private readonly long _deadline;
    private CancellationTokenRegistration _abortRegistration;
    private bool _abortRegistered;

    public RpcCallScope(TimeSpan timeout, CancellationToken transportAborted)
    {
        _transportAborted = transportAborted;
        _deadline = timeout == Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
    }

    public CancellationToken Token => _cts.Token;

    public bool TransportAborted => _transportAborted.IsCancellationRequested;

    public bool TimedOut { get; private set; }

    public bool Expired => TimedOut || (_deadline != long.MaxValue && Stopwatch.GetTimestamp() >= _deadline);

    public async ValueTask<object?> WaitAsync(ValueTask<object?> pending)
    {
        if (!_abortRegistered && _transportAborted.CanBeCanceled)
        {
            _abortRegistration = _transportAborted.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _cts);
            _abortRegistered = true;
        }

        if (_deadline == long.MaxValue)
        {
            return await pending.ConfigureAwait(false);
        }

        long remainingTicks = Math.Max(0, _deadline - Stopwatch.GetTimestamp());
        TimeSpan remaining = TimeSpan.FromSeconds((double)remainingTicks / Stopwatch.Frequency);
        Task<object?> task = pending.AsTask();
        try
        {
            return await task.WaitAsync(remaining, _transportAborted).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            TimedOut = true;
            _cts.Cancel();
            Observe(task);
            throw new RpcException(RpcErrorCodes.Timeout, "request timed out");
        }
        catch (OperationCanceledException) when (_transportAborted.IsCancellationRequested && !task.IsCompleted)
        {
            Observe(task);
            throw;
        }
    }

    public void Dispose()
    {
        _abortRegistration.Dispose();
        _cts.Dispose();
    }

    // The abandoned handler may still fault later; observing keeps that out of UnobservedTaskException.
    private static void Observe(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
