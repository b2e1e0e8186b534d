namespace TrustChain.Rpc.Hosting;

/// <summary>What <see cref="RpcFastLaneRequest.Match"/> found at the start of a connection's buffer.</summary>
internal enum RpcFastLaneMatch
{
    /// <summary>Not the lane's request shape: Kestrel handles it (and the rest of the connection).</summary>
    Decline,

    /// <summary>Could still be the lane's shape but has not fully arrived; the lane hands over rather than wait, so Kestrel's timeouts apply.</summary>
    Incomplete,

    /// <summary>The whole request is in the buffer and has the lane's shape.</summary>
    Fast,
}
