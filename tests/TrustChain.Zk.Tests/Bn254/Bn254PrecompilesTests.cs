using System.Text.Json;
using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Tests.Bn254;

[TestFixture]
public class Bn254PrecompilesTests
{
    private const string FieldModulusHex = "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47";

    public sealed record Vector(string Name, string Input, string Expected)
    {
        public override string ToString() => Name;
    }

    private static IEnumerable<TestCaseData> Load(string file)
    {
        string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "vectors", "geth-precompiles", file);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (JsonElement e in doc.RootElement.EnumerateArray())
        {
            string name = e.GetProperty("Name").GetString()!;
            yield return new TestCaseData(e.GetProperty("Input").GetString()!, e.GetProperty("Expected").GetString()!)
                .SetName($"{Path.GetFileNameWithoutExtension(file)}_{name}");
        }
    }

    private static IEnumerable<TestCaseData> AddVectors() => Load("bn256Add.json");

    private static IEnumerable<TestCaseData> MulVectors() => Load("bn256ScalarMul.json");

    private static IEnumerable<TestCaseData> PairingVectors() => Load("bn256Pairing.json");

    [TestCaseSource(nameof(AddVectors))]
    public void Add_MatchesGeth(string input, string expected) =>
        Assert.That(Convert.ToHexStringLower(Bn254Precompiles.Add(Convert.FromHexString(input))), Is.EqualTo(expected));

    [TestCaseSource(nameof(MulVectors))]
    public void Mul_MatchesGeth(string input, string expected) =>
        Assert.That(Convert.ToHexStringLower(Bn254Precompiles.Mul(Convert.FromHexString(input))), Is.EqualTo(expected));

    [TestCaseSource(nameof(PairingVectors))]
    public void Pairing_MatchesGeth(string input, string expected) =>
        Assert.That(Convert.ToHexStringLower(Bn254Precompiles.Pairing(Convert.FromHexString(input))), Is.EqualTo(expected));

    private static string G1GenHex => Convert.ToHexStringLower(G1Affine.Generator.ToBytes());

    private static string G2GenHex => Convert.ToHexStringLower(G2Affine.Generator.ToBytes());

    [Test]
    public void Add_RejectsCoordinateEqualToModulus()
    {
        string input = FieldModulusHex + new string('0', 62) + "02" + G1GenHex;
        Bn254PrecompileException ex = Assert.Throws<Bn254PrecompileException>(() => Bn254Precompiles.Add(Convert.FromHexString(input)))!;
        Assert.That(ex.Message, Does.Contain("not below the field modulus"));
    }

    [Test]
    public void Add_RejectsPointOffCurve()
    {
        string offCurve = new string('0', 62) + "01" + new string('0', 62) + "03";
        Bn254PrecompileException ex = Assert.Throws<Bn254PrecompileException>(() => Bn254Precompiles.Add(Convert.FromHexString(G1GenHex + offCurve)))!;
        Assert.That(ex.Message, Does.Contain("not on the curve"));
    }

    [Test]
    public void Mul_RejectsPointOffCurve()
    {
        string offCurve = new string('0', 62) + "01" + new string('0', 62) + "03";
        Assert.Throws<Bn254PrecompileException>(() => Bn254Precompiles.Mul(Convert.FromHexString(offCurve + new string('0', 62) + "02")));
    }

    [Test]
    public void Mul_ScalarAboveOrder_IsUsedModuloOrder()
    {
        // r + 2 times G equals 2G because G1 has order r.
        string rPlus2 = "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000003";
        byte[] viaPrecompile = Bn254Precompiles.Mul(Convert.FromHexString(G1GenHex + rPlus2));
        Assert.That(viaPrecompile, Is.EqualTo(G1Affine.Generator.ToJacobian().Double().ToAffine().ToBytes()));
    }

    [Test]
    public void Add_ShortAndLongInputs_ArePaddedOrTruncated()
    {
        byte[] g = Convert.FromHexString(G1GenHex);
        Assert.That(Bn254Precompiles.Add(g), Is.EqualTo(g));
        Assert.That(Bn254Precompiles.Add([]), Is.EqualTo(new byte[64]));
        byte[] longer = Convert.FromHexString(G1GenHex + G1GenHex + "ffff");
        Assert.That(Bn254Precompiles.Add(longer), Is.EqualTo(G1Affine.Generator.ToJacobian().Double().ToAffine().ToBytes()));
    }

    [TestCase(1)]
    [TestCase(191)]
    [TestCase(193)]
    [TestCase(384 + 64)]
    public void Pairing_RejectsLengthNotMultipleOf192(int length) =>
        Assert.That(() => Bn254Precompiles.Pairing(new byte[length]),
            Throws.TypeOf<Bn254PrecompileException>().With.Message.Contains("multiple of 192"));

    [Test]
    public void Pairing_EmptyInput_IsTrue() =>
        Assert.That(Bn254Precompiles.Pairing([])[31], Is.EqualTo(1));

    [Test]
    public void Pairing_RejectsG2CoordinateEqualToModulus()
    {
        string g2 = FieldModulusHex + G2GenHex[64..];
        Assert.That(() => Bn254Precompiles.Pairing(Convert.FromHexString(G1GenHex + g2)),
            Throws.TypeOf<Bn254PrecompileException>().With.Message.Contains("not below the field modulus"));
    }

    [Test]
    public void Pairing_RejectsG2OffCurve()
    {
        byte[] g2 = G2Affine.Generator.ToBytes();
        g2[127] ^= 1;
        Assert.That(() => Bn254Precompiles.Pairing([.. G1Affine.Generator.ToBytes(), .. g2]),
            Throws.TypeOf<Bn254PrecompileException>().With.Message.Contains("not on the twist"));
    }

    [Test]
    public void Pairing_RejectsG2OutsideSubgroup()
    {
        G2Affine outside = CurveTestPoints.G2PointOutsideSubgroup();
        Assert.That(() => Bn254Precompiles.Pairing([.. G1Affine.Generator.ToBytes(), .. outside.ToBytes()]),
            Throws.TypeOf<Bn254PrecompileException>().With.Message.Contains("subgroup"));
    }

    [Test]
    public void Pairing_RejectsG1OffCurve()
    {
        byte[] g1 = G1Affine.Generator.ToBytes();
        g1[63] = 3;
        Assert.That(() => Bn254Precompiles.Pairing([.. g1, .. G2Affine.Generator.ToBytes()]),
            Throws.TypeOf<Bn254PrecompileException>().With.Message.Contains("not on the curve"));
    }
}
