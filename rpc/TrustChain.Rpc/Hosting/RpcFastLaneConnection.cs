using Microsoft.AspNetCore.Connections;

namespace TrustChain.Rpc.Hosting;

/// <summary>
/// A connection while the fast lane serves it: what it is waiting for and since when, so the lane's heartbeat can
/// apply the limits Kestrel's HTTP layer would (keep-alive timeout between requests, a minimum response data rate)
/// and stop it on server shutdown.
/// </summary>
internal sealed class RpcFastLaneConnection(ConnectionContext connection)
{
    public const int Busy = 0;
    public const int Reading = 1;
    public const int Writing = 2;
    public const int ReadingTail = 3;

    private int _state = Busy;
    private long _since = Environment.TickCount64;
    private volatile bool _stopRequested;

    /// <summary>Set once the lane must stop (idle timeout or server shutdown); a pending read then returns cancelled.</summary>
    public bool StopRequested => _stopRequested;

    public void Enter(int state)
    {
        Volatile.Write(ref _since, Environment.TickCount64);
        Volatile.Write(ref _state, state);
    }

    public void RequestStop()
    {
        _stopRequested = true;
        connection.Transport.Input.CancelPendingRead();
    }

    /// <param name="now">Environment.TickCount64.</param>
    /// <param name="keepAliveMs">Longest wait for the next request.</param>
    /// <param name="headersMs">Longest wait for the rest of a request cut at a read boundary.</param>
    /// <param name="writeGraceMs">Longest a response may sit unread by the client; negative disables.</param>
    public void OnHeartbeat(long now, long keepAliveMs, long headersMs, long writeGraceMs)
    {
        int state = Volatile.Read(ref _state);
        long elapsed = now - Volatile.Read(ref _since);
        if (((state == Reading && elapsed > keepAliveMs) || (state == ReadingTail && elapsed > headersMs)) && !_stopRequested)
        {
            RequestStop();
        }
        else if (state == Writing && writeGraceMs >= 0 && elapsed > writeGraceMs)
        {
            // Kestrel aborts a connection whose client stops reading (MinResponseDataRate); so does the lane.
            connection.Abort(new ConnectionAbortedException("The client did not read the fast lane's response in time."));
        }
    }
}
