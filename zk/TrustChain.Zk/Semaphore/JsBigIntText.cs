using System.Globalization;
using System.Numerics;

namespace TrustChain.Zk.Semaphore;

/// <summary>
/// Parses text the way JavaScript's BigInt(string) does (the test zk-kit and ethers apply before falling back
/// to treating a string as UTF-8 text): surrounding whitespace is ignored, the empty string is 0, 0x/0o/0b
/// prefixes select the radix, and decimal text may carry a sign. Negative results are reported as such.
/// </summary>
internal static class JsBigIntText
{
    public static bool TryParse(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        string s = text.Trim();
        if (s.Length == 0)
        {
            return true;
        }

        if (s.Length > 2 && s[0] == '0' && char.ToLowerInvariant(s[1]) is 'x' or 'o' or 'b')
        {
            int radix = char.ToLowerInvariant(s[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            foreach (char c in s.AsSpan(2))
            {
                int digit = HexDigit(c);
                if (digit < 0 || digit >= radix)
                {
                    return false;
                }

                value = value * radix + digit;
            }

            return true;
        }

        int start = s[0] is '+' or '-' ? 1 : 0;
        if (start == s.Length)
        {
            return false;
        }

        for (int i = start; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        value = BigInteger.Parse(s.AsSpan(start), NumberStyles.None, CultureInfo.InvariantCulture);
        if (s[0] == '-')
        {
            value = -value;
        }

        return true;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
