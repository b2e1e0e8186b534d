using System.Numerics;
using System.Text.Json;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Circuits;
using TrustChain.Zk.Snarkjs;
using TrustChain.Zk.Tests.Poseidon;
using PoseidonHash = TrustChain.Zk.Poseidon.Poseidon;

namespace TrustChain.Zk.Tests.Circuits;

public class GadgetTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(6)]
    public void Poseidon_OutputEqualsNativeHash(int inputs)
    {
        R1csBuilder b = new();
        Fr[] values = new Fr[inputs];
        LinearCombination[] wires = new LinearCombination[inputs];
        for (int i = 0; i < inputs; i++)
        {
            values[i] = Fr.FromUInt64((ulong)(1000 * i + 7));
            wires[i] = b.AddPrivateInput(values[i]);
        }

        LinearCombination output = b.Hash(wires);
        Assert.That(b.Evaluate(output), Is.EqualTo(PoseidonHash.Hash(values)));
        Assert.That(b.IsSatisfied(), Is.True);
        TestContext.Out.WriteLine($"Poseidon({inputs}): {b.ConstraintCount} constraints");
    }

    [TestCase(8, 255UL, true)]
    [TestCase(8, 256UL, false)]
    [TestCase(3, 9UL, false)]
    [TestCase(64, ulong.MaxValue, true)]
    [TestCase(1, 1UL, true)]
    public void Num2Bits_AcceptsOnlyValuesThatFit(int n, ulong value, bool fits)
    {
        R1csBuilder b = new();
        LinearCombination x = b.AddPrivateInput(Fr.FromUInt64(value));
        LinearCombination[] bits = b.Num2Bits(x, n);
        Assert.That(bits, Has.Length.EqualTo(n));
        Assert.That(b.IsSatisfied(), Is.EqualTo(fits));
    }

    [Test]
    public void Num2Bits_NonBooleanBitIsRejected()
    {
        R1csBuilder b = new();
        LinearCombination x = b.AddPrivateInput(Fr.FromUInt64(2));
        LinearCombination[] bits = b.Num2Bits(x, 2);
        // b0 = 2, b1 = 0 still sums to 2; only booleanity catches it.
        b.SetValue(bits[0].Wires[0], Fr.FromUInt64(2));
        b.SetValue(bits[1].Wires[0], Fr.Zero);
        Assert.That(b.IsSatisfied(), Is.False);
    }

    [TestCase(0UL, 0UL, true)]
    [TestCase(5UL, 5UL, true)]
    [TestCase(5UL, 6UL, false)]
    public void IsEqual_And_IsZero(ulong x, ulong y, bool equal)
    {
        R1csBuilder b = new();
        LinearCombination a = b.AddPrivateInput(Fr.FromUInt64(x));
        LinearCombination c = b.AddPrivateInput(Fr.FromUInt64(y));
        LinearCombination eq = b.IsEqual(a, c);
        LinearCombination zero = b.IsZero(a);
        Assert.That(b.Evaluate(eq), Is.EqualTo(equal ? Fr.One : Fr.Zero));
        Assert.That(b.Evaluate(zero), Is.EqualTo(x == 0 ? Fr.One : Fr.Zero));
        Assert.That(b.IsSatisfied(), Is.True);

        // Claiming the opposite answer violates a constraint.
        b.SetValue(eq.Wires[0], equal ? Fr.Zero : Fr.One);
        Assert.That(b.IsSatisfied(), Is.False);
    }

    [TestCase(3UL, 10UL, 8, true)]
    [TestCase(10UL, 3UL, 8, false)]
    [TestCase(7UL, 7UL, 8, false)]
    public void LessThan_MatchesComparison(ulong x, ulong y, int n, bool less)
    {
        R1csBuilder b = new();
        LinearCombination lt = b.LessThan(b.AddPrivateInput(Fr.FromUInt64(x)), LinearCombination.Constant(y), n);
        Assert.That(b.Evaluate(lt), Is.EqualTo(less ? Fr.One : Fr.Zero));
        Assert.That(b.IsSatisfied(), Is.True);
    }

    [TestCase(0UL)]
    [TestCase(1UL)]
    public void Mux1_SelectsAndBindsOutput(ulong selector)
    {
        R1csBuilder b = new();
        LinearCombination c0 = b.AddPrivateInput(Fr.FromUInt64(11));
        LinearCombination c1 = b.AddPrivateInput(Fr.FromUInt64(22));
        LinearCombination s = b.AddPrivateInput(Fr.FromUInt64(selector));
        LinearCombination output = b.Mux1(c0, c1, s);
        Assert.That(b.Evaluate(output), Is.EqualTo(Fr.FromUInt64(selector == 0 ? 11UL : 22UL)));
        Assert.That(b.IsSatisfied(), Is.True);
        b.SetValue(output.Wires[0], Fr.FromUInt64(33));
        Assert.That(b.IsSatisfied(), Is.False);
    }

    [Test]
    public void BabyPbk_MatchesJavaScriptPublicKeys()
    {
        using JsonDocument doc = ZkTestFiles.ReadFixture("semaphore_identities.json");
        int checkedCount = 0;
        foreach (JsonElement identity in doc.RootElement.GetProperty("identities").EnumerateArray())
        {
            Fr secret = Fr.Parse(identity.GetProperty("secretScalar").GetString()!);
            JsonElement pk = identity.GetProperty("publicKey");
            R1csBuilder b = new();
            (LinearCombination x, LinearCombination y) = b.BabyPbk(b.AddPrivateInput(secret));
            Assert.That(b.Evaluate(x), Is.EqualTo(Fr.Parse(pk[0].GetString()!)));
            Assert.That(b.Evaluate(y), Is.EqualTo(Fr.Parse(pk[1].GetString()!)));
            Assert.That(b.IsSatisfied(), Is.True);
            if (++checkedCount == 3)
            {
                break;
            }
        }

        Assert.That(checkedCount, Is.GreaterThan(0));
    }

    [Test]
    public void ChangingAnySampledConstrainedWire_ViolatesTheSystem()
    {
        R1csBuilder b = new();
        LinearCombination secret = b.AddPrivateInput(Fr.Parse("1072931509665125050858164614503996272893941281138625620671594663472720926391"));
        (LinearCombination x, LinearCombination y) = b.BabyPbk(secret);
        b.Hash(x, y);
        Fr[] original = b.Witness();
        Assert.That(b.IsSatisfied(), Is.True);

        // Every wire of this circuit is determined by the input (no free hints), so every change must be caught.
        for (int wire = 1; wire < original.Length; wire += 13)
        {
            b.SetValue(wire, original[wire] + Fr.One);
            Assert.That(b.IsSatisfied(), Is.False, $"changing wire {wire} went unnoticed");
            b.SetValue(wire, original[wire]);
        }

        Assert.That(b.IsSatisfied(), Is.True);
    }

    [Test]
    public void R1csAndWtns_RoundTripThroughSnarkjsFormats()
    {
        R1csBuilder b = new();
        LinearCombination output = b.AddOutput();
        LinearCombination pub = b.AddPublicInput(Fr.FromUInt64(3));
        LinearCombination prv = b.AddPrivateInput(Fr.FromUInt64(4));
        b.AssignOutput(output, b.Hash(pub, prv));

        R1csFile r1cs = b.ToR1csFile();
        Fr[] witness = WtnsFile.Read(b.ToWtnsBytes());
        Assert.Multiple(() =>
        {
            Assert.That(r1cs.WireCount, Is.EqualTo(b.WireCount));
            Assert.That(r1cs.PublicOutputCount, Is.EqualTo(1));
            Assert.That(r1cs.PublicInputCount, Is.EqualTo(1));
            Assert.That(r1cs.PrivateInputCount, Is.EqualTo(1));
            Assert.That(r1cs.Constraints, Has.Length.EqualTo(b.ConstraintCount));
            Assert.That(witness, Is.EqualTo(b.Witness()));
            Assert.That(witness[1], Is.EqualTo(PoseidonHash.Hash2(Fr.FromUInt64(3), Fr.FromUInt64(4))));
            Assert.That(r1cs.IsSatisfiedBy(witness), Is.True);
        });

        witness[1] += Fr.One;
        Assert.That(r1cs.IsSatisfiedBy(witness), Is.False);
    }

    [Test]
    public void WireOrder_IsEnforced()
    {
        R1csBuilder b = new();
        b.AddPrivateInput(Fr.One);
        Assert.Throws<InvalidOperationException>(() => b.AddPublicInput(Fr.One));
        Assert.Throws<InvalidOperationException>(() => b.AddOutput());
    }

    [Test]
    public void UnassignedOutput_CannotBeExported()
    {
        R1csBuilder b = new();
        LinearCombination output = b.AddOutput();
        Assert.Throws<InvalidOperationException>(() => b.ToR1csBytes());
        b.AssignOutput(output, LinearCombination.Constant(5));
        Assert.That(b.Witness()[1], Is.EqualTo(Fr.FromUInt64(5)));
        Assert.Throws<ArgumentException>(() => b.AssignOutput(output, LinearCombination.One));
    }

    [Test]
    public void Constrain_RejectsUnknownWires()
    {
        R1csBuilder b = new();
        Assert.Throws<ArgumentException>(() => b.Constrain(LinearCombination.FromWire(5), LinearCombination.One, LinearCombination.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => b.Num2Bits(LinearCombination.One, 255));
    }

    [Test]
    public void LinearCombination_MergesAndCancelsTerms()
    {
        LinearCombination a = LinearCombination.FromWire(3) + LinearCombination.FromWire(1) * Fr.FromUInt64(2);
        LinearCombination c = a - LinearCombination.FromWire(3) + LinearCombination.Constant(BigIntegerOne());
        Assert.That(c.Wires.ToArray(), Is.EqualTo(new[] { 0, 1 }));
        Assert.That(c.Evaluate([Fr.One, Fr.FromUInt64(10)]), Is.EqualTo(Fr.FromUInt64(21)));
    }

    private static Fr BigIntegerOne() => Fr.FromBigInteger(BigInteger.One);
}
