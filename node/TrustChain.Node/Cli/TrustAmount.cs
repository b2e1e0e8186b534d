using System.Globalization;
using TrustChain.Core;
using TrustChain.Node.Config;

namespace TrustChain.Node.Cli;

/// <summary>TRUST amounts as people type them ("1000", "0.5"), converted to wei (18 decimals) without floating point.</summary>
public static class TrustAmount
{
    public const int Decimals = 18;

    /// <exception cref="ConfigException">Not a non-negative decimal with at most 18 fractional digits.</exception>
    public static UInt256 ToWei(string option, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split('.');
        bool wellFormed = parts.Length is 1 or 2
            && parts[0].Length > 0 && parts[0].All(char.IsAsciiDigit)
            && (parts.Length == 1 || (parts[1].Length is > 0 and <= Decimals && parts[1].All(char.IsAsciiDigit)));
        if (!wellFormed || !UInt256.TryParse(parts[0], out UInt256 whole))
        {
            throw new ConfigException($"{option} must be an amount of TRUST like 1000 or 0.25 (at most {Decimals} decimals), got \"{text}\".");
        }

        UInt256 fraction = parts.Length == 2 ? UInt256.Parse(parts[1].PadRight(Decimals, '0')) : UInt256.Zero;
        UInt256 scale = UInt256.Parse("1" + new string('0', Decimals));
        if (UInt256.MultiplyOverflow(whole, scale, out UInt256 wei) || UInt256.AddOverflow(wei, fraction, out wei))
        {
            throw new ConfigException($"{option} is too large: {text}");
        }

        return wei;
    }

    /// <summary>Wei as TRUST with the fraction trimmed ("1000", "0.01").</summary>
    public static string Format(in UInt256 wei)
    {
        string digits = wei.ToString().PadLeft(Decimals + 1, '0');
        string whole = digits[..^Decimals];
        string fraction = digits[^Decimals..].TrimEnd('0');
        return fraction.Length == 0 ? whole : string.Create(CultureInfo.InvariantCulture, $"{whole}.{fraction}");
    }
}
