using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Snarkjs;

/// <summary>
/// circom's constraint system file (.r1cs, version 1): section 1 header, 2 constraints, 3 wire → label map.
/// Wire 0 is the constant 1, then public outputs, public inputs, private inputs, then internal wires.
/// Files with PLONK custom gates (sections 4 and 5) are rejected: they have no R1CS meaning.
/// </summary>
public sealed class R1csFile
{
    private R1csFile()
    {
    }

    public int WireCount { get; private init; }

    public int PublicOutputCount { get; private init; }

    public int PublicInputCount { get; private init; }

    public int PrivateInputCount { get; private init; }

    public ulong LabelCount { get; private init; }

    /// <summary>Public outputs + public inputs: the Groth16 nPublic of a key built from this circuit.</summary>
    public int PublicCount => PublicOutputCount + PublicInputCount;

    public R1csConstraint[] Constraints { get; private init; } = [];

    /// <summary>Label id of each wire (empty when the file has no map section).</summary>
    public ulong[] WireToLabel { get; private init; } = [];

    public static R1csFile ReadFile(string path) => Read(BinFile.ReadAllBytes(path, ".r1cs"));

    /// <exception cref="ZkFormatException">Malformed, truncated, inconsistent, or uses custom gates.</exception>
    public static R1csFile Read(byte[] data)
    {
        BinFile file = BinFile.Parse(data, "r1cs", 1);
        if (file.HasSection(4) || file.HasSection(5))
        {
            throw new ZkFormatException(".r1cs sections 4/5 (custom gates) are present: circuits with PLONK custom gates cannot be used for Groth16.");
        }

        BinSectionReader h = file.Section(1, "header");
        int n8 = (int)h.ReadUInt32();
        h.ExpectPrime(n8, Fr.Modulus, "constraint field");
        int nWires = h.ReadCount("nWires", 0);
        int nPubOut = h.ReadCount("nPubOut", 0);
        int nPubIn = h.ReadCount("nPubIn", 0);
        int nPrvIn = h.ReadCount("nPrvIn", 0);
        ulong nLabels = h.ReadUInt64();
        int nConstraints = h.ReadCount("nConstraints", 0);
        h.ExpectEnd();
        if (nWires < 1 || (long)1 + nPubOut + nPubIn + nPrvIn > nWires)
        {
            throw h.Error($"1 + nPubOut + nPubIn + nPrvIn = {1L + nPubOut + nPubIn + nPrvIn} exceeds nWires = {nWires}");
        }

        BinSectionReader cs = file.Section(2, "constraints");
        if (nConstraints > cs.Length / 12)
        {
            throw cs.Error($"nConstraints = {nConstraints} cannot fit in {cs.Length} bytes");
        }

        R1csConstraint[] constraints = new R1csConstraint[nConstraints];
        for (int i = 0; i < nConstraints; i++)
        {
            constraints[i] = new R1csConstraint(
                ReadCombination(cs, nWires, i, "A"),
                ReadCombination(cs, nWires, i, "B"),
                ReadCombination(cs, nWires, i, "C"));
        }

        cs.ExpectEnd();

        ulong[] labels = [];
        if (file.HasSection(3))
        {
            BinSectionReader map = file.Section(3, "wire to label map");
            if (map.Length != (long)nWires * 8)
            {
                throw map.Error($"holds {map.Length} bytes, expected {nWires} labels of 8 bytes");
            }

            labels = new ulong[nWires];
            for (int i = 0; i < nWires; i++)
            {
                labels[i] = map.ReadUInt64();
            }
        }

        return new R1csFile
        {
            WireCount = nWires,
            PublicOutputCount = nPubOut,
            PublicInputCount = nPubIn,
            PrivateInputCount = nPrvIn,
            LabelCount = nLabels,
            Constraints = constraints,
            WireToLabel = labels,
        };
    }

    /// <summary>True when every constraint holds for <paramref name="witness"/> (one value per wire).</summary>
    /// <exception cref="ArgumentException">The witness length differs from nWires.</exception>
    public bool IsSatisfiedBy(ReadOnlySpan<Fr> witness)
    {
        if (witness.Length != WireCount)
        {
            throw new ArgumentException($"The circuit has {WireCount} wires, the witness {witness.Length} values.", nameof(witness));
        }

        foreach (R1csConstraint c in Constraints)
        {
            if (Evaluate(c.A, witness) * Evaluate(c.B, witness) != Evaluate(c.C, witness))
            {
                return false;
            }
        }

        return true;
    }

    private static Fr Evaluate(R1csTerm[] terms, ReadOnlySpan<Fr> witness)
    {
        Fr sum = Fr.Zero;
        foreach (R1csTerm t in terms)
        {
            sum += t.Coefficient * witness[t.Wire];
        }

        return sum;
    }

    private static R1csTerm[] ReadCombination(BinSectionReader s, int nWires, int constraint, string which)
    {
        int count = s.ReadCount($"constraint {constraint} {which} term count", 4 + Fr.ByteLength);
        R1csTerm[] terms = new R1csTerm[count];
        for (int k = 0; k < count; k++)
        {
            uint wire = s.ReadUInt32();
            if (wire >= (uint)nWires)
            {
                throw s.Error($"constraint {constraint} {which} refers to wire {wire} but there are {nWires} wires");
            }

            terms[k] = new R1csTerm((int)wire, s.ReadFrCanonical($"constraint {constraint} {which} coefficient {k}"));
        }

        return terms;
    }
}
