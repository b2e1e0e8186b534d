using System.Numerics;
using System.Text.Json;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Circuits;
using TrustChain.Zk.LeanImt;
using TrustChain.Zk.Semaphore;
using TrustChain.Zk.Tests.Poseidon;

namespace TrustChain.Zk.Tests.Circuits;

public class SemaphoreCircuitTests
{
    private static readonly SemaphoreIdentity Member = new("trustchain-circuit-member");

    private static LeanImtTree Group(int size, int memberIndex)
    {
        LeanImtTree tree = new();
        for (int i = 0; i < size; i++)
        {
            tree.Insert(i == memberIndex ? Member.Commitment : Fr.FromUInt64((ulong)(1000 + i)));
        }

        return tree;
    }

    [TestCase(2, 1, 1)]
    [TestCase(3, 2, 2)]
    [TestCase(4, 1, 2)]
    [TestCase(7, 6, 3)]
    [TestCase(5, 4, 3)]
    [TestCase(16, 9, 4)]
    [TestCase(11, 10, 4)]
    public void Outputs_EqualTreeRootAndNullifier(int groupSize, int memberIndex, int depth)
    {
        LeanImtTree tree = Group(groupSize, memberIndex);
        Assert.That(tree.Depth, Is.EqualTo(depth));
        LeanImtProof proof = tree.GenerateProof((ulong)memberIndex);
        BigInteger scope = 7, message = 42;

        SemaphoreWitness witness = SemaphoreWitness.Compute(Member, proof, message, scope, depth);
        Assert.Multiple(() =>
        {
            Assert.That(witness.MerkleRoot, Is.EqualTo(tree.Root));
            Assert.That(witness.Nullifier, Is.EqualTo(Member.Nullifier(scope)));
            Assert.That(witness.Message, Is.EqualTo(SemaphoreHash.HashToField(message)));
            Assert.That(witness.Scope, Is.EqualTo(SemaphoreHash.HashToField(scope)));
        });

        SemaphoreCircuit circuit = new(depth);
        Assert.That(circuit.Build(Input(proof, depth, message, scope)).IsSatisfied(), Is.True);
    }

    [TestCase(1)]
    [TestCase(3)]
    public void ShallowTree_InDeeperCircuit_IgnoresPaddingSiblings(int groupSize)
    {
        LeanImtTree tree = Group(groupSize, groupSize - 1);
        LeanImtProof proof = tree.GenerateProof((ulong)(groupSize - 1));
        SemaphoreWitness witness = SemaphoreWitness.Compute(Member, proof, 1, 2, 4);
        Assert.That(witness.MerkleRoot, Is.EqualTo(tree.Root));
    }

    [Test]
    public void PublishedDepth16Vector_RootAndNullifierMatch()
    {
        using JsonDocument doc = ZkTestFiles.ReadVector("semaphore", "semaphore_v4_depth16_vector.json");
        JsonElement root = doc.RootElement;
        SemaphoreIdentity identity = new(root.GetProperty("identity").GetProperty("privateKeyUtf8").GetString()!);
        JsonElement group = root.GetProperty("group");
        JsonElement leafProof = group.GetProperty("proofForLeafIndex2");
        List<Fr> siblings = [.. leafProof.GetProperty("siblings").EnumerateArray().Select(s => Fr.Parse(s.GetString()!))];
        Fr groupRoot = Fr.Parse(group.GetProperty("root").GetString()!);
        LeanImtProof proof = new(groupRoot, identity.Commitment, leafProof.GetProperty("index").GetUInt64(), siblings);
        JsonElement official = root.GetProperty("semaphoreProof");

        SemaphoreWitness witness = SemaphoreWitness.Compute(
            identity, proof,
            BigInteger.Parse(official.GetProperty("message").GetString()!),
            BigInteger.Parse(official.GetProperty("scope").GetString()!),
            official.GetProperty("merkleTreeDepth").GetInt32());

        Assert.Multiple(() =>
        {
            Assert.That(witness.MerkleRoot.ToString(), Is.EqualTo(official.GetProperty("merkleTreeRoot").GetString()));
            Assert.That(witness.Nullifier.ToString(), Is.EqualTo(official.GetProperty("nullifier").GetString()));
            Assert.That(witness.Message.ToString(), Is.EqualTo(root.GetProperty("hashedMessage").GetString()));
            Assert.That(witness.Scope.ToString(), Is.EqualTo(root.GetProperty("hashedScope").GetString()));
        });
    }

    [Test]
    public void ChangingAnyInputOrOutputWire_ViolatesTheCircuit()
    {
        LeanImtTree tree = Group(3, 2);
        LeanImtProof proof = tree.GenerateProof(2);
        const int depth = 2;
        R1csBuilder b = new SemaphoreCircuit(depth).Build(Input(proof, depth, 5, 6));
        Fr[] original = b.Witness();
        Assert.That(b.IsSatisfied(), Is.True);

        // outputs (2), public inputs (2), secret, length, index, siblings: every one is bound by a constraint.
        int last = 2 + 2 + 3 + depth;
        for (int wire = 1; wire <= last; wire++)
        {
            b.SetValue(wire, original[wire] + Fr.One);
            Assert.That(b.IsSatisfied(), Is.False, $"changing wire {wire} went unnoticed");
            b.SetValue(wire, original[wire]);
        }
    }

    [Test]
    public void SecretNotBelowSubgroupOrder_IsRejected()
    {
        LeanImtTree tree = Group(2, 1);
        LeanImtProof proof = tree.GenerateProof(1);
        SemaphoreCircuitInput honest = Input(proof, 1, 5, 6);
        SemaphoreCircuitInput tooBig = honest with { Secret = Member.SecretScalar + Fr.FromBigInteger(SemaphoreCircuit.SubgroupOrder) };
        Assert.That(new SemaphoreCircuit(1).Build(tooBig).IsSatisfied(), Is.False);
    }

    [Test]
    public void Compute_RejectsForeignProofAndTooDeepProof()
    {
        LeanImtTree tree = Group(5, 2);
        Assert.That(tree.GenerateProof(2).Siblings, Has.Count.EqualTo(3));
        Assert.Throws<ArgumentException>(() => SemaphoreWitness.Compute(Member, tree.GenerateProof(0), 1, 2, 3));
        Assert.Throws<ArgumentException>(() => SemaphoreWitness.Compute(Member, tree.GenerateProof(2), 1, 2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => SemaphoreWitness.Compute(Member, tree.GenerateProof(2), 1, 2, 33));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(16)]
    [TestCase(20)]
    public void ConstraintCount_IsReported(int depth)
    {
        R1csBuilder b = new SemaphoreCircuit(depth).Build(new SemaphoreCircuitInput(Fr.Zero, 0, 0, new Fr[depth], Fr.Zero, Fr.Zero));
        TestContext.Out.WriteLine($"Semaphore depth {depth}: {b.ConstraintCount} constraints, {b.WireCount} wires");
        Assert.That(b.PublicCount, Is.EqualTo(4));
        Assert.That(b.ConstraintCount, Is.GreaterThan(1000 + 200 * depth));
    }

    internal static SemaphoreCircuitInput Input(LeanImtProof proof, int depth, BigInteger message, BigInteger scope)
    {
        Fr[] siblings = new Fr[depth];
        for (int i = 0; i < proof.Siblings.Count; i++)
        {
            siblings[i] = proof.Siblings[i];
        }

        return new SemaphoreCircuitInput(
            Member.SecretScalar, proof.Siblings.Count, proof.Index, siblings,
            SemaphoreHash.HashToField(message), SemaphoreHash.HashToField(scope));
    }
}
