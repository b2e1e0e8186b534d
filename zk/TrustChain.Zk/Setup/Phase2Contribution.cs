using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Setup;

/// <summary>
/// One phase-2 contribution as snarkjs records it in .zkey section 10: δ·G1 after the contribution, the proof of
/// knowledge of the contributed δ factor (s·G1, x·s·G1 and x·sp·G2 with sp = hashToG2(transcript)), the transcript
/// hash, the type (0 = contribution, 1 = beacon) and an optional name.
/// </summary>
public sealed record Phase2Contribution(
    G1Affine DeltaAfter,
    G1Affine G1S,
    G1Affine G1Sx,
    G2Affine G2Spx,
    byte[] Transcript,
    uint Type,
    string? Name)
{
    /// <summary>snarkjs's contribution hash: Blake2b-512 over the public key and transcript.</summary>
    public byte[] ContributionHash()
    {
        Blake2b512 h = new();
        HashPublicKey(h);
        return h.Digest();
    }

    internal void HashPublicKey(Blake2b512 h)
    {
        h.Update(PointEncoding.G1Uncompressed(DeltaAfter, true));
        h.Update(PointEncoding.G1Uncompressed(G1S, true));
        h.Update(PointEncoding.G1Uncompressed(G1Sx, true));
        h.Update(PointEncoding.G2Uncompressed(G2Spx, true));
        h.Update(Transcript);
    }
}
