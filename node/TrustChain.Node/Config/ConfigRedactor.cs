using System.Text.RegularExpressions;

namespace TrustChain.Node.Config;

/// <summary>
/// Hides secrets in values `config show` prints: keys marked secret, anything shaped like a private key (32 bytes of
/// hex) and passwords in URLs (user:password@host).
/// </summary>
public static partial class ConfigRedactor
{
    public const string Redacted = "<redacted>";

    public static string Redact(ConfigKey key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (key.Secret || PrivateKeyShape().IsMatch(value))
        {
            return Redacted;
        }

        return UrlPassword().Replace(value, "$1" + Redacted + "@");
    }

    [GeneratedRegex("(?:^|[^0-9a-fA-F])(?:0x)?[0-9a-fA-F]{64}(?:$|[^0-9a-fA-F])")]
    private static partial Regex PrivateKeyShape();

    [GeneratedRegex("(://[^:/@\\s]+:)[^@/\\s]+@")]
    private static partial Regex UrlPassword();
}
