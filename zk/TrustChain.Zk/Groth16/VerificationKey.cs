using System.Text.Json;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Zk.Groth16;

/// <summary>
/// A Groth16 verification key over BN254 with snarkjs's verification_key.json codec. Immutable; the pairing data
/// derived from it (e(α, β) Miller value, prepared γ and δ) is computed on first use and cached on the instance.
/// </summary>
public sealed class VerificationKey
{
    private PreparedVerificationKey? _prepared;

    /// <exception cref="ArgumentException">IC is empty.</exception>
    public VerificationKey(in G1Affine alpha, in G2Affine beta, in G2Affine gamma, in G2Affine delta, IReadOnlyList<G1Affine> ic)
    {
        ArgumentNullException.ThrowIfNull(ic);
        if (ic.Count == 0)
        {
            throw new ArgumentException("IC needs at least one point (IC0).", nameof(ic));
        }

        Alpha = alpha;
        Beta = beta;
        Gamma = gamma;
        Delta = delta;
        Ic = [.. ic];
    }

    public G1Affine Alpha { get; }

    public G2Affine Beta { get; }

    public G2Affine Gamma { get; }

    public G2Affine Delta { get; }

    /// <summary>IC0 … IC_nPublic.</summary>
    public IReadOnlyList<G1Affine> Ic { get; }

    public int PublicInputCount => Ic.Count - 1;

    internal PreparedVerificationKey Prepared => _prepared ??= new PreparedVerificationKey(this);

    /// <summary>Parses verification_key.json with strict validation (protocol, curve, nPublic = |IC| − 1, every point valid).</summary>
    /// <exception cref="ZkFormatException">The message names the offending field.</exception>
    public static VerificationKey FromJson(string json)
    {
        using JsonDocument doc = SnarkjsJson.Parse(json, "verification key");
        return FromJson(doc.RootElement);
    }

    public static VerificationKey FromJson(JsonElement root)
    {
        const string what = "verification key";
        SnarkjsJson.ExpectString(root, "protocol", "groth16", what);
        SnarkjsJson.ExpectString(root, "curve", "bn128", what);
        int nPublic = ReadNPublic(root);
        JsonElement icJson = SnarkjsJson.Array(SnarkjsJson.Property(root, "IC", what), nPublic + 1, "verification key IC (nPublic + 1 points)");
        return FromParts(root, SnarkjsJson.ReadG2(SnarkjsJson.Property(root, "vk_delta_2", what), "vk_delta_2"), icJson);
    }

    internal static int ReadNPublic(JsonElement root)
    {
        JsonElement n = SnarkjsJson.Property(root, "nPublic", "verification key");
        if (n.ValueKind != JsonValueKind.Number || !n.TryGetInt32(out int nPublic) || nPublic < 0 || nPublic > 1 << 24)
        {
            throw new ZkFormatException($"verification key nPublic must be a non-negative integer, got {n.GetRawText()}.");
        }

        return nPublic;
    }

    /// <summary>Shared by the Semaphore bundle, which stores α, β, γ once and δ, IC per depth.</summary>
    internal static VerificationKey FromParts(JsonElement root, in G2Affine delta, JsonElement icJson)
    {
        const string what = "verification key";
        G1Affine alpha = SnarkjsJson.ReadG1(SnarkjsJson.Property(root, "vk_alpha_1", what), "vk_alpha_1");
        G2Affine beta = SnarkjsJson.ReadG2(SnarkjsJson.Property(root, "vk_beta_2", what), "vk_beta_2");
        G2Affine gamma = SnarkjsJson.ReadG2(SnarkjsJson.Property(root, "vk_gamma_2", what), "vk_gamma_2");
        G1Affine[] ic = new G1Affine[icJson.GetArrayLength()];
        for (int i = 0; i < ic.Length; i++)
        {
            ic[i] = SnarkjsJson.ReadG1(icJson[i], $"IC[{i}]");
        }

        if (ic.Length == 0)
        {
            throw new ZkFormatException("verification key IC is empty.");
        }

        return new VerificationKey(alpha, beta, gamma, delta, ic);
    }

    /// <summary>Writes verification_key.json exactly as <c>snarkjs zkey export verificationkey</c> does, including vk_alphabeta_12.</summary>
    public string ToJson() => SnarkjsJson.Write(WriteTo);

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("protocol", "groth16");
        writer.WriteString("curve", "bn128");
        writer.WriteNumber("nPublic", PublicInputCount);
        writer.WritePropertyName("vk_alpha_1");
        SnarkjsJson.WriteG1(writer, Alpha);
        writer.WritePropertyName("vk_beta_2");
        SnarkjsJson.WriteG2(writer, Beta);
        writer.WritePropertyName("vk_gamma_2");
        SnarkjsJson.WriteG2(writer, Gamma);
        writer.WritePropertyName("vk_delta_2");
        SnarkjsJson.WriteG2(writer, Delta);
        writer.WritePropertyName("vk_alphabeta_12");
        // Pairing.Pair uses the same final exponentiation as ffjavascript, so this is snarkjs's vk_alphabeta_12.
        WriteFq12(writer, Pairing.Pair(Alpha, Beta));
        writer.WritePropertyName("IC");
        writer.WriteStartArray();
        foreach (G1Affine p in Ic)
        {
            SnarkjsJson.WriteG1(writer, p);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public bool ContentEquals(VerificationKey other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Alpha == other.Alpha && Beta == other.Beta && Gamma == other.Gamma && Delta == other.Delta && Ic.SequenceEqual(other.Ic);
    }

    private static void WriteFq12(Utf8JsonWriter writer, in Fq12 v)
    {
        writer.WriteStartArray();
        WriteFq6(writer, v.C0);
        WriteFq6(writer, v.C1);
        writer.WriteEndArray();
    }

    private static void WriteFq6(Utf8JsonWriter writer, in Fq6 v)
    {
        writer.WriteStartArray();
        SnarkjsJson.WriteFq2(writer, v.C0);
        SnarkjsJson.WriteFq2(writer, v.C1);
        SnarkjsJson.WriteFq2(writer, v.C2);
        writer.WriteEndArray();
    }
}
