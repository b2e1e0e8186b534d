using System.Net;

namespace TrustChain.Network.Peers;

/// <summary>Temporary bans by node id and by IP address; expired entries are dropped when looked at.</summary>
public sealed class BanList
{
    private readonly Dictionary<NodeId, DateTimeOffset> _nodes = new();
    private readonly Dictionary<IPAddress, DateTimeOffset> _addresses = new();
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    public BanList(TimeProvider time)
    {
        _time = time;
    }

    public void Ban(NodeId? nodeId, IPAddress? address, TimeSpan duration)
    {
        DateTimeOffset until = _time.GetUtcNow() + duration;
        lock (_lock)
        {
            if (nodeId is not null)
            {
                _nodes[nodeId] = Later(_nodes, nodeId, until);
            }

            if (address is not null)
            {
                IPAddress normalized = Normalize(address);
                _addresses[normalized] = Later(_addresses, normalized, until);
            }
        }
    }

    public bool IsBanned(NodeId nodeId) => Check(_nodes, nodeId);

    public bool IsBanned(IPAddress address) => Check(_addresses, Normalize(address));

    public void Unban(NodeId nodeId)
    {
        lock (_lock)
        {
            _nodes.Remove(nodeId);
        }
    }

    public void Unban(IPAddress address)
    {
        lock (_lock)
        {
            _addresses.Remove(Normalize(address));
        }
    }

    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private bool Check<TKey>(Dictionary<TKey, DateTimeOffset> bans, TKey key)
        where TKey : notnull
    {
        lock (_lock)
        {
            if (!bans.TryGetValue(key, out DateTimeOffset until))
            {
                return false;
            }

            if (until > _time.GetUtcNow())
            {
                return true;
            }

            bans.Remove(key);
            return false;
        }
    }

    private static DateTimeOffset Later<TKey>(Dictionary<TKey, DateTimeOffset> bans, TKey key, DateTimeOffset until)
        where TKey : notnull =>
        bans.TryGetValue(key, out DateTimeOffset existing) && existing > until ? existing : until;
}
