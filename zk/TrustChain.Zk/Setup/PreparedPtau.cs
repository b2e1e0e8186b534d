using System.Numerics;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Zk.Setup;

/// <summary>
/// What phase 2 needs from a snarkjs Powers-of-Tau file prepared with <c>powersoftau prepare phase2</c>: α·G1, β·G1,
/// β·G2, the τ^i·G1 powers (for the circuit hash) and the Lagrange-basis sections 12–15 for one domain size.
/// </summary>
public sealed class PreparedPtau
{
    private PreparedPtau()
    {
    }

    public int Power { get; private init; }

    public int DomainSize { get; private init; }

    public G1Affine Alpha1 { get; private init; }

    public G1Affine Beta1 { get; private init; }

    public G2Affine Beta2 { get; private init; }

    /// <summary>τ^i·G1 for i &lt; 2·DomainSize (fewer when the ceremony is smaller).</summary>
    public G1Affine[] TauG1 { get; private init; } = [];

    /// <summary>L_i(τ)·G1 over the domain of size DomainSize.</summary>
    public G1Affine[] LagrangeG1 { get; private init; } = [];

    public G2Affine[] LagrangeG2 { get; private init; } = [];

    public G1Affine[] LagrangeAlphaG1 { get; private init; } = [];

    public G1Affine[] LagrangeBetaG1 { get; private init; } = [];

    /// <summary>L_i(τ)·G1 over the domain of size 2·DomainSize (the odd ones are the H query).</summary>
    public G1Affine[] LagrangeG1Double { get; private init; } = [];

    /// <exception cref="ZkFormatException">Not a prepared BN254 .ptau, or too small for the domain.</exception>
    public static PreparedPtau Read(byte[] data, int domainSize)
    {
        if (!BitOperations.IsPow2(domainSize))
        {
            throw new ArgumentOutOfRangeException(nameof(domainSize), domainSize, "The domain size must be a power of two.");
        }

        BinFile file = BinFile.Parse(data, "ptau", 1);
        BinSectionReader h = file.Section(1, "header");
        h.ExpectPrime((int)h.ReadUInt32(), Fq.Modulus, "base field");
        int power = (int)h.ReadUInt32();
        h.ReadUInt32();
        if (power < 1 || power > Bn254Parameters.FrTwoAdicity - 1)
        {
            throw h.Error($"power {power} is out of range");
        }

        int cirPower = BitOperations.Log2((uint)domainSize);
        if (cirPower > power)
        {
            throw new ZkFormatException($"The circuit needs a domain of 2^{cirPower} but the Powers of Tau has power {power}.");
        }

        if (!file.HasSection(12))
        {
            throw new ZkFormatException("The Powers of Tau file is not prepared for phase 2 (no Lagrange sections 12-15): run snarkjs powersoftau prepare phase2.");
        }

        int n = domainSize;
        int tauCount = Math.Min(2 * n, 2 * (1 << power) - 1);
        return new PreparedPtau
        {
            Power = power,
            DomainSize = n,
            Alpha1 = ReadG1(file, 4, "alphaTauG1", 0, 1)[0],
            Beta1 = ReadG1(file, 5, "betaTauG1", 0, 1)[0],
            Beta2 = ReadG2(file, 6, "betaG2", 0, 1)[0],
            TauG1 = ReadG1(file, 2, "tauG1", 0, tauCount),
            LagrangeG1 = ReadG1(file, 12, "Lagrange tauG1", n - 1, n),
            LagrangeG2 = ReadG2(file, 13, "Lagrange tauG2", n - 1, n),
            LagrangeAlphaG1 = ReadG1(file, 14, "Lagrange alphaTauG1", n - 1, n),
            LagrangeBetaG1 = ReadG1(file, 15, "Lagrange betaTauG1", n - 1, n),
            LagrangeG1Double = ReadG1(file, 12, "Lagrange tauG1", 2 * n - 1, 2 * n),
        };
    }

    private static G1Affine[] ReadG1(BinFile file, uint id, string name, int skip, int count)
    {
        BinSectionReader s = file.Section(id, name);
        if ((long)(skip + count) * PointEncoding.G1Size > s.Length)
        {
            throw s.Error($"holds {s.Length / PointEncoding.G1Size} points, {skip + count} needed");
        }

        s.ReadBytes(skip * PointEncoding.G1Size);
        G1Affine[] points = new G1Affine[count];
        for (int i = 0; i < count; i++)
        {
            points[i] = s.ReadG1Montgomery($"point {skip + i}", true);
        }

        return points;
    }

    private static G2Affine[] ReadG2(BinFile file, uint id, string name, int skip, int count)
    {
        BinSectionReader s = file.Section(id, name);
        if ((long)(skip + count) * PointEncoding.G2Size > s.Length)
        {
            throw s.Error($"holds {s.Length / PointEncoding.G2Size} points, {skip + count} needed");
        }

        s.ReadBytes(skip * PointEncoding.G2Size);
        G2Affine[] points = new G2Affine[count];
        for (int i = 0; i < count; i++)
        {
            points[i] = s.ReadG2Montgomery($"point {skip + i}", true, false);
        }

        return points;
    }
}
