using System.Numerics;
using System.Text.Json.Nodes;
using TrustChain.Chain.Specs;
using TrustChain.Core;

namespace TrustChain.Chain.Tests.Specs;

public class ChainSpecTests
{
    private const string Dev0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    [Test]
    public void Repo_genesis_loads()
    {
        ChainSpec spec = ChainSpec.Load(RepoGenesis.Path);

        Assert.That(spec.Name, Is.EqualTo("trustchain-dev"));
        Assert.That(spec.ChainId, Is.EqualTo(7357UL));
        Assert.That(spec.GenesisTimestamp, Is.EqualTo(1767225600000UL));
        Assert.That(spec.GasLimit, Is.EqualTo(30_000_000UL));
        Assert.That(spec.ExtraData, Is.Empty);
        Assert.That(spec.Parameters.MinBaseFee, Is.EqualTo((UInt256)1_000_000_000UL));
        Assert.That(spec.Parameters.BaseFeeChangeDenominator, Is.EqualTo(8UL));
        Assert.That(spec.Parameters.ElasticityMultiplier, Is.EqualTo(2UL));
        Assert.That(spec.Parameters.BlockTimeMs, Is.EqualTo(1000UL));
        Assert.That(spec.Parameters.MaxBlockTransactions, Is.EqualTo(10_000));
        Assert.That(spec.Parameters.MaxTxSize, Is.EqualTo(131_072));
        Assert.That(spec.Parameters.StateHistory, Is.EqualTo(1024UL));
        Assert.That(spec.Parameters.EpochLength, Is.EqualTo(100UL));
        Assert.That(spec.Parameters.MaxValidators, Is.EqualTo(100));
        Assert.That(spec.Parameters.DedupMatch, Is.EqualTo(4));
        Assert.That(spec.Parameters.VerificationFee, Is.EqualTo((UInt256)10_000_000_000_000_000UL));
        Assert.That(spec.Parameters.VerificationProverBps + spec.Parameters.VerificationValidatorBps + spec.Parameters.VerificationOperatorBps,
            Is.EqualTo(10_000));
        Assert.That(spec.Parameters.TimeoutCommitMs, Is.EqualTo(1_000UL));
        Assert.That(spec.Parameters.PalmBandSeed.IsZero, Is.False, "the dev network fixes its palm band positions");

        Assert.That(spec.Alloc, Has.Count.EqualTo(10));
        UInt256 tenMillionEther = (UInt256)BigInteger.Parse("10000000000000000000000000");
        Assert.That(spec.Alloc.Select(a => a.Balance), Is.All.EqualTo(tenMillionEther));
        string[] sortedLower = spec.Alloc.Select(a => a.Address.ToLowerHex()).ToArray();
        Assert.That(sortedLower, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(spec.Alloc.Select(a => a.Address.ToString()), Does.Contain(Dev0));

        Assert.That(spec.Validators, Has.Count.EqualTo(1));
        Assert.That(spec.Validators[0].Address.ToString(), Is.EqualTo(Dev0));
        Assert.That(Hex.ToHexString(spec.Validators[0].PublicKey), Is.EqualTo("0x038318535b54105d4a7aae60c08fc45f9687181b4fdfc625bd1a753fa7397fed75"));
        Assert.That(spec.Validators[0].Stake, Is.EqualTo((UInt256)BigInteger.Parse("1000000000000000000000000")));
    }

    [Test]
    public void Absent_params_take_defaults_and_hex_numbers_equal_decimal()
    {
        JsonObject json = Genesis();
        json.Remove("params");
        json.Remove("name");
        json.Remove("extraData");
        json["chainId"] = "0x1cbd";
        json["gasLimit"] = "30000000";
        json["alloc"]![Dev0]!["balance"] = "0xff";

        ChainSpec spec = ChainSpec.Parse(json.ToJsonString());

        Assert.That(spec.ChainId, Is.EqualTo(7357UL));
        Assert.That(spec.GasLimit, Is.EqualTo(30_000_000UL));
        Assert.That(spec.Alloc.Single(a => a.Address == Address.Parse(Dev0)).Balance, Is.EqualTo((UInt256)255));
        Assert.That(spec.Name, Is.Empty);
        ChainParameters p = spec.Parameters;
        Assert.That(
            new object[] { p.MinBaseFee, p.BaseFeeChangeDenominator, p.ElasticityMultiplier, p.BlockTimeMs, p.MaxBlockTransactions, p.MaxTxSize, p.StateHistory, p.EpochLength, p.MaxValidators },
            Is.EqualTo(new object[] { (UInt256)1_000_000_000UL, 8UL, 2UL, 1000UL, 10_000, 131_072, 1024UL, 100UL, 100 }));
    }

    [Test]
    public void Lowercase_addresses_are_accepted_without_checksum()
    {
        JsonObject json = Genesis();
        json["validators"]![0]!["address"] = Dev0.ToLowerInvariant();
        Assert.That(ChainSpec.Parse(json.ToJsonString()).Validators[0].Address, Is.EqualTo(Address.Parse(Dev0)));
    }

    private static IEnumerable<TestCaseData> MalformedCases()
    {
        yield return Case("missing chainId", j => j.Remove("chainId"), "chainId");
        yield return Case("chainId zero", j => j["chainId"] = 0, "chainId");
        yield return Case("chainId negative", j => j["chainId"] = -1, "chainId");
        yield return Case("chainId fraction", j => j["chainId"] = 1.5, "chainId");
        yield return Case("chainId exponent", j => j["chainId"] = JsonNode.Parse("7e3"), "chainId");
        yield return Case("chainId not a number", j => j["chainId"] = "seven", "chainId");
        yield return Case("chainId bool", j => j["chainId"] = true, "chainId");
        yield return Case("chainId over 64 bits", j => j["chainId"] = "18446744073709551616", "chainId");
        yield return Case("missing timestamp", j => j.Remove("timestamp"), "timestamp");
        yield return Case("timestamp empty hex", j => j["timestamp"] = "0x", "timestamp");
        yield return Case("missing gasLimit", j => j.Remove("gasLimit"), "gasLimit");
        yield return Case("gasLimit below a transfer", j => j["gasLimit"] = 20_999, "gasLimit");
        yield return Case("name not a string", j => j["name"] = 5, "name");
        yield return Case("extraData not hex", j => j["extraData"] = "0xzz", "extraData");
        yield return Case("extraData without prefix", j => j["extraData"] = "abcd", "extraData");
        yield return Case("extraData too long", j => j["extraData"] = "0x" + new string('a', 66), "extraData");
        yield return Case("unknown top-level field", j => j["chainID"] = 1, "chainID");
        yield return Case("params not an object", j => j["params"] = "x", "params");
        yield return Case("params typo", j => j["params"]!["baseFeeChangeDenomintor"] = 8, "params.baseFeeChangeDenomintor");
        yield return Case("minBaseFee zero", j => j["params"]!["minBaseFee"] = "0", "params.minBaseFee");
        yield return Case("minBaseFee negative", j => j["params"]!["minBaseFee"] = "-1", "params.minBaseFee");
        yield return Case("minBaseFee over 256 bits", j => j["params"]!["minBaseFee"] = "0x1" + new string('0', 64), "params.minBaseFee");
        yield return Case("denominator zero", j => j["params"]!["baseFeeChangeDenominator"] = 0, "params.baseFeeChangeDenominator");
        yield return Case("elasticity zero", j => j["params"]!["elasticityMultiplier"] = 0, "params.elasticityMultiplier");
        yield return Case("blockTimeMs null", j => j["params"]!["blockTimeMs"] = null, "params.blockTimeMs");
        yield return Case("maxTxSize over int", j => j["params"]!["maxTxSize"] = 4_294_967_296, "params.maxTxSize");
        yield return Case("maxBlockTransactions zero", j => j["params"]!["maxBlockTransactions"] = 0, "params.maxBlockTransactions");
        yield return Case("maxValidators below genesis set", j => j["params"]!["maxValidators"] = 0, "params.maxValidators");
        yield return Case("verification split off by one", j => j["params"]!["verificationProverBps"] = 4_001, "params.verification*Bps");
        yield return Case("credential split short", j => j["params"]!["credentialIssuerBps"] = 5_000, "params.credential*Bps");
        yield return Case("bps above 100%", j => j["params"]!["infringementSlashBps"] = 10_001, "params.infringementSlashBps");
        yield return Case("dedupMatch above maxDedupTags", j => j["params"]!["dedupMatch"] = 257, "params.dedupMatch");
        yield return Case("more palm bands than tags", j => j["params"]!["palmBands"] = 257, "params.palmBands");
        yield return Case("no owners per dedup tag", j => j["params"]!["maxOwnersPerTag"] = 0, "params.maxOwnersPerTag");
        yield return Case("palm seed too short", j => j["params"]!["palmBandSeed"] = "0x" + new string('a', 62), "params.palmBandSeed");
        yield return Case("zero verification fee", j => j["params"]!["verificationFee"] = "0", "params.verificationFee");
        yield return Case("missing alloc", j => j.Remove("alloc"), "alloc");
        yield return Case("alloc is an array", j => j["alloc"] = new JsonArray(), "alloc");
        yield return Case("alloc bad checksum", j => Rekey(j, "0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), "alloc[0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266]");
        yield return Case("alloc short address", j => Rekey(j, "0xf39fd6e51aad88f6f4ce6ab8827279cfffb922"), "alloc[0xf39fd6e51aad88f6f4ce6ab8827279cfffb922]");
        yield return Case("alloc address without prefix", j => Rekey(j, "f39fd6e51aad88f6f4ce6ab8827279cfffb92266"), "alloc[f39fd6e51aad88f6f4ce6ab8827279cfffb92266]");
        yield return Case("alloc duplicate address in another case", j => j["alloc"]![Dev0.ToLowerInvariant()] = new JsonObject { ["balance"] = "1" }, "alloc[");
        yield return Case("alloc missing balance", j => j["alloc"]![Dev0] = new JsonObject(), $"alloc[{Dev0}].balance");
        yield return Case("alloc negative balance", j => j["alloc"]![Dev0]!["balance"] = "-5", $"alloc[{Dev0}].balance");
        yield return Case("alloc balance decimal point", j => j["alloc"]![Dev0]!["balance"] = "1.5", $"alloc[{Dev0}].balance");
        yield return Case("alloc unknown account field", j => j["alloc"]![Dev0]!["nonce"] = 1, $"alloc[{Dev0}].nonce");
        yield return Case("missing validators", j => j.Remove("validators"), "validators");
        yield return Case("no validators", j => j["validators"] = new JsonArray(), "validators");
        yield return Case("validator missing address", j => j["validators"]![0]!.AsObject().Remove("address"), "validators[0].address");
        yield return Case("validator bad checksum", j => j["validators"]![0]!["address"] = "0xF39fd6e51aad88F6F4ce6aB8827279cffFb92266", "validators[0].address");
        yield return Case("validator key too short", j => j["validators"]![0]!["publicKey"] = "0x038318535b54105d4a7aae60c08fc45f9687181b4fdfc625bd1a753fa7397fed", "validators[0].publicKey");
        yield return Case("validator key uncompressed prefix", j => j["validators"]![0]!["publicKey"] = "0x048318535b54105d4a7aae60c08fc45f9687181b4fdfc625bd1a753fa7397fed75", "validators[0].publicKey");
        yield return Case("validator key x not a field element", j => j["validators"]![0]!["publicKey"] = "0x02" + new string('f', 64), "validators[0].publicKey");
        // x = 5: 5³ + 7 is a quadratic non-residue mod p, so no curve point has this x.
        yield return Case("validator key not on the curve", j => j["validators"]![0]!["publicKey"] = "0x02" + new string('0', 63) + "5", "validators[0].publicKey");
        yield return Case("validator zero stake", j => j["validators"]![0]!["stake"] = "0", "validators[0].stake");
        yield return Case("validator missing stake", j => j["validators"]![0]!.AsObject().Remove("stake"), "validators[0].stake");
        yield return Case("validator unknown field", j => j["validators"]![0]!["power"] = 1, "validators[0].power");
        yield return Case("duplicate validator", j => j["validators"]!.AsArray().Add(j["validators"]![0]!.DeepClone()), "validators[1].address");
    }

    [TestCaseSource(nameof(MalformedCases))]
    public void Malformed_spec_is_rejected_naming_the_field(Action<JsonObject> mutate, string field)
    {
        JsonObject json = Genesis();
        mutate(json);

        ChainSpecException? e = Assert.Throws<ChainSpecException>(() => ChainSpec.Parse(json.ToJsonString()));
        Assert.That(e!.Field, Does.StartWith(field));
        Assert.That(e.Message, Does.Contain(field));
    }

    [TestCase("{\"chainId\": 1, \"chainId\": 2}", "chainId")]
    [TestCase("not json", "(document)")]
    [TestCase("[1,2]", "(root)")]
    public void Raw_malformed_documents_are_rejected(string json, string field)
    {
        ChainSpecException? e = Assert.Throws<ChainSpecException>(() => ChainSpec.Parse(json));
        Assert.That(e!.Field, Is.EqualTo(field));
    }

    [Test]
    public void Missing_file_is_reported()
    {
        Assert.Throws<ChainSpecException>(() => ChainSpec.Load(System.IO.Path.Combine(System.IO.Path.GetTempPath(), Guid.NewGuid() + ".json")));
    }

    private static TestCaseData Case(string name, Action<JsonObject> mutate, string field) =>
        new TestCaseData(mutate, field).SetName($"Malformed: {name}");

    private static void Rekey(JsonObject json, string newKey)
    {
        JsonObject alloc = json["alloc"]!.AsObject();
        JsonNode value = alloc[Dev0]!.DeepClone();
        alloc.Remove(Dev0);
        alloc[newKey] = value;
    }

    private static JsonObject Genesis() => JsonNode.Parse(RepoGenesis.Json)!.AsObject();
}
