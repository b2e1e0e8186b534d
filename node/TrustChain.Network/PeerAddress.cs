using System.Globalization;
using System.Net;

namespace TrustChain.Network;

/// <summary>A dial target: <c>host:port</c>, optionally pinned to a node id as <c>nodeIdHex@host:port</c>.</summary>
public sealed class PeerAddress
{
    public PeerAddress(string host, int port, NodeId? nodeId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        if (port is < 1 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "Port must be in 1..65535.");
        }

        Host = host;
        Port = port;
        NodeId = nodeId;
    }

    public PeerAddress(IPEndPoint endPoint, NodeId? nodeId = null) : this(endPoint.Address.ToString(), endPoint.Port, nodeId)
    {
    }

    public string Host { get; }

    public int Port { get; }

    /// <summary>When set, a peer answering at this address with another key is refused.</summary>
    public NodeId? NodeId { get; }

    public static PeerAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        NodeId? nodeId = null;
        string hostPort = text.Trim();
        int at = hostPort.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            nodeId = Network.NodeId.Parse(hostPort[..at]);
            hostPort = hostPort[(at + 1)..];
        }

        int colon = hostPort.LastIndexOf(':');
        if (colon <= 0 || colon == hostPort.Length - 1)
        {
            throw new FormatException($"Peer address '{text}' must be [nodeId@]host:port.");
        }

        string host = hostPort[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (!int.TryParse(hostPort.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port)
            || port is < 1 or > IPEndPoint.MaxPort)
        {
            throw new FormatException($"Peer address '{text}' has an invalid port.");
        }

        if (host.Length == 0)
        {
            throw new FormatException($"Peer address '{text}' has an empty host.");
        }

        return new PeerAddress(host, port, nodeId);
    }

    public async Task<IPEndPoint> ResolveAsync(CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(Host, out IPAddress? address))
        {
            return new IPEndPoint(address, Port);
        }

        IPAddress[] addresses = await Dns.GetHostAddressesAsync(Host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new IOException($"Host '{Host}' did not resolve to any address.");
        }

        return new IPEndPoint(addresses[0], Port);
    }

    public override string ToString()
    {
        string host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        return NodeId is null ? $"{host}:{Port}" : $"{NodeId.ToHexString()}@{host}:{Port}";
    }
}
