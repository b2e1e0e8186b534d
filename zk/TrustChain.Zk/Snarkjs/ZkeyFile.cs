using System.Numerics;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Groth16;

namespace TrustChain.Zk.Snarkjs;

/// <summary>
/// A Groth16 proving key in snarkjs's .zkey format. Field elements and coordinates are stored little-endian in
/// Montgomery form; QAP coefficients carry an extra factor R (stored as v·R² mod r). Sections: 1 protocol,
/// 2 Groth16 header + key points, 3 IC, 4 coefficients, 5 A, 6 B1, 7 B2, 8 C, 9 H, 10 contributions (ignored).
/// </summary>
public sealed class ZkeyFile
{
    private const uint Groth16Protocol = 1;

    // Coefficients are stored as v·R² (snarkjs multiplies by R² before writing canonical bytes), so after reading the
    // bytes as Montgomery limbs one more division by R is needed.
    private static readonly Fr RInverse = Fr.FromBigInteger(BigInteger.One << 256).Inverse();

    private VerificationKey? _verificationKey;

    private ZkeyFile()
    {
    }

    public int VariableCount { get; private init; }

    public int PublicCount { get; private init; }

    public int DomainSize { get; private init; }

    public int DomainPower { get; private init; }

    public G1Affine Alpha1 { get; private init; }

    public G1Affine Beta1 { get; private init; }

    public G2Affine Beta2 { get; private init; }

    public G2Affine Gamma2 { get; private init; }

    public G1Affine Delta1 { get; private init; }

    public G2Affine Delta2 { get; private init; }

    public G1Affine[] Ic { get; private init; } = [];

    public ZkeyCoefficient[] Coefficients { get; private init; } = [];

    public G1Affine[] A { get; private init; } = [];

    public G1Affine[] B1 { get; private init; } = [];

    public G2Affine[] B2 { get; private init; } = [];

    /// <summary>C query for the private signals nPublic+1 … nVars−1.</summary>
    public G1Affine[] C { get; private init; } = [];

    public G1Affine[] H { get; private init; } = [];

    /// <summary>The key's verification half (cached, so its prepared pairing data is reused across calls).</summary>
    public VerificationKey VerificationKey => _verificationKey ??= new(Alpha1, Beta2, Gamma2, Delta2, Ic);

    public static ZkeyFile ReadFile(string path) => Read(BinFile.ReadAllBytes(path, ".zkey"));

    /// <exception cref="ZkFormatException">Not a Groth16 BN254 zkey, or a section is truncated/inconsistent/invalid.</exception>
    public static ZkeyFile Read(byte[] data)
    {
        BinFile file = BinFile.Parse(data, "zkey", 1);
        BinSectionReader protocol = file.Section(1, "protocol header");
        uint protocolId = protocol.ReadUInt32();
        if (protocolId != Groth16Protocol)
        {
            throw protocol.Error($"protocol {protocolId} is not Groth16 (1)");
        }

        protocol.ExpectEnd();

        BinSectionReader h = file.Section(2, "Groth16 header");
        h.ExpectPrime((int)h.ReadUInt32(), Fq.Modulus, "base field");
        h.ExpectPrime((int)h.ReadUInt32(), Fr.Modulus, "scalar field");
        int nVars = h.ReadCount("nVars", 0);
        int nPublic = h.ReadCount("nPublic", 0);
        int domainSize = h.ReadCount("domainSize", 0);
        if (nVars < 1 || nPublic >= nVars)
        {
            throw h.Error($"nPublic = {nPublic} must be below nVars = {nVars}");
        }

        if (!BitOperations.IsPow2(domainSize) || BitOperations.Log2((uint)domainSize) >= Bn254Parameters.FrTwoAdicity)
        {
            throw h.Error($"domainSize = {domainSize} is not a power of two below 2^{Bn254Parameters.FrTwoAdicity}");
        }

        G1Affine alpha1 = h.ReadG1Montgomery("alpha1", true);
        G1Affine beta1 = h.ReadG1Montgomery("beta1", true);
        G2Affine beta2 = h.ReadG2Montgomery("beta2", true, true);
        G2Affine gamma2 = h.ReadG2Montgomery("gamma2", true, true);
        G1Affine delta1 = h.ReadG1Montgomery("delta1", true);
        G2Affine delta2 = h.ReadG2Montgomery("delta2", true, true);
        h.ExpectEnd();

        return new ZkeyFile
        {
            VariableCount = nVars,
            PublicCount = nPublic,
            DomainSize = domainSize,
            DomainPower = BitOperations.Log2((uint)domainSize),
            Alpha1 = alpha1,
            Beta1 = beta1,
            Beta2 = beta2,
            Gamma2 = gamma2,
            Delta1 = delta1,
            Delta2 = delta2,
            Ic = ReadG1Section(file, 3, "IC", nPublic + 1),
            Coefficients = ReadCoefficients(file, nVars, domainSize),
            A = ReadG1Section(file, 5, "A points", nVars),
            B1 = ReadG1Section(file, 6, "B1 points", nVars),
            B2 = ReadG2Section(file, 7, "B2 points", nVars),
            C = ReadG1Section(file, 8, "C points", nVars - nPublic - 1),
            H = ReadG1Section(file, 9, "H points", domainSize),
        };
    }

    private static G1Affine[] ReadG1Section(BinFile file, uint id, string name, int count)
    {
        BinSectionReader s = file.Section(id, name);
        if (s.Length != (long)count * 2 * Fq.ByteLength)
        {
            throw s.Error($"holds {s.Length} bytes, expected {count} G1 points ({(long)count * 64} bytes)");
        }

        G1Affine[] points = new G1Affine[count];
        for (int i = 0; i < count; i++)
        {
            points[i] = s.ReadG1Montgomery($"point {i}", true);
        }

        return points;
    }

    private static G2Affine[] ReadG2Section(BinFile file, uint id, string name, int count)
    {
        BinSectionReader s = file.Section(id, name);
        if (s.Length != (long)count * 4 * Fq.ByteLength)
        {
            throw s.Error($"holds {s.Length} bytes, expected {count} G2 points ({(long)count * 128} bytes)");
        }

        // On-curve only: a full subgroup check on every query point would dominate loading, and these points only
        // feed the prover (the verifier never trusts them).
        G2Affine[] points = new G2Affine[count];
        for (int i = 0; i < count; i++)
        {
            points[i] = s.ReadG2Montgomery($"point {i}", true, false);
        }

        return points;
    }

    private static ZkeyCoefficient[] ReadCoefficients(BinFile file, int nVars, int domainSize)
    {
        BinSectionReader s = file.Section(4, "coefficients");
        const int entrySize = 12 + Fr.ByteLength;
        int count = s.ReadCount("coefficient count", entrySize);
        if (s.Remaining != (long)count * entrySize)
        {
            throw s.Error($"declares {count} coefficients but holds {s.Remaining} bytes for them");
        }

        ZkeyCoefficient[] coefficients = new ZkeyCoefficient[count];
        for (int i = 0; i < count; i++)
        {
            uint matrix = s.ReadUInt32();
            uint constraint = s.ReadUInt32();
            uint signal = s.ReadUInt32();
            if (matrix > 1 || constraint >= (uint)domainSize || signal >= (uint)nVars)
            {
                throw s.Error($"coefficient {i} (matrix {matrix}, constraint {constraint}, signal {signal}) is out of range");
            }

            Fr value = s.ReadFrMontgomery($"coefficient {i}") * RInverse;
            coefficients[i] = new ZkeyCoefficient((int)matrix, (int)constraint, (int)signal, value);
        }

        return coefficients;
    }
}
