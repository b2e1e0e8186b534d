using TrustChain.Core;
using TrustChain.Node.Config;

namespace TrustChain.Node.ModelHost;

/// <summary>Parses the registry commands' option values; a bad value is a <see cref="ConfigException"/> naming the option.</summary>
public static class CliValues
{
    public static Uri Url(string option, string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ConfigException($"{option} must be an http(s) URL, got \"{text}\".");
        }

        return uri;
    }

    public static Address Address(string option, string text) =>
        Core.Address.TryParse(text, out Address address) && text.Length == 42
            ? address
            : throw new ConfigException($"{option} must be a 0x-prefixed 20-byte address, got \"{text}\".");

    public static Hash256 Word(string option, string text) =>
        text.Length == 66 && Hash256.TryParse(text, out Hash256 word)
            ? word
            : throw new ConfigException($"{option} must be a 0x-prefixed 32-byte hex word, got \"{text}\".");

    public static UInt256 Wei(string option, string text) =>
        UInt256.TryParse(text, out UInt256 wei)
            ? wei
            : throw new ConfigException($"{option} must be a non-negative integer amount of wei (decimal or 0x hex), got \"{text}\".");

    public static byte[] Bytes(string option, string text) =>
        Hex.TryFromHexString(text, out byte[]? bytes) ? bytes : throw new ConfigException($"{option} must be hex bytes, got \"{text}\".");

    public static void Positive(string option, long value)
    {
        if (value <= 0)
        {
            throw new ConfigException($"{option} must be positive, got {value}.");
        }
    }
}
