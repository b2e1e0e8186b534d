using System.Numerics;
using System.Text.Json;
using TrustChain.Zk.BabyJubJub;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Semaphore;
using TrustChain.Zk.Tests.Poseidon;

namespace TrustChain.Zk.Tests.Semaphore;

public class SemaphoreIdentityTests
{
    [Test]
    public void Depth16Vector_IdentityNullifierAndHashes()
    {
        using JsonDocument doc = ZkTestFiles.ReadVector("semaphore", "semaphore_v4_depth16_vector.json");
        JsonElement root = doc.RootElement;
        JsonElement id = root.GetProperty("identity");
        SemaphoreIdentity identity = new(id.GetProperty("privateKeyUtf8").GetString()!);

        Assert.That(identity.SecretScalar.ToString(), Is.EqualTo(id.GetProperty("secretScalar").GetString()));
        Assert.That(identity.PublicKey.X.ToString(), Is.EqualTo(id.GetProperty("publicKey")[0].GetString()));
        Assert.That(identity.PublicKey.Y.ToString(), Is.EqualTo(id.GetProperty("publicKey")[1].GetString()));
        Assert.That(identity.Commitment.ToString(), Is.EqualTo(id.GetProperty("commitment").GetString()));

        JsonElement proof = root.GetProperty("semaphoreProof");
        BigInteger scope = BigInteger.Parse(proof.GetProperty("scope").GetString()!);
        BigInteger message = BigInteger.Parse(proof.GetProperty("message").GetString()!);
        Assert.That(identity.Nullifier(scope).ToString(), Is.EqualTo(proof.GetProperty("nullifier").GetString()));
        Assert.That(SemaphoreHash.HashToField(message).ToString(), Is.EqualTo(root.GetProperty("hashedMessage").GetString()));
        Assert.That(SemaphoreHash.HashToField(scope).ToString(), Is.EqualTo(root.GetProperty("hashedScope").GetString()));
    }

    private static IEnumerable<TestCaseData> PeerIdentities()
    {
        using JsonDocument doc = ZkTestFiles.ReadFixture("semaphore_identities.json");
        foreach (JsonElement id in doc.RootElement.GetProperty("identities").EnumerateArray())
        {
            string label = id.TryGetProperty("text", out JsonElement t) ? $"text:{t.GetString()![..Math.Min(12, t.GetString()!.Length)]}" : $"hex:{id.GetProperty("hex").GetString()![..2]}";
            yield return new TestCaseData(id.GetRawText()).SetArgDisplayNames(label);
        }
    }

    [TestCaseSource(nameof(PeerIdentities))]
    public void Identity_MatchesSemaphoreIdentityPeer(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        CheckIdentity(doc.RootElement);
    }

    [Test]
    public void Identity_LivePeer_FreshRandomKeys()
    {
        using JsonDocument doc = ZkTestFiles.RunPeer("semaphore-vectors.mjs", "random");
        JsonElement[] identities = doc.RootElement.GetProperty("identities").EnumerateArray().ToArray();
        Assert.That(identities, Has.Length.EqualTo(2));
        foreach (JsonElement id in identities)
        {
            CheckIdentity(id);
        }
    }

    private static IEnumerable<TestCaseData> PeerHashes()
    {
        using JsonDocument doc = ZkTestFiles.ReadFixture("semaphore_identities.json");
        foreach (JsonElement h in doc.RootElement.GetProperty("hashes").EnumerateArray())
        {
            yield return new TestCaseData(h.GetProperty("value").GetString()!, h.GetProperty("toBigInt").GetString()!, h.GetProperty("hash").GetString()!);
        }
    }

    [TestCaseSource(nameof(PeerHashes))]
    public void SemaphoreHash_StringValues_MatchPeer(string value, string expectedBigInt, string expectedHash)
    {
        Assert.That(SemaphoreHash.ToBigInt(value).ToString(), Is.EqualTo(expectedBigInt));
        Assert.That(SemaphoreHash.HashToField(value).ToString(), Is.EqualTo(expectedHash));
    }

    [Test]
    public void SemaphoreHash_BytesAreBigEndianIntegers()
    {
        byte[] bytes = [0x00, 0x01, 0x02];
        Assert.That(SemaphoreHash.HashToField(bytes), Is.EqualTo(SemaphoreHash.HashToField(new BigInteger(0x0102))));
        Assert.That(SemaphoreHash.HashToField(ReadOnlySpan<byte>.Empty), Is.EqualTo(SemaphoreHash.HashToField(BigInteger.Zero)));
    }

    [Test]
    public void SemaphoreHash_RejectsOutOfRangeValues()
    {
        Assert.That(() => SemaphoreHash.HashToField(BigInteger.One << 256), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => SemaphoreHash.HashToField(BigInteger.MinusOne), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => SemaphoreHash.HashToField(new byte[33] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }),
            Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => SemaphoreHash.ToBigInt(new string('a', 32)), Throws.ArgumentException);
        Assert.That(() => SemaphoreHash.ToBigInt("-5"), Throws.ArgumentException);
    }

    [Test]
    public void Signature_TamperedOrForeign_FailsVerification()
    {
        SemaphoreIdentity alice = new("alice");
        SemaphoreIdentity bob = new("bob");
        EdDsaPoseidonSignature signature = alice.Sign(42);
        Assert.That(SemaphoreIdentity.VerifySignature(42, signature, alice.PublicKey), Is.True);
        Assert.That(SemaphoreIdentity.VerifySignature(43, signature, alice.PublicKey), Is.False);
        Assert.That(SemaphoreIdentity.VerifySignature(42, signature, bob.PublicKey), Is.False);
        Assert.That(SemaphoreIdentity.VerifySignature(42, new EdDsaPoseidonSignature(signature.R8, signature.S + 1), alice.PublicKey), Is.False);
        Assert.That(SemaphoreIdentity.VerifySignature(42, new EdDsaPoseidonSignature(signature.R8, signature.S + BabyJubJubPoint.SubOrder), alice.PublicKey), Is.False,
            "S must be below l (no malleability)");
        Assert.That(SemaphoreIdentity.VerifySignature(42, new EdDsaPoseidonSignature(new BabyJubJubPoint(Fr.One, Fr.One), signature.S), alice.PublicKey), Is.False);
        Assert.That(() => alice.Sign(BigInteger.One << 256), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Signature_Unpack_RejectsMalformedInput()
    {
        Assert.That(() => EdDsaPoseidonSignature.Unpack(new byte[63]), Throws.TypeOf<FormatException>());
        byte[] packed = new SemaphoreIdentity("carol").Sign(7).Pack();
        packed[0] ^= 0x01;
        packed[1] ^= 0x40;
        // A flipped R8 either stops being a point or no longer verifies.
        bool unpacked = true;
        EdDsaPoseidonSignature? sig = null;
        try
        {
            sig = EdDsaPoseidonSignature.Unpack(packed);
        }
        catch (FormatException)
        {
            unpacked = false;
        }

        if (unpacked)
        {
            Assert.That(SemaphoreIdentity.VerifySignature(7, sig!, new SemaphoreIdentity("carol").PublicKey), Is.False);
        }
    }

    private static void CheckIdentity(JsonElement id)
    {
        SemaphoreIdentity identity = id.TryGetProperty("text", out JsonElement text)
            ? new SemaphoreIdentity(text.GetString()!)
            : new SemaphoreIdentity(Convert.FromHexString(id.GetProperty("hex").GetString()!));

        Assert.That(identity.SecretScalar.ToString(), Is.EqualTo(id.GetProperty("secretScalar").GetString()));
        Assert.That(identity.PublicKey.X.ToString(), Is.EqualTo(id.GetProperty("publicKey")[0].GetString()));
        Assert.That(identity.PublicKey.Y.ToString(), Is.EqualTo(id.GetProperty("publicKey")[1].GetString()));
        Assert.That(identity.Commitment.ToString(), Is.EqualTo(id.GetProperty("commitment").GetString()));
        Assert.That(identity.PublicKey.Pack().ToString(), Is.EqualTo(id.GetProperty("packedPublicKey").GetString()));

        foreach (JsonElement s in id.GetProperty("signatures").EnumerateArray())
        {
            bool isText = s.TryGetProperty("text", out JsonElement textMessage);
            BigInteger message = isText ? EdDsaPoseidon.MessageFromString(textMessage.GetString()!) : BigInteger.Parse(s.GetProperty("message").GetString()!);
            EdDsaPoseidonSignature signature = isText ? identity.Sign(textMessage.GetString()!) : identity.Sign(message);
            Assert.That(signature.R8.X.ToString(), Is.EqualTo(s.GetProperty("R8")[0].GetString()));
            Assert.That(signature.R8.Y.ToString(), Is.EqualTo(s.GetProperty("R8")[1].GetString()));
            Assert.That(signature.S.ToString(), Is.EqualTo(s.GetProperty("S").GetString()));
            Assert.That(Convert.ToHexStringLower(signature.Pack()), Is.EqualTo(s.GetProperty("packed").GetString()));
            Assert.That(EdDsaPoseidonSignature.Unpack(Convert.FromHexString(s.GetProperty("packed").GetString()!)), Is.EqualTo(signature));
            Assert.That(SemaphoreIdentity.VerifySignature(message, signature, identity.PublicKey), Is.EqualTo(s.GetProperty("valid").GetBoolean()));
        }

        foreach (JsonElement n in id.GetProperty("nullifiers").EnumerateArray())
        {
            bool isText = n.TryGetProperty("text", out JsonElement textScope);
            Fr nullifier = isText ? identity.Nullifier(textScope.GetString()!) : identity.Nullifier(BigInteger.Parse(n.GetProperty("scope").GetString()!));
            Fr scopeHash = isText ? SemaphoreHash.HashToField(textScope.GetString()!) : SemaphoreHash.HashToField(BigInteger.Parse(n.GetProperty("scope").GetString()!));
            Assert.That(scopeHash.ToString(), Is.EqualTo(n.GetProperty("scopeHash").GetString()));
            Assert.That(nullifier.ToString(), Is.EqualTo(n.GetProperty("nullifier").GetString()));
        }
    }
}
