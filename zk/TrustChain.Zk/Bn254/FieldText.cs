using System.Globalization;
using System.Numerics;

namespace TrustChain.Zk.Bn254;

/// <summary>Text parsing shared by the field types; off the hot path, so BigInteger is fine here.</summary>
internal static class FieldText
{
    public static bool TryParseNonNegative(string? text, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            ReadOnlySpan<char> hex = text.AsSpan(2);
            if (hex.IsEmpty)
            {
                return false;
            }

            foreach (char c in hex)
            {
                if (!char.IsAsciiHexDigit(c))
                {
                    return false;
                }
            }

            // A leading zero keeps the hex parser from reading the top bit as a sign.
            return BigInteger.TryParse("0" + hex.ToString(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
