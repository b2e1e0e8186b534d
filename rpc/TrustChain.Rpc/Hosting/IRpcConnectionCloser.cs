namespace TrustChain.Rpc.Hosting;

/// <summary>
/// Lets a subscription end its WebSocket with a clear close frame (1008 policy violation and a reason) instead of
/// buffering without bound. The transport puts it into the upgrade request's features
/// (<c>HttpContext.Features.Get&lt;IRpcConnectionCloser&gt;()</c>).
/// </summary>
public interface IRpcConnectionCloser
{
    /// <summary>Drops queued messages, sends a 1008 close frame with <paramref name="reason"/> and ends the connection.</summary>
    void CloseForPolicy(string reason);
}
