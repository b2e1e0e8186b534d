using System.Text.Json;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Zk.Groth16;

/// <summary>
/// The official Semaphore v4 verification keys (tree depths 1..32), embedded from @semaphore-protocol/proof's
/// verification-keys.json. That bundle stores α, β, γ once and δ and IC per depth (index depth − 1).
/// </summary>
public static class SemaphoreVerificationKeys
{
    public const int MinDepth = 1;

    public const int MaxDepth = 32;

    private const string ResourceName = "TrustChain.Zk.Groth16.Resources.semaphore-v4-verification-keys.json";

    private static readonly Lazy<byte[]> Bundle = new(LoadBundle);

    private static readonly VerificationKey?[] Cache = new VerificationKey?[MaxDepth + 1];

    /// <exception cref="ArgumentOutOfRangeException">depth is outside 1..32.</exception>
    public static VerificationKey ForDepth(int depth)
    {
        if (depth < MinDepth || depth > MaxDepth)
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, $"Semaphore v4 tree depth must be between {MinDepth} and {MaxDepth}.");
        }

        VerificationKey? cached = Volatile.Read(ref Cache[depth]);
        if (cached is not null)
        {
            return cached;
        }

        using JsonDocument doc = JsonDocument.Parse(Bundle.Value);
        JsonElement root = doc.RootElement;
        const string what = "Semaphore verification keys";
        JsonElement deltas = SnarkjsJson.Array(SnarkjsJson.Property(root, "vk_delta_2", what), MaxDepth, "vk_delta_2");
        JsonElement ics = SnarkjsJson.Array(SnarkjsJson.Property(root, "IC", what), MaxDepth, "IC");
        int nPublic = VerificationKey.ReadNPublic(root);
        G2Affine delta = SnarkjsJson.ReadG2(deltas[depth - 1], $"vk_delta_2[{depth - 1}]");
        JsonElement ic = SnarkjsJson.Array(ics[depth - 1], nPublic + 1, $"IC[{depth - 1}]");
        VerificationKey vk = VerificationKey.FromParts(root, delta, ic);
        Volatile.Write(ref Cache[depth], vk);
        return vk;
    }

    private static byte[] LoadBundle()
    {
        using Stream stream = typeof(SemaphoreVerificationKeys).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the assembly.");
        using MemoryStream copy = new();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
