using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Snarkjs;

/// <summary>
/// A snarkjs Powers-of-Tau file (.ptau, BN254): section 1 header (n8, q, power, ceremonyPower), 2 τ^i·G1
/// (2·2^power − 1 points), 3 τ^i·G2, 4 α·τ^i·G1, 5 β·τ^i·G1 (2^power each), 6 β·G2. Points are little-endian
/// Montgomery coordinates. Contribution history (7) and the Lagrange sections of prepared files (12–15) are not read.
/// </summary>
public sealed class PtauFile
{
    private PtauFile()
    {
    }

    public int Power { get; private init; }

    public int CeremonyPower { get; private init; }

    public G1Affine[] TauG1 { get; private init; } = [];

    public G2Affine[] TauG2 { get; private init; } = [];

    public G1Affine[] AlphaTauG1 { get; private init; } = [];

    public G1Affine[] BetaTauG1 { get; private init; } = [];

    public G2Affine BetaG2 { get; private init; }

    /// <summary>True when the file also holds the Lagrange-basis sections written by <c>powersoftau prepare phase2</c>.</summary>
    public bool IsPreparedForPhase2 { get; private init; }

    public static PtauFile ReadFile(string path) => Read(BinFile.ReadAllBytes(path, ".ptau"));

    /// <exception cref="ZkFormatException">Malformed, truncated or inconsistent; the message names the section.</exception>
    public static PtauFile Read(byte[] data)
    {
        BinFile file = BinFile.Parse(data, "ptau", 1);
        BinSectionReader h = file.Section(1, "header");
        h.ExpectPrime((int)h.ReadUInt32(), Fq.Modulus, "base field");
        int power = (int)h.ReadUInt32();
        int ceremonyPower = (int)h.ReadUInt32();
        h.ExpectEnd();
        if (power < 1 || power > Bn254Parameters.FrTwoAdicity || ceremonyPower < power || ceremonyPower > Bn254Parameters.FrTwoAdicity)
        {
            throw h.Error($"power {power} / ceremonyPower {ceremonyPower} are out of range");
        }

        int n = 1 << power;
        return new PtauFile
        {
            Power = power,
            CeremonyPower = ceremonyPower,
            TauG1 = ReadG1(file, 2, "tauG1", 2 * n - 1),
            TauG2 = ReadG2(file, 3, "tauG2", n),
            AlphaTauG1 = ReadG1(file, 4, "alphaTauG1", n),
            BetaTauG1 = ReadG1(file, 5, "betaTauG1", n),
            BetaG2 = ReadG2(file, 6, "betaG2", 1)[0],
            IsPreparedForPhase2 = file.HasSection(12),
        };
    }

    private static G1Affine[] ReadG1(BinFile file, uint id, string name, int count)
    {
        BinSectionReader s = file.Section(id, name);
        if (s.Length != (long)count * 64)
        {
            throw s.Error($"holds {s.Length} bytes, expected {count} G1 points");
        }

        G1Affine[] points = new G1Affine[count];
        for (int i = 0; i < count; i++)
        {
            points[i] = s.ReadG1Montgomery($"point {i}", true);
        }

        return points;
    }

    private static G2Affine[] ReadG2(BinFile file, uint id, string name, int count)
    {
        BinSectionReader s = file.Section(id, name);
        if (s.Length != (long)count * 128)
        {
            throw s.Error($"holds {s.Length} bytes, expected {count} G2 points");
        }

        G2Affine[] points = new G2Affine[count];
        for (int i = 0; i < count; i++)
        {
            // The first point (τ^0 = 1) and β·G2 are cheap to check fully; the rest only feed setup MSMs.
            points[i] = s.ReadG2Montgomery($"point {i}", true, i == 0);
        }

        return points;
    }
}
