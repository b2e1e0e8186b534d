using System.Text.Json;

namespace TrustChain.Rpc.JsonRpc;

/// <summary>Endpoint, limits and policies of the JSON-RPC server. Defaults follow geth where geth has one.</summary>
public sealed class RpcOptions
{
    /// <summary>IP address to bind ("127.0.0.1", "0.0.0.0", "::1"; "localhost" means loopback).</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free port (see RpcServer.Port after start).</summary>
    public int Port { get; set; } = 8545;

    /// <summary>Path that serves JSON-RPC over POST and WebSocket.</summary>
    public string Path { get; set; } = "/";

    public bool EnableWebSocket { get; set; } = true;

    /// <summary>Larger bodies are refused with HTTP 413 like geth (5 MB).</summary>
    public long MaxRequestBodySize { get; set; } = 5 * 1024 * 1024;

    /// <summary>geth BatchRequestLimit; 0 disables.</summary>
    public int BatchRequestLimit { get; set; } = 1000;

    /// <summary>geth BatchResponseMaxSize (25 MB); once exceeded the remaining calls get -32003. 0 disables.</summary>
    public int BatchResponseMaxSize { get; set; } = 25 * 1000 * 1000;

    /// <summary>Budget per HTTP request / WebSocket message; calls still running get -32002 "request timed out". Infinite disables.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Kestrel connection cap (HTTP and upgraded WebSocket connections each); null is unlimited.</summary>
    public long? MaxConcurrentConnections { get; set; } = 1000;

    /// <summary>Largest accepted WebSocket message; bigger ones close the socket with 1009 (geth: 32 MB).</summary>
    public int WebSocketMaxMessageSize { get; set; } = 32 * 1024 * 1024;

    /// <summary>Calls one WebSocket connection may run at the same time before reading pauses.</summary>
    public int WebSocketMaxConcurrentRequests { get; set; } = 16;

    /// <summary>Queued outgoing messages per WebSocket; a subscriber that falls this far behind is disconnected.</summary>
    public int WebSocketSendQueueLimit { get; set; } = 4096;

    public TimeSpan WebSocketKeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Allowed CORS origins (also checked for browser WebSocket upgrades); "*" allows any, empty disables CORS.</summary>
    public IReadOnlyList<string> CorsAllowedOrigins { get; set; } = ["*"];

    /// <summary>Allowed Host header names (geth --http.vhosts); "*" allows any. IP literals are always accepted.</summary>
    public IReadOnlyList<string> AllowedHosts { get; set; } = ["*"];

    /// <summary>Refuse bodies whose Content-Type is not JSON with HTTP 415, as geth does.</summary>
    public bool RequireJsonContentType { get; set; } = true;

    public JsonSerializerOptions SerializerOptions { get; set; } = RpcJson.DefaultOptions;

    /// <summary>
    /// Answer plain keep-alive POSTs of cached parameterless methods (eth_blockNumber, eth_chainId, …) at the connection
    /// level, before Kestrel's HTTP layer, with the same response bytes; any other request hands the connection to
    /// Kestrel. Off sends everything through Kestrel.
    /// </summary>
    public bool EnableHttpFastLane { get; set; } = true;

    /// <summary>How long an idle keep-alive connection stays open (Kestrel's default, 130 s); applies to the fast lane too.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(130);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"Port {Port} is outside 0..65535.", nameof(Port));
        }

        if (string.IsNullOrEmpty(Path) || Path[0] != '/')
        {
            throw new ArgumentException("Path must start with '/'.", nameof(Path));
        }

        if (MaxRequestBodySize <= 0)
        {
            throw new ArgumentException("MaxRequestBodySize must be positive.", nameof(MaxRequestBodySize));
        }

        if (BatchRequestLimit < 0 || BatchResponseMaxSize < 0)
        {
            throw new ArgumentException("Batch limits must not be negative.");
        }

        if (RequestTimeout <= TimeSpan.Zero && RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("RequestTimeout must be positive or infinite.", nameof(RequestTimeout));
        }

        if (WebSocketMaxMessageSize <= 0 || WebSocketMaxConcurrentRequests <= 0 || WebSocketSendQueueLimit <= 0)
        {
            throw new ArgumentException("WebSocket limits must be positive.");
        }

        if (KeepAliveTimeout <= TimeSpan.Zero && KeepAliveTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("KeepAliveTimeout must be positive or infinite.", nameof(KeepAliveTimeout));
        }

        ArgumentNullException.ThrowIfNull(SerializerOptions);
        ArgumentNullException.ThrowIfNull(CorsAllowedOrigins);
        ArgumentNullException.ThrowIfNull(AllowedHosts);
    }
}
