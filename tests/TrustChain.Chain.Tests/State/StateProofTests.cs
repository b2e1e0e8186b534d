using TrustChain.Chain.State;
using TrustChain.Core;

namespace TrustChain.Chain.Tests.State;

[TestFixture]
public class StateProofTests
{
    private TempStateDb _db = null!;
    private ReferenceSparseMerkleTree _reference = null!;
    private Hash256 _root;

    [OneTimeSetUp]
    public void SetUp()
    {
        _db = new TempStateDb();
        _reference = new ReferenceSparseMerkleTree();
        Random random = new(77);
        WorldState world = _db.State.OpenLatest();
        for (int i = 0; i < 200; i++)
        {
            Hash256 key = StateTestData.RandomKey(random);
            byte[] value = StateTestData.RandomValue(random);
            world.SetStorage(key, value);
            _reference.Set(key, value);
        }

        _root = _db.Commit(world, 1);
    }

    [OneTimeTearDown]
    public void TearDown() => _db.Dispose();

    [Test]
    public void InclusionProofs_VerifyForEveryKey()
    {
        foreach (Hash256 key in _reference.Keys)
        {
            StateProof proof = _db.State.GetProof(_root, key.Bytes);
            Assert.That(proof.Value, Is.EqualTo(_reference.Get(key)));
            Assert.That(StateProof.Verify(_root, key, proof), Is.True);
        }
    }

    [Test]
    public void ExclusionProofs_VerifyForBothTerminalKinds()
    {
        Random random = new(78);
        int emptyTerminals = 0;
        int otherLeafTerminals = 0;
        for (int i = 0; i < 400; i++)
        {
            Hash256 key = StateTestData.RandomKey(random);
            StateProof proof = _db.State.GetProof(_root, key.Bytes);
            Assert.That(proof.Value, Is.Null);
            Assert.That(StateProof.Verify(_root, key, proof), Is.True);
            if (proof.OtherLeafKey is null)
            {
                emptyTerminals++;
            }
            else
            {
                otherLeafTerminals++;
                Assert.That(_reference.Get(proof.OtherLeafKey.Value), Is.Not.Null);
            }
        }

        Assert.That(emptyTerminals, Is.GreaterThan(0));
        Assert.That(otherLeafTerminals, Is.GreaterThan(0));
    }

    [Test]
    public void EmptyTree_ExclusionProofVerifiesAgainstEmptyRoot()
    {
        using TempStateDb empty = new();
        Hash256 key = Hash256.Parse("0x" + new string('a', 64));
        StateProof proof = empty.State.GetProof(StateDatabase.EmptyRoot, key.Bytes);
        Assert.That(proof.Siblings, Is.Empty);
        Assert.That(StateProof.Verify(StateDatabase.EmptyRoot, proof), Is.True);
        Assert.That(StateProof.Verify(_root, proof), Is.False);
    }

    [Test]
    public void TamperedProofs_Fail()
    {
        Hash256 key = _reference.Keys.First();
        StateProof proof = _db.State.GetProof(_root, key.Bytes);
        byte[] value = proof.Value!;

        byte[] otherValue = (byte[])value.Clone();
        otherValue[0] ^= 1;
        Assert.That(StateProof.Verify(_root, new StateProof(key, otherValue, proof.Siblings, null, null)), Is.False, "value");

        List<Hash256> siblings = [.. proof.Siblings];
        byte[] sibling = siblings[^1].ToArray();
        sibling[31] ^= 0x80;
        siblings[^1] = new Hash256(sibling);
        Assert.That(StateProof.Verify(_root, new StateProof(key, value, siblings, null, null)), Is.False, "sibling");

        Assert.That(StateProof.Verify(_root, new StateProof(key, value, proof.Siblings.Take(proof.Siblings.Count - 1).ToList(), null, null)), Is.False, "truncated");
        Assert.That(StateProof.Verify(_root, new StateProof(key, null, proof.Siblings, null, null)), Is.False, "claimed absent");

        Hash256 otherKey = _reference.Keys.Last();
        Assert.That(StateProof.Verify(_root, otherKey, proof), Is.False, "proof about another key");
    }

    [Test]
    public void ExclusionProof_WithLeafOffThePath_Fails()
    {
        Random random = new(79);
        StateProof? proof = null;
        Hash256 key = default;
        while (proof?.OtherLeafKey is null)
        {
            key = StateTestData.RandomKey(random);
            proof = _db.State.GetProof(_root, key.Bytes);
        }

        // Swap in a different existing leaf: hashes may still chain only if it sits on the key's path, which it does not.
        Hash256 unrelated = _reference.Keys.First(k => k != proof.OtherLeafKey && (k.Bytes[0] ^ key.Bytes[0]) >= 0x80);
        StateProof forged = new(key, null, proof.Siblings, unrelated, Core.Crypto.Keccak256.Compute(_reference.Get(unrelated)!));
        Assert.That(StateProof.Verify(_root, forged), Is.False);
    }

    [Test]
    public void Proof_RlpRoundTrip_StillVerifies()
    {
        Random random = new(80);
        foreach (Hash256 key in new[] { _reference.Keys.First(), StateTestData.RandomKey(random), StateTestData.RandomKey(random) })
        {
            StateProof proof = _db.State.GetProof(_root, key.Bytes);
            StateProof decoded = StateProof.Decode(proof.Encode());
            Assert.That(decoded.Key, Is.EqualTo(proof.Key));
            Assert.That(decoded.Value, Is.EqualTo(proof.Value));
            Assert.That(decoded.Siblings, Is.EqualTo(proof.Siblings));
            Assert.That(decoded.OtherLeafKey, Is.EqualTo(proof.OtherLeafKey));
            Assert.That(StateProof.Verify(_root, decoded), Is.True);
        }
    }

    [Test]
    public void GetProof_RejectsBadKeyLength()
    {
        Assert.That(() => _db.State.GetProof(_root, new byte[31]), Throws.ArgumentException.With.Message.Contains("32 bytes"));
    }
}
