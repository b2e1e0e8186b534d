using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Snarkjs;

/// <summary>
/// Codec for the values snarkjs writes in its JSON files: decimal strings for field elements, G1 as [x, y, z] and G2 as
/// [[x.c0, x.c1], [y.c0, y.c1], [z.c0, z.c1]] with z = 1 for affine points and the projective (0, 1, 0) for infinity.
/// </summary>
public static class SnarkjsJson
{
    /// <summary>Same layout as snarkjs's <c>JSON.stringify(value, null, 1)</c>: one-space indent, "\n" line breaks.</summary>
    internal static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        IndentCharacter = ' ',
        IndentSize = 1,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static string Write(Action<Utf8JsonWriter> body)
    {
        using MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream, WriterOptions))
        {
            body(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static JsonDocument Parse(string json, string what)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ZkFormatException($"{what} is not valid JSON: {e.Message}", e);
        }
    }

    internal static JsonElement Property(JsonElement obj, string name, string what)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new ZkFormatException($"{what} must be a JSON object.");
        }

        return obj.TryGetProperty(name, out JsonElement value) ? value : throw new ZkFormatException($"{what} has no '{name}' field.");
    }

    internal static void ExpectString(JsonElement obj, string name, string expected, string what)
    {
        JsonElement value = Property(obj, name, what);
        if (value.ValueKind != JsonValueKind.String || value.GetString() != expected)
        {
            throw new ZkFormatException($"{what}.{name} must be \"{expected}\", got {value.GetRawText()}.");
        }
    }

    internal static JsonElement Array(JsonElement value, int length, string what)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ZkFormatException($"{what} must be a JSON array.");
        }

        if (length >= 0 && value.GetArrayLength() != length)
        {
            throw new ZkFormatException($"{what} must have {length} entries, got {value.GetArrayLength()}.");
        }

        return value;
    }

    /// <summary>A non-negative decimal integer given as a JSON string (or a plain JSON number, which snarkjs also accepts).</summary>
    internal static BigInteger Integer(JsonElement value, string what)
    {
        string? text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (string.IsNullOrEmpty(text) || text.Length > 100)
        {
            throw new ZkFormatException($"{what} must be a decimal string, got {value.GetRawText()}.");
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                throw new ZkFormatException($"{what} must be a decimal string, got {value.GetRawText()}.");
            }
        }

        return BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    internal static Fq ReadFq(JsonElement value, string what)
    {
        BigInteger v = Integer(value, what);
        return v < Fq.Modulus ? Fq.FromBigInteger(v) : throw new ZkFormatException($"{what} is not below the base field modulus q.");
    }

    public static Fr ReadFr(JsonElement value, string what)
    {
        BigInteger v = Integer(value, what);
        return v < Fr.Modulus ? Fr.FromBigInteger(v) : throw new ZkFormatException($"{what} is not below the scalar field modulus r.");
    }

    /// <summary>
    /// Reads [x, y, z] or the affine pair [x, y] (as @zk-kit's unpackGroth16Proof emits); z must be 1 or the triple must
    /// be snarkjs's infinity (0, 1, 0). Checks the curve equation.
    /// </summary>
    public static G1Affine ReadG1(JsonElement value, string what)
    {
        int length = AffineOrProjective(value, what);
        Fq x = ReadFq(value[0], what + "[0]");
        Fq y = ReadFq(value[1], what + "[1]");
        Fq z = length == 3 ? ReadFq(value[2], what + "[2]") : Fq.One;
        if (z.IsZero)
        {
            if (x.IsZero && y.IsOne)
            {
                return G1Affine.Infinity;
            }

            throw new ZkFormatException($"{what} has z = 0 but is not the point at infinity [0, 1, 0].");
        }

        if (!z.IsOne)
        {
            throw new ZkFormatException($"{what} must be affine (z = 1).");
        }

        G1Affine point = new(x, y);
        return point.IsOnCurve ? point : throw new ZkFormatException($"{what} is not on the BN254 G1 curve.");
    }

    /// <summary>
    /// Reads [[x.c0, x.c1], [y.c0, y.c1], [z.c0, z.c1]] (or without z); checks the twist equation and membership of
    /// the order-r subgroup.
    /// </summary>
    public static G2Affine ReadG2(JsonElement value, string what)
    {
        int length = AffineOrProjective(value, what);
        Fq2 x = ReadFq2(value[0], what + "[0]");
        Fq2 y = ReadFq2(value[1], what + "[1]");
        Fq2 z = length == 3 ? ReadFq2(value[2], what + "[2]") : Fq2.One;
        if (z.IsZero)
        {
            if (x.IsZero && y.IsOne)
            {
                return G2Affine.Infinity;
            }

            throw new ZkFormatException($"{what} has z = 0 but is not the point at infinity [[0, 0], [1, 0], [0, 0]].");
        }

        if (!z.IsOne)
        {
            throw new ZkFormatException($"{what} must be affine (z = [1, 0]).");
        }

        G2Affine point = new(x, y);
        if (!point.IsOnCurve)
        {
            throw new ZkFormatException($"{what} is not on the BN254 G2 twist curve.");
        }

        return point.IsInSubgroup ? point : throw new ZkFormatException($"{what} is not in the order-r subgroup of G2.");
    }

    private static int AffineOrProjective(JsonElement value, string what)
    {
        Array(value, -1, what);
        int length = value.GetArrayLength();
        return length is 2 or 3 ? length : throw new ZkFormatException($"{what} must have 2 or 3 coordinates, got {length}.");
    }

    private static Fq2 ReadFq2(JsonElement value, string what)
    {
        Array(value, 2, what);
        return new Fq2(ReadFq(value[0], what + "[0]"), ReadFq(value[1], what + "[1]"));
    }

    internal static void WriteG1(Utf8JsonWriter writer, in G1Affine p)
    {
        writer.WriteStartArray();
        if (p.IsInfinity)
        {
            writer.WriteStringValue("0");
            writer.WriteStringValue("1");
            writer.WriteStringValue("0");
        }
        else
        {
            writer.WriteStringValue(p.X.ToString());
            writer.WriteStringValue(p.Y.ToString());
            writer.WriteStringValue("1");
        }

        writer.WriteEndArray();
    }

    internal static void WriteG2(Utf8JsonWriter writer, in G2Affine p)
    {
        writer.WriteStartArray();
        if (p.IsInfinity)
        {
            WriteFq2(writer, Fq2.Zero);
            WriteFq2(writer, Fq2.One);
            WriteFq2(writer, Fq2.Zero);
        }
        else
        {
            WriteFq2(writer, p.X);
            WriteFq2(writer, p.Y);
            WriteFq2(writer, Fq2.One);
        }

        writer.WriteEndArray();
    }

    internal static void WriteFq2(Utf8JsonWriter writer, in Fq2 v)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(v.C0.ToString());
        writer.WriteStringValue(v.C1.ToString());
        writer.WriteEndArray();
    }
}
