using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Groth16;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Zk.Setup;

/// <summary>
/// A complete snarkjs Groth16 .zkey including the MPC section (10: circuit hash and contributions), with a writer
/// whose output snarkjs reads (<c>zkey verify</c>, <c>zkey export verificationkey</c>, <c>groth16 prove</c>).
/// Sections 1–9 are read back through <see cref="ZkeyFile"/>.
/// </summary>
public sealed class Phase2Zkey
{
    // snarkjs stores each coefficient as the canonical bytes of v·R² (R = 2^256 mod r).
    private static readonly Fr RSquared = Fr.FromBigInteger(BigInteger.ModPow(2, 512, Fr.Modulus));

    internal Phase2Zkey(
        int variableCount, int publicCount, int domainSize,
        G1Affine alpha1, G1Affine beta1, G2Affine beta2, G2Affine gamma2, G1Affine delta1, G2Affine delta2,
        G1Affine[] ic, ZkeyCoefficient[] coefficients, G1Affine[] a, G1Affine[] b1, G2Affine[] b2, G1Affine[] c, G1Affine[] h,
        byte[] circuitHash, IReadOnlyList<Phase2Contribution> contributions)
    {
        VariableCount = variableCount;
        PublicCount = publicCount;
        DomainSize = domainSize;
        Alpha1 = alpha1;
        Beta1 = beta1;
        Beta2 = beta2;
        Gamma2 = gamma2;
        Delta1 = delta1;
        Delta2 = delta2;
        IcPoints = ic;
        CoefficientArray = coefficients;
        APoints = a;
        B1Points = b1;
        B2Points = b2;
        CPoints = c;
        HPoints = h;
        CircuitHash = circuitHash;
        Contributions = contributions;
    }

    public int VariableCount { get; }

    public int PublicCount { get; }

    public int DomainSize { get; }

    public G1Affine Alpha1 { get; }

    public G1Affine Beta1 { get; }

    public G2Affine Beta2 { get; }

    public G2Affine Gamma2 { get; }

    public G1Affine Delta1 { get; }

    public G2Affine Delta2 { get; }

    public IReadOnlyList<G1Affine> Ic => IcPoints;

    public IReadOnlyList<ZkeyCoefficient> Coefficients => CoefficientArray;

    public IReadOnlyList<G1Affine> A => APoints;

    public IReadOnlyList<G1Affine> B1 => B1Points;

    public IReadOnlyList<G2Affine> B2 => B2Points;

    public IReadOnlyList<G1Affine> C => CPoints;

    public IReadOnlyList<G1Affine> H => HPoints;

    /// <summary>snarkjs's 64-byte circuit hash (csHash), fixed by <c>zkey new</c>.</summary>
    public byte[] CircuitHash { get; }

    public IReadOnlyList<Phase2Contribution> Contributions { get; }

    public VerificationKey VerificationKey => new(Alpha1, Beta2, Gamma2, Delta2, IcPoints);

    internal G1Affine[] IcPoints { get; }

    internal ZkeyCoefficient[] CoefficientArray { get; }

    internal G1Affine[] APoints { get; }

    internal G1Affine[] B1Points { get; }

    internal G2Affine[] B2Points { get; }

    internal G1Affine[] CPoints { get; }

    internal G1Affine[] HPoints { get; }

    /// <summary>The proving key as the prover consumes it.</summary>
    public ZkeyFile ToZkeyFile() => ZkeyFile.Read(ToBytes());

    public static Phase2Zkey ReadFile(string path) => Read(BinFile.ReadAllBytes(path, ".zkey"));

    /// <exception cref="ZkFormatException">Malformed sections 1–9 or a malformed MPC section 10.</exception>
    public static Phase2Zkey Read(byte[] data)
    {
        ZkeyFile key = ZkeyFile.Read(data);
        BinFile file = BinFile.Parse(data, "zkey", 1);
        BinSectionReader s = file.Section(10, "MPC parameters");
        byte[] csHash = s.ReadBytes(64).ToArray();
        int count = s.ReadCount("contribution count", 64 * 3 + 128 + 64 + 8);
        List<Phase2Contribution> contributions = new(count);
        for (int i = 0; i < count; i++)
        {
            contributions.Add(ReadContribution(s, i));
        }

        s.ExpectEnd();
        return new Phase2Zkey(
            key.VariableCount, key.PublicCount, key.DomainSize,
            key.Alpha1, key.Beta1, key.Beta2, key.Gamma2, key.Delta1, key.Delta2,
            key.Ic, key.Coefficients, key.A, key.B1, key.B2, key.C, key.H, csHash, contributions);
    }

    public byte[] ToBytes()
    {
        using MemoryStream ms = new();
        ms.Write("zkey"u8);
        WriteU32(ms, 1);
        WriteU32(ms, 10);
        Section(ms, 1, w => WriteU32(w, 1));
        Section(ms, 2, WriteHeader);
        Section(ms, 3, w => WriteG1Points(w, IcPoints));
        Section(ms, 4, WriteCoefficients);
        Section(ms, 5, w => WriteG1Points(w, APoints));
        Section(ms, 6, w => WriteG1Points(w, B1Points));
        Section(ms, 7, w => WriteG2Points(w, B2Points));
        Section(ms, 8, w => WriteG1Points(w, CPoints));
        Section(ms, 9, w => WriteG1Points(w, HPoints));
        Section(ms, 10, WriteMpc);
        return ms.ToArray();
    }

    internal Phase2Zkey WithContribution(G1Affine delta1, G2Affine delta2, G1Affine[] c, G1Affine[] h, Phase2Contribution contribution) =>
        new(VariableCount, PublicCount, DomainSize, Alpha1, Beta1, Beta2, Gamma2, delta1, delta2,
            IcPoints, CoefficientArray, APoints, B1Points, B2Points, c, h, CircuitHash, [.. Contributions, contribution]);

    private void WriteHeader(Stream w)
    {
        Span<byte> prime = stackalloc byte[32];
        WriteU32(w, 32);
        Fq.Modulus.TryWriteBytes(prime, out _, isUnsigned: true, isBigEndian: false);
        w.Write(prime);
        WriteU32(w, 32);
        Fr.Modulus.TryWriteBytes(prime, out _, isUnsigned: true, isBigEndian: false);
        w.Write(prime);
        WriteU32(w, (uint)VariableCount);
        WriteU32(w, (uint)PublicCount);
        WriteU32(w, (uint)DomainSize);
        WriteG1Points(w, [Alpha1, Beta1]);
        WriteG2Points(w, [Beta2, Gamma2]);
        WriteG1Points(w, [Delta1]);
        WriteG2Points(w, [Delta2]);
    }

    private void WriteCoefficients(Stream w)
    {
        WriteU32(w, (uint)CoefficientArray.Length);
        Span<byte> entry = stackalloc byte[12 + Fr.ByteLength];
        foreach (ZkeyCoefficient c in CoefficientArray)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(entry, (uint)c.Matrix);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], (uint)c.Constraint);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], (uint)c.Signal);
            (c.Value * RSquared).ToBytesLittleEndian(entry[12..]);
            w.Write(entry);
        }
    }

    private void WriteMpc(Stream w)
    {
        w.Write(CircuitHash);
        WriteU32(w, (uint)Contributions.Count);
        foreach (Phase2Contribution c in Contributions)
        {
            WriteG1Points(w, [c.DeltaAfter, c.G1S, c.G1Sx]);
            WriteG2Points(w, [c.G2Spx]);
            w.Write(c.Transcript);
            WriteU32(w, c.Type);
            if (c.Name is null)
            {
                WriteU32(w, 0);
                continue;
            }

            // snarkjs keeps at most 64 characters and stores the UTF-8 length in one byte.
            byte[] name = Encoding.UTF8.GetBytes(c.Name.Length > 64 ? c.Name[..64] : c.Name);
            if (name.Length > 255)
            {
                name = name[..255];
            }

            WriteU32(w, (uint)(name.Length + 2));
            w.WriteByte(1);
            w.WriteByte((byte)name.Length);
            w.Write(name);
        }
    }

    private static Phase2Contribution ReadContribution(BinSectionReader s, int index)
    {
        string what = $"contribution {index}";
        G1Affine deltaAfter = s.ReadG1Montgomery(what + " deltaAfter", true);
        G1Affine g1S = s.ReadG1Montgomery(what + " g1_s", true);
        G1Affine g1Sx = s.ReadG1Montgomery(what + " g1_sx", true);
        G2Affine g2Spx = s.ReadG2Montgomery(what + " g2_spx", true, true);
        byte[] transcript = s.ReadBytes(64).ToArray();
        uint type = s.ReadUInt32();
        int paramLength = s.ReadCount(what + " parameter length", 1);
        ReadOnlySpan<byte> parameters = s.ReadBytes(paramLength);
        string? name = null;
        int pos = 0, lastType = 0;
        while (pos < parameters.Length)
        {
            int paramType = parameters[pos++];
            if (paramType <= lastType || pos >= parameters.Length)
            {
                throw s.Error($"{what} has unsorted or truncated parameters");
            }

            lastType = paramType;
            int length = paramType == 2 ? 1 : parameters[pos++];
            if (pos + length > parameters.Length)
            {
                throw s.Error($"{what} parameter {paramType} is truncated");
            }

            if (paramType == 1)
            {
                name = Encoding.UTF8.GetString(parameters.Slice(pos, length));
            }
            else if (paramType is not (2 or 3))
            {
                throw s.Error($"{what} has unknown parameter type {paramType}");
            }

            pos += length;
        }

        return new Phase2Contribution(deltaAfter, g1S, g1Sx, g2Spx, transcript, type, name);
    }

    private static void Section(MemoryStream ms, uint id, Action<Stream> write)
    {
        WriteU32(ms, id);
        long sizePosition = ms.Position;
        ms.Write(stackalloc byte[8]);
        long start = ms.Position;
        write(ms);
        long end = ms.Position;
        Span<byte> size = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(size, (ulong)(end - start));
        ms.Position = sizePosition;
        ms.Write(size);
        ms.Position = end;
    }

    private static void WriteU32(Stream w, uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        w.Write(b);
    }

    private static void WriteG1Points(Stream w, ReadOnlySpan<G1Affine> points)
    {
        Span<byte> b = stackalloc byte[PointEncoding.G1Size];
        foreach (G1Affine p in points)
        {
            PointEncoding.WriteG1Lem(b, p);
            w.Write(b);
        }
    }

    private static void WriteG2Points(Stream w, ReadOnlySpan<G2Affine> points)
    {
        Span<byte> b = stackalloc byte[PointEncoding.G2Size];
        foreach (G2Affine p in points)
        {
            PointEncoding.WriteG2Lem(b, p);
            w.Write(b);
        }
    }
}
