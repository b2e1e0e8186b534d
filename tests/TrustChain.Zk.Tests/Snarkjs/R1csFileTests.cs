using System.Globalization;
using System.Text.Json;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Snarkjs;
using TrustChain.Zk.Tests.Groth16;

namespace TrustChain.Zk.Tests.Snarkjs;

/// <summary>
/// A hand-assembled circuit (out = x·y·(x·y + 2), out public output, x public input, y private) read by us and by
/// snarkjs's r1cs exportJson.
/// </summary>
public class R1csFileTests
{
    // Wires: 0 = one, 1 = out, 2 = x, 3 = y, 4 = z.
    private static readonly (uint Wire, Fr Coef)[][][] Circuit =
    [
        [[(2, Fr.One)], [(3, Fr.One)], [(4, Fr.One)]],
        [[(4, Fr.One)], [(4, Fr.One), (0, Fr.FromUInt64(2))], [(1, Fr.One)]],
        [[(0, -Fr.One)], [(2, Fr.FromUInt64(3)), (3, -Fr.FromUInt64(3))], [(2, -Fr.FromUInt64(3)), (3, Fr.FromUInt64(3))]],
    ];

    private static byte[] Header(uint nWires = 5, uint nConstraints = 3)
    {
        using MemoryStream ms = new();
        using BinaryWriter w = new(ms);
        w.Write(32u);
        w.Write(Fr.Modulus.ToByteArray(isUnsigned: true, isBigEndian: false).AsSpan(0, 32));
        w.Write(nWires);
        w.Write(1u);
        w.Write(1u);
        w.Write(1u);
        w.Write(5UL);
        w.Write(nConstraints);
        w.Flush();
        return ms.ToArray();
    }

    private static byte[] Constraints(uint badWire = uint.MaxValue)
    {
        using MemoryStream ms = new();
        using BinaryWriter w = new(ms);
        foreach ((uint Wire, Fr Coef)[][] constraint in Circuit)
        {
            foreach ((uint Wire, Fr Coef)[] lc in constraint)
            {
                w.Write((uint)lc.Length);
                foreach ((uint wire, Fr coef) in lc)
                {
                    w.Write(badWire == uint.MaxValue ? wire : badWire);
                    w.Write(coef.ToBytesLittleEndian());
                }
            }
        }

        w.Flush();
        return ms.ToArray();
    }

    private static byte[] WireMap() => [.. Enumerable.Range(0, 5).SelectMany(i => BitConverter.GetBytes((ulong)i))];

    private static byte[] ValidFile() => BinFileBytes.Build("r1cs", 1, (1, Header()), (2, Constraints()), (3, WireMap()));

    [Test]
    public void Read_MatchesSnarkjsExport()
    {
        string dir = Groth16TestFiles.TempDirectory();
        string path = Path.Combine(dir, "circuit.r1cs");
        File.WriteAllBytes(path, ValidFile());
        using JsonDocument snarkjs = Groth16TestFiles.RunNode("r1cs-export.mjs", path);
        JsonElement expected = snarkjs.RootElement;

        R1csFile ours = R1csFile.ReadFile(path);
        Assert.That(ours.WireCount, Is.EqualTo(expected.GetProperty("nVars").GetInt32()));
        Assert.That(ours.PublicOutputCount, Is.EqualTo(expected.GetProperty("nOutputs").GetInt32()));
        Assert.That(ours.PublicInputCount, Is.EqualTo(expected.GetProperty("nPubInputs").GetInt32()));
        Assert.That(ours.PrivateInputCount, Is.EqualTo(expected.GetProperty("nPrvInputs").GetInt32()));
        Assert.That(ours.WireToLabel.Select(l => (long)l), Is.EqualTo(expected.GetProperty("map").EnumerateArray().Select(e => e.GetInt64())));
        JsonElement constraints = expected.GetProperty("constraints");
        Assert.That(ours.Constraints, Has.Length.EqualTo(constraints.GetArrayLength()));
        for (int i = 0; i < ours.Constraints.Length; i++)
        {
            R1csTerm[][] lcs = [ours.Constraints[i].A, ours.Constraints[i].B, ours.Constraints[i].C];
            for (int k = 0; k < 3; k++)
            {
                Dictionary<string, string> theirs = constraints[i][k].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
                Dictionary<string, string> mine = lcs[k].ToDictionary(t => t.Wire.ToString(CultureInfo.InvariantCulture), t => t.Coefficient.ToString());
                Assert.That(mine, Is.EquivalentTo(theirs), $"constraint {i}, combination {k}");
            }
        }
    }

    [Test]
    public void IsSatisfiedBy_ChecksEveryConstraint()
    {
        R1csFile r1cs = R1csFile.Read(ValidFile());
        Fr x = Fr.FromUInt64(3), y = Fr.FromUInt64(4), z = x * y;
        Fr[] witness = [Fr.One, z * (z + Fr.FromUInt64(2)), x, y, z];
        Assert.That(r1cs.IsSatisfiedBy(witness), Is.True);
        witness[1] += Fr.One;
        Assert.That(r1cs.IsSatisfiedBy(witness), Is.False);
    }

    [Test]
    public void CustomGates_AreRejectedClearly()
    {
        byte[] data = BinFileBytes.Build("r1cs", 1, (1, Header()), (2, Constraints()), (3, WireMap()), (4, new byte[4]));
        Assert.That(() => R1csFile.Read(data), Throws.TypeOf<ZkFormatException>().With.Message.Contains("custom gates"));
    }

    [Test]
    public void WireOutOfRange_IsRejected() =>
        Assert.That(
            () => R1csFile.Read(BinFileBytes.Build("r1cs", 1, (1, Header()), (2, Constraints(badWire: 9)), (3, WireMap()))),
            Throws.TypeOf<ZkFormatException>().With.Message.Contains("wire 9"));

    [TestCase(1u)]
    [TestCase(2u)]
    [TestCase(3u)]
    public void Truncated_IsRejectedNamingTheSection(uint section)
    {
        byte[] data = ValidFile();
        (int offset, int length) = BinFileBytes.Locate(data, section);
        Assert.That(() => R1csFile.Read(data[..(offset + length - 1)]), Throws.TypeOf<ZkFormatException>().With.Message.Contains($"section {section}"));
    }

    [Test]
    public void ConstraintCountBeyondSection_IsRejected() =>
        Assert.That(
            () => R1csFile.Read(BinFileBytes.Build("r1cs", 1, (1, Header(nConstraints: 4)), (2, Constraints()), (3, WireMap()))),
            Throws.TypeOf<ZkFormatException>().With.Message.Contains("section 2"));
}
