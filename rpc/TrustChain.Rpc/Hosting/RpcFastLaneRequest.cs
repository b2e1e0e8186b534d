using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace TrustChain.Rpc.Hosting;

/// <summary>
/// Recognises, from raw connection bytes, the one HTTP/1.1 request shape the connection fast lane answers itself:
/// <c>POST {path} HTTP/1.1</c> with a Host, a Content-Length body that is already fully in the buffer, and no header
/// that changes how Kestrel would answer (Transfer-Encoding, Expect, Upgrade, Origin, Connection other than
/// keep-alive, repeated Host/Content-Length/Content-Type, anything malformed). Anything else is declined and goes to
/// Kestrel untouched, so every refusal, limit and error answer stays Kestrel's and the RPC handler's.
/// </summary>
internal static class RpcFastLaneRequest
{
    /// <summary>Head sizes far below Kestrel's limits (8 KB request line, 32 KB and 100 headers) so the lane never accepts what Kestrel refuses.</summary>
    public const int MaxHeadLength = 4096;

    public const int MaxHeaderCount = 64;

    /// <summary>A cached call is ~70 bytes; bigger bodies are never a call the result cache answers.</summary>
    public const int MaxBodyLength = 1024;

    public const int MaxRequestLength = MaxHeadLength + MaxBodyLength;

    private const int MaxHostLength = 255;

    private static readonly SearchValues<byte> s_tokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    private static readonly SearchValues<byte> s_valueChars = CreateValueChars();

    private static readonly SearchValues<byte> s_hostChars =
        SearchValues.Create("-.:[]0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    /// <summary>Classifies the request at the start of <paramref name="data"/>.</summary>
    /// <param name="data">Connection bytes, starting at a request boundary.</param>
    /// <param name="path">The RPC path as ASCII bytes (e.g. "/").</param>
    /// <param name="requireJsonContentType">When true, only JSON media types qualify (others get Kestrel's 415 path).</param>
    /// <param name="headLength">Bytes of request line and headers, including the blank line.</param>
    /// <param name="bodyLength">Content-Length.</param>
    /// <param name="host">The Host header value (trimmed).</param>
    public static RpcFastLaneMatch Match(
        ReadOnlySpan<byte> data,
        ReadOnlySpan<byte> path,
        bool requireJsonContentType,
        out int headLength,
        out int bodyLength,
        out ReadOnlySpan<byte> host)
    {
        headLength = 0;
        bodyLength = 0;
        host = default;

        int lineEnd = data.IndexOf((byte)'\n');
        if (lineEnd < 0)
        {
            return data.Length > MaxHeadLength || !IsPrefixOfRequestLine(data, path) ? RpcFastLaneMatch.Decline : RpcFastLaneMatch.Incomplete;
        }

        if (!IsRequestLine(data[..(lineEnd + 1)], path))
        {
            return RpcFastLaneMatch.Decline;
        }

        int at = lineEnd + 1;
        int headers = 0;
        bool sawHost = false;
        bool sawLength = false;
        bool sawType = false;
        bool sawConnection = false;
        bool jsonType = false;
        while (true)
        {
            if (at > MaxHeadLength)
            {
                return RpcFastLaneMatch.Decline;
            }

            ReadOnlySpan<byte> rest = data[at..];
            int end = rest.IndexOf((byte)'\n');
            if (end < 0)
            {
                return data.Length > MaxHeadLength ? RpcFastLaneMatch.Decline : RpcFastLaneMatch.Incomplete;
            }

            // Every line must end in CRLF; a bare LF or a CR inside a line is left to Kestrel's own parser.
            if (end == 0 || rest[end - 1] != (byte)'\r')
            {
                return RpcFastLaneMatch.Decline;
            }

            ReadOnlySpan<byte> line = rest[..(end - 1)];
            at += end + 1;
            if (line.IsEmpty)
            {
                break;
            }

            if (++headers > MaxHeaderCount || !TrySplitHeader(line, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value))
            {
                return RpcFastLaneMatch.Decline;
            }

            switch (Classify(name))
            {
                case Header.Host:
                    if (sawHost || !IsSimpleHost(value))
                    {
                        return RpcFastLaneMatch.Decline;
                    }

                    sawHost = true;
                    host = value;
                    break;
                case Header.ContentLength:
                    if (sawLength || !TryParseLength(value, out bodyLength))
                    {
                        return RpcFastLaneMatch.Decline;
                    }

                    sawLength = true;
                    break;
                case Header.ContentType:
                    if (sawType)
                    {
                        return RpcFastLaneMatch.Decline;
                    }

                    sawType = true;
                    jsonType = IsJsonContentType(value);
                    break;
                case Header.Connection:
                    // HTTP/1.1 keeps the connection alive by default, so "keep-alive" changes nothing in Kestrel's answer.
                    if (sawConnection || !Ascii.EqualsIgnoreCase(value, "keep-alive"u8))
                    {
                        return RpcFastLaneMatch.Decline;
                    }

                    sawConnection = true;
                    break;
                case Header.ChangesTheAnswer:
                    return RpcFastLaneMatch.Decline;
            }
        }

        if (!sawHost || !sawLength || bodyLength == 0 || (requireJsonContentType && !jsonType))
        {
            return RpcFastLaneMatch.Decline;
        }

        headLength = at;
        return data.Length - at >= bodyLength ? RpcFastLaneMatch.Fast : RpcFastLaneMatch.Incomplete;
    }

    /// <summary>The media types <see cref="RpcHttpHandler"/> accepts, on bytes.</summary>
    public static bool IsJsonContentType(ReadOnlySpan<byte> value)
    {
        int semicolon = value.IndexOf((byte)';');
        ReadOnlySpan<byte> mediaType = (semicolon >= 0 ? value[..semicolon] : value).Trim(" \t"u8);
        return Ascii.EqualsIgnoreCase(mediaType, "application/json"u8)
            || Ascii.EqualsIgnoreCase(mediaType, "application/json-rpc"u8)
            || Ascii.EqualsIgnoreCase(mediaType, "application/jsonrequest"u8);
    }

    private static bool IsRequestLine(ReadOnlySpan<byte> line, ReadOnlySpan<byte> path)
    {
        ReadOnlySpan<byte> method = "POST "u8;
        ReadOnlySpan<byte> version = " HTTP/1.1\r\n"u8;
        return line.Length == method.Length + path.Length + version.Length
            && line.StartsWith(method)
            && line[method.Length..].StartsWith(path)
            && line.EndsWith(version);
    }

    /// <summary>Whether a partial first line could still become the lane's request line (otherwise decline at once).</summary>
    private static bool IsPrefixOfRequestLine(ReadOnlySpan<byte> data, ReadOnlySpan<byte> path)
    {
        ReadOnlySpan<byte> method = "POST "u8;
        int n = Math.Min(data.Length, method.Length);
        if (!data[..n].SequenceEqual(method[..n]))
        {
            return false;
        }

        ReadOnlySpan<byte> target = data[n..];
        int m = Math.Min(target.Length, path.Length);
        return target[..m].SequenceEqual(path[..m]);
    }

    private static bool TrySplitHeader(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        int colon = line.IndexOf((byte)':');
        name = colon > 0 ? line[..colon] : default;
        if (name.IsEmpty || name.IndexOfAnyExcept(s_tokenChars) >= 0)
        {
            return false;
        }

        ReadOnlySpan<byte> raw = line[(colon + 1)..];
        // Visible ASCII, space and tab only: obs-text, controls and obs-fold are Kestrel's to judge.
        if (raw.IndexOfAnyExcept(s_valueChars) >= 0)
        {
            return false;
        }

        value = raw.Trim(" \t"u8);
        return true;
    }

    private static Header Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        4 when Ascii.EqualsIgnoreCase(name, "Host"u8) => Header.Host,
        14 when Ascii.EqualsIgnoreCase(name, "Content-Length"u8) => Header.ContentLength,
        12 when Ascii.EqualsIgnoreCase(name, "Content-Type"u8) => Header.ContentType,
        10 when Ascii.EqualsIgnoreCase(name, "Connection"u8) => Header.Connection,
        17 when Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8) => Header.ChangesTheAnswer,
        6 when Ascii.EqualsIgnoreCase(name, "Expect"u8) || Ascii.EqualsIgnoreCase(name, "Origin"u8) => Header.ChangesTheAnswer,
        7 when Ascii.EqualsIgnoreCase(name, "Upgrade"u8) => Header.ChangesTheAnswer,
        _ => Header.Other,
    };

    private static bool IsSimpleHost(ReadOnlySpan<byte> value) =>
        value.Length is > 0 and <= MaxHostLength && value.IndexOfAnyExcept(s_hostChars) < 0;

    private static bool TryParseLength(ReadOnlySpan<byte> value, out int length)
    {
        length = 0;
        // Digits only (no sign, no list): anything odd is Kestrel's 400 to give.
        return value.Length is > 0 and <= 5
            && value.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            && Utf8Parser.TryParse(value, out length, out int consumed)
            && consumed == value.Length
            && length <= MaxBodyLength;
    }

    private static SearchValues<byte> CreateValueChars()
    {
        var chars = new byte[0x7E - 0x20 + 2];
        for (int i = 0; i < chars.Length - 1; i++)
        {
            chars[i] = (byte)(0x20 + i);
        }

        chars[^1] = (byte)'\t';
        return SearchValues.Create(chars);
    }

    private enum Header
    {
        Other,
        Host,
        ContentLength,
        ContentType,
        Connection,
        ChangesTheAnswer,
    }
}
