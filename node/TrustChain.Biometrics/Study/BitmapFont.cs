using System.Globalization;

namespace TrustChain.Biometrics.Study;

/// <summary>A 5×7 pixel font (upper case, digits, a little punctuation); each glyph is 7 rows of 5 bits, MSB left.</summary>
public static class BitmapFont
{
    public const int GlyphWidth = 5;
    public const int GlyphHeight = 7;
    public const int Advance = 6;

    // Each entry: the character, then 7 rows as two hex digits each.
    private static readonly string[] GlyphTable =
    [
        "A0E11111F111111", "B1E11111E11111E", "C0E11101010110E", "D1C12111111121C", "E1F10101E10101F",
        "F1F10101E101010", "G0E11101711110F", "H1111111F111111", "I0E04040404040E", "J0702020202120C",
        "K11121418141211", "L1010101010101F", "M111B1515111111", "N11111915131111", "O0E11111111110E",
        "P1E11111E101010", "Q0E11111115120D", "R1E11111E141211", "S0F10100E01011E", "T1F040404040404",
        "U1111111111110E", "V11111111110A04", "W1111111515150A", "X11110A040A1111", "Y1111110A040404",
        "Z1F01020408101F", "00E11131519110E", "1040C040404040E", "20E11010204081F", "31F02040201110E",
        "402060A121F0202", "51F101E0101110E", "60608101E11110E", "71F010204080808", "80E11110E11110E",
        "90E11110F01020C", " 00000000000000", "-0000001F000000", ".00000000000C0C", ",000000000C0408",
        "=00001F001F0000", "(02040808080402", ")08040202020408", "/00010204081000", ":000C0C000C0C00",
        "%18190204081303", "^040A1100000000", "<02040810080402", ">08040201020408", "+0004041F040400",
        "_0000000000001F",
    ];

    private static readonly Dictionary<char, byte[]> Glyphs = Build();

    public static int MeasureWidth(string text, int scale = 1) => text.Length * Advance * scale;

    public static int Draw(RgbCanvas canvas, int x, int y, string text, Rgb color, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(text);
        int cursor = x;
        foreach (char raw in text)
        {
            char c = char.ToUpperInvariant(raw);
            // Characters outside the font advance like a space.
            if (!Glyphs.TryGetValue(c, out byte[]? rows))
            {
                cursor += Advance * scale;
                continue;
            }

            for (int row = 0; row < GlyphHeight; row++)
            {
                for (int col = 0; col < GlyphWidth; col++)
                {
                    if ((rows[row] & (0x10 >> col)) != 0)
                    {
                        canvas.FillRect(cursor + col * scale, y + row * scale, scale, scale, color);
                    }
                }
            }

            cursor += Advance * scale;
        }

        return cursor - x;
    }

    private static Dictionary<char, byte[]> Build()
    {
        var glyphs = new Dictionary<char, byte[]>(GlyphTable.Length);
        foreach (string entry in GlyphTable)
        {
            if (entry.Length != 15)
            {
                throw new InvalidOperationException($"Malformed glyph entry '{entry}'.");
            }

            byte[] rows = new byte[GlyphHeight];
            for (int r = 0; r < GlyphHeight; r++)
            {
                rows[r] = byte.Parse(entry.AsSpan(1 + 2 * r, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }

            glyphs[entry[0]] = rows;
        }

        return glyphs;
    }
}
