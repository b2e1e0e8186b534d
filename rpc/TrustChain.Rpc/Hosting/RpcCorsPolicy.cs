using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace TrustChain.Rpc.Hosting;

/// <summary>Minimal CORS for the RPC path: configured origins or "*", preflight answered with 204.</summary>
internal sealed class RpcCorsPolicy
{
    private const string AllowedMethods = "POST, GET, OPTIONS";
    private readonly bool _enabled;
    private readonly bool _any;
    private readonly HashSet<string> _origins;

    public RpcCorsPolicy(IReadOnlyList<string> allowedOrigins)
    {
        _origins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string origin in allowedOrigins)
        {
            if (origin == "*")
            {
                _any = true;
            }
            else if (!string.IsNullOrWhiteSpace(origin))
            {
                _origins.Add(origin.TrimEnd('/'));
            }
        }

        _enabled = _any || _origins.Count > 0;
    }

    /// <summary>Requests without an Origin header (non-browser clients) are always allowed.</summary>
    public bool IsAllowed(StringValues origin) =>
        StringValues.IsNullOrEmpty(origin) || (_enabled && (_any || _origins.Contains(origin.ToString())));

    public void ApplyToResponse(HttpContext http)
    {
        StringValues origin = http.Request.Headers.Origin;
        if (!_enabled || StringValues.IsNullOrEmpty(origin) || !IsAllowed(origin))
        {
            return;
        }

        IHeaderDictionary headers = http.Response.Headers;
        if (_any)
        {
            headers.AccessControlAllowOrigin = "*";
        }
        else
        {
            headers.AccessControlAllowOrigin = origin;
            headers.Vary = "Origin";
        }
    }

    /// <summary>Answers OPTIONS. A disallowed origin gets no CORS headers, so the browser blocks the real request.</summary>
    public void HandlePreflight(HttpContext http)
    {
        HttpResponse response = http.Response;
        response.StatusCode = StatusCodes.Status204NoContent;
        response.Headers.Allow = AllowedMethods;
        StringValues origin = http.Request.Headers.Origin;
        if (!_enabled || StringValues.IsNullOrEmpty(origin) || !IsAllowed(origin))
        {
            return;
        }

        IHeaderDictionary headers = response.Headers;
        headers.AccessControlAllowOrigin = _any ? "*" : origin;
        headers.AccessControlAllowMethods = AllowedMethods;
        StringValues requested = http.Request.Headers.AccessControlRequestHeaders;
        headers.AccessControlAllowHeaders = StringValues.IsNullOrEmpty(requested) ? "Content-Type" : requested;
        headers.AccessControlMaxAge = "600";
        headers.Vary = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";
    }
}
