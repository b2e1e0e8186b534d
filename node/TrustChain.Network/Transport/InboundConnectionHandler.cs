using Microsoft.AspNetCore.Connections;

namespace TrustChain.Network.Transport;

/// <summary>Kestrel's entry point for inbound TCP connections; the connection lives as long as the returned task.</summary>
public sealed class InboundConnectionHandler : ConnectionHandler
{
    private readonly P2PHost _host;

    public InboundConnectionHandler(P2PHost host)
    {
        _host = host;
    }

    public override Task OnConnectedAsync(ConnectionContext connection) => _host.HandleInboundAsync(connection);
}
