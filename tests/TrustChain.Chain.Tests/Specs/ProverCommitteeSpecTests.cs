using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using TrustChain.Chain.Specs;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.Tests.Specs;

public sealed class ProverCommitteeSpecTests
{
    // secp256k1 generator, X‖Y: a valid point that is nobody's share.
    private const string Generator =
        "0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

    private static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", NumberStyles.HexNumber);

    [Test]
    public void Repo_genesis_carries_the_dev_committee_derived_from_its_public_labels()
    {
        GenesisProverCommittee committee = ChainSpec.Parse(RepoGenesis.Json).ProverCommittee!;
        Assert.That(committee, Is.Not.Null);
        Assert.That(committee.Threshold, Is.EqualTo(2));
        Assert.That(committee.Members.Select(m => m.Index), Is.EqualTo(new[] { 1, 2, 3 }));

        // Recomputed here from the labels with plain BigInteger arithmetic, independent of the dealer code:
        // f(x) = c0 + c1·x, c_i = keccak256("TrustChain/DEV-ONLY/prover-committee/coefficient/i").
        BigInteger c0 = Coefficient(0);
        BigInteger c1 = Coefficient(1);
        Assert.That(Hex.ToHexString(committee.PublicKey), Is.EqualTo(Hex.ToHexString(MultiplyG(c0))));
        for (int i = 1; i <= 3; i++)
        {
            Assert.That(Hex.ToHexString(committee.Members[i - 1].PublicShare), Is.EqualTo(Hex.ToHexString(MultiplyG((c0 + (c1 * i)) % Order))), $"member {i}");
        }

        Assert.That(committee.Members.Select(m => m.Address.ToString()), Is.EqualTo(new[]
        {
            "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc", "0x976EA74026E726554dB657fA54763abd0C3a0aa9", "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955",
        }));
    }

    [Test]
    public void A_genesis_without_the_section_has_no_committee()
    {
        JsonObject json = Genesis();
        json.Remove("proverCommittee");
        Assert.That(ChainSpec.Parse(json.ToJsonString()).ProverCommittee, Is.Null);
    }

    [Test]
    public void Members_are_numbered_by_position_so_a_shuffled_list_is_rejected()
    {
        // Reordering changes which index each share claims, so the shares no longer interpolate to the key.
        JsonObject json = Genesis();
        JsonArray members = Committee(json)["members"]!.AsArray();
        JsonNode first = members[0]!;
        members.RemoveAt(0);
        members.Add(first);
        ChainSpecException e = Assert.Throws<ChainSpecException>(() => ChainSpec.Parse(json.ToJsonString()))!;
        Assert.That(e.Field, Is.EqualTo("proverCommittee.publicKey"));
    }

    private static IEnumerable<TestCaseData> BadCommittees()
    {
        yield return Case("threshold zero", c => c["threshold"] = 0, "proverCommittee.threshold", "between 1 and the 3 members");
        yield return Case("threshold above members", c => c["threshold"] = 4, "proverCommittee.threshold", "between 1 and the 3 members");
        yield return Case("no members", c => c["members"] = new JsonArray(), "proverCommittee.members", "0 members");
        yield return Case("members missing", c => c.Remove("members"), "proverCommittee.members", "missing");
        yield return Case("members not an array", c => c["members"] = "x", "proverCommittee.members", "expected an array");
        yield return Case("unknown committee field", c => c["urls"] = new JsonArray(), "proverCommittee.urls", "unknown field");
        yield return Case("unknown member field", c => Member(c, 0)["url"] = "http://127.0.0.1:1", "proverCommittee.members[0].url", "unknown field");
        yield return Case("short share", c => Member(c, 0)["publicShare"] = Member(c, 0)["publicShare"]!.GetValue<string>()[..^2],
            "proverCommittee.members[0].publicShare", "64-byte");
        yield return Case("compressed share", c => Member(c, 1)["publicShare"] = "0x02" + Generator[2..66],
            "proverCommittee.members[1].publicShare", "64-byte");
        yield return Case("share off the curve", c => Member(c, 0)["publicShare"] = "0x" + new string('1', 128),
            "proverCommittee.members[0].publicShare", "not a point on the secp256k1 curve");
        yield return Case("bad address", c => Member(c, 2)["address"] = "0x1234", "proverCommittee.members[2].address", null);
        yield return Case("duplicate address", c => Member(c, 1)["address"] = Member(c, 0)["address"]!.GetValue<string>(),
            "proverCommittee.members[1].address", "duplicate");
        yield return Case("duplicate share", c => Member(c, 2)["publicShare"] = Member(c, 0)["publicShare"]!.GetValue<string>(),
            "proverCommittee.members[2].publicShare", "duplicate");
        yield return Case("share from another dealing", c => Member(c, 2)["publicShare"] = Generator,
            "proverCommittee.members[2].publicShare", "degree-1 polynomial");
        yield return Case("key from another dealing", c => c["publicKey"] = Generator,
            "proverCommittee.publicKey", "interpolate");
        yield return Case("missing key", c => c.Remove("publicKey"), "proverCommittee.publicKey", "missing");
    }

    [TestCaseSource(nameof(BadCommittees))]
    public void A_bad_committee_is_rejected_naming_the_field(Action<JsonObject> mutate, string field, string? reason)
    {
        JsonObject json = Genesis();
        mutate(Committee(json));
        ChainSpecException e = Assert.Throws<ChainSpecException>(() => ChainSpec.Parse(json.ToJsonString()))!;
        Assert.That(e.Field, Is.EqualTo(field), e.Message);
        if (reason is not null)
        {
            Assert.That(e.Reason, Does.Contain(reason));
        }
    }

    private static TestCaseData Case(string name, Action<JsonObject> mutate, string field, string? reason) =>
        new TestCaseData(mutate, field, reason).SetArgDisplayNames(name);

    private static JsonObject Genesis() => JsonNode.Parse(RepoGenesis.Json)!.AsObject();

    private static JsonObject Committee(JsonObject genesis) => genesis["proverCommittee"]!.AsObject();

    private static JsonObject Member(JsonObject committee, int i) => committee["members"]![i]!.AsObject();

    private static BigInteger Coefficient(int i) =>
        new(Keccak256.Compute(Encoding.ASCII.GetBytes($"TrustChain/DEV-ONLY/prover-committee/coefficient/{i}")).Bytes, isUnsigned: true, isBigEndian: true);

    private static byte[] MultiplyG(BigInteger scalar)
    {
        byte[] key = new byte[32];
        scalar.TryWriteBytes(key.AsSpan(32 - scalar.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        byte[] point = new byte[64];
        Assert.That(Secp256k1.TryGetPublicKey(key, point), Is.True);
        return point;
    }
}
