using System.Net;
using Microsoft.AspNetCore.Http;

namespace TrustChain.Rpc.Hosting;

/// <summary>geth's --http.vhosts check against DNS rebinding: the Host header must be listed; IP literals always pass.</summary>
internal sealed class RpcHostFilter
{
    private readonly bool _any;
    private readonly HashSet<string> _hosts;

    public RpcHostFilter(IReadOnlyList<string> allowedHosts)
    {
        _hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string host in allowedHosts)
        {
            if (host == "*")
            {
                _any = true;
            }
            else if (!string.IsNullOrWhiteSpace(host))
            {
                _hosts.Add(host.Trim());
            }
        }
    }

    /// <summary>True when every Host is allowed ("*"), so callers can skip building a <see cref="HostString"/>.</summary>
    public bool AllowsAny => _any;

    public bool IsAllowed(HostString host)
    {
        if (_any)
        {
            return true;
        }

        string name = host.Host;
        if (name.Length == 0)
        {
            return false;
        }

        if (IPAddress.TryParse(name.Trim('[', ']'), out _))
        {
            return true;
        }

        return _hosts.Contains(name);
    }
}
