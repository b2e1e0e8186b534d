using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace TrustChain.Rpc.Explorer;

/// <summary>
/// Serves the block explorer under /explorer: its files with content types and ETags (304 on a match), and
/// index.html for every other extension-less path so client-side routes (/explorer/block/123) load the app.
/// </summary>
public static class ExplorerEndpoints
{
    public const string BasePath = "/explorer";

    // The page talks only to its own origin (JSON-RPC over HTTP and WebSocket) and loads nothing from elsewhere.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Maps /explorer and /explorer/{path}; <paramref name="rpcPath"/> is where the page sends JSON-RPC.</summary>
    public static ExplorerAssets MapExplorer(this IEndpointRouteBuilder endpoints, string rpcPath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ExplorerAssets assets = ExplorerAssets.Load(rpcPath);
        endpoints.MapMethods(BasePath, Methods, http => ServeAsync(http, assets.Index));
        endpoints.MapMethods(BasePath + "/{**path}", Methods, http =>
        {
            string path = http.Request.RouteValues["path"] as string ?? string.Empty;
            return Resolve(assets, path) is { } asset ? ServeAsync(http, asset) : NotFoundAsync(http, path);
        });
        return assets;
    }

    /// <summary>The file for a path under /explorer/, index.html for an app route, or null (404) for an unknown file.</summary>
    public static ExplorerAsset? Resolve(ExplorerAssets assets, string path)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            return assets.Index;
        }

        if (assets.TryGet(path, out ExplorerAsset asset))
        {
            return asset;
        }

        // A dot in the last segment means a file was asked for; answering it with HTML would hide a broken link.
        int slash = path.LastIndexOf('/');
        return path.AsSpan(slash + 1).Contains('.') ? null : assets.Index;
    }

    private static Task ServeAsync(HttpContext http, ExplorerAsset asset)
    {
        HttpResponse response = http.Response;
        response.Headers.ETag = asset.ETag;
        // Names are not content-hashed, so browsers revalidate every time; a 304 costs one small round trip.
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (asset.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            response.Headers.XFrameOptions = "DENY";
        }

        if (Matches(http.Request.Headers.IfNoneMatch, asset.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        byte[] body = asset.Content;
        if (asset.Gzip is { } gzip && AcceptsGzip(http.Request.Headers.AcceptEncoding))
        {
            body = gzip;
            response.Headers.ContentEncoding = "gzip";
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = asset.ContentType;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(http.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(body, http.RequestAborted).AsTask();
    }

    private static Task NotFoundAsync(HttpContext http, string path)
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        http.Response.Headers.CacheControl = "no-store";
        http.Response.ContentType = "text/plain; charset=utf-8";
        return HttpMethods.IsHead(http.Request.Method)
            ? Task.CompletedTask
            : http.Response.WriteAsync($"explorer: no file '{path}'\n", http.RequestAborted);
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        foreach (string? header in ifNoneMatch)
        {
            if (header is null)
            {
                continue;
            }

            foreach (string part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // If-None-Match compares weakly (RFC 9110 13.1.2), so a W/ prefix still matches.
                string tag = part.StartsWith("W/", StringComparison.Ordinal) ? part[2..] : part;
                if (tag == "*" || string.Equals(tag, etag, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool AcceptsGzip(Microsoft.Extensions.Primitives.StringValues acceptEncoding)
    {
        foreach (string? header in acceptEncoding)
        {
            if (header is null)
            {
                continue;
            }

            foreach (string part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                int semicolon = part.IndexOf(';');
                string coding = semicolon < 0 ? part : part[..semicolon].TrimEnd();
                if (!string.Equals(coding, "gzip", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                // "gzip;q=0" explicitly refuses it.
                return semicolon < 0 || !IsZeroQuality(part.AsSpan(semicolon + 1));
            }
        }

        return false;
    }

    private static bool IsZeroQuality(ReadOnlySpan<char> parameters)
    {
        ReadOnlySpan<char> p = parameters.Trim();
        if (!p.StartsWith("q=", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (char c in p[2..])
        {
            if (c is not ('0' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
