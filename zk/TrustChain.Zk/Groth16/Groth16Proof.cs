using System.Text.Json;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Zk.Groth16;

/// <summary>A Groth16 proof (A ∈ G1, B ∈ G2, C ∈ G1) with snarkjs's proof.json codec.</summary>
public sealed class Groth16Proof : IEquatable<Groth16Proof>
{
    public Groth16Proof(in G1Affine a, in G2Affine b, in G1Affine c)
    {
        A = a;
        B = b;
        C = c;
    }

    public G1Affine A { get; }

    public G2Affine B { get; }

    public G1Affine C { get; }

    /// <summary>Parses snarkjs proof.json with full point validation (coordinates &lt; q, on curve, B in the subgroup).</summary>
    /// <exception cref="ZkFormatException">Malformed JSON or an invalid point; the message names the field.</exception>
    public static Groth16Proof FromJson(string json)
    {
        using JsonDocument doc = SnarkjsJson.Parse(json, "proof");
        return FromJson(doc.RootElement);
    }

    public static Groth16Proof FromJson(JsonElement root)
    {
        const string what = "proof";
        if (root.TryGetProperty("protocol", out _))
        {
            SnarkjsJson.ExpectString(root, "protocol", "groth16", what);
        }

        if (root.TryGetProperty("curve", out _))
        {
            SnarkjsJson.ExpectString(root, "curve", "bn128", what);
        }

        return new Groth16Proof(
            SnarkjsJson.ReadG1(SnarkjsJson.Property(root, "pi_a", what), "proof.pi_a"),
            SnarkjsJson.ReadG2(SnarkjsJson.Property(root, "pi_b", what), "proof.pi_b"),
            SnarkjsJson.ReadG1(SnarkjsJson.Property(root, "pi_c", what), "proof.pi_c"));
    }

    /// <summary>Writes proof.json in snarkjs's layout (field order, one-space indent).</summary>
    public string ToJson() => SnarkjsJson.Write(WriteTo);

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("pi_a");
        SnarkjsJson.WriteG1(writer, A);
        writer.WritePropertyName("pi_b");
        SnarkjsJson.WriteG2(writer, B);
        writer.WritePropertyName("pi_c");
        SnarkjsJson.WriteG1(writer, C);
        writer.WriteString("protocol", "groth16");
        writer.WriteString("curve", "bn128");
        writer.WriteEndObject();
    }

    public bool Equals(Groth16Proof? other) => other is not null && A == other.A && B == other.B && C == other.C;

    public override bool Equals(object? obj) => Equals(obj as Groth16Proof);

    public override int GetHashCode() => HashCode.Combine(A, B, C);
}
