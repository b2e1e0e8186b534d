using System.Reflection;
using System.Text.Json.Nodes;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.Tests.Blocks;

/// <summary>
/// The genesis hash commits to the parsed system parameters and the prover committee: nodes that disagree on either
/// cannot share a genesis (and so cannot peer), while layout-only differences in genesis.json keep the hash.
/// </summary>
public sealed class GenesisParametersCommitmentTests
{
    private static IEnumerable<TestCaseData> Parameters() =>
        typeof(ChainParameters).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => new TestCaseData(p.Name).SetName($"Every_parameter_reaches_the_genesis_hash({p.Name})"));

    /// <summary>Found by reflection, so a parameter added to ChainParameters but not to the encoding fails here.</summary>
    [TestCaseSource(nameof(Parameters))]
    public void Every_parameter_reaches_the_genesis_hash(string property)
    {
        ChainSpec repo = ChainTestKit.RepoSpec;
        ChainParameters original = new();
        ChainParameters changed = new();
        PropertyInfo info = typeof(ChainParameters).GetProperty(property)!;
        info.SetValue(changed, Bumped(info.GetValue(original)!, property));

        Hash256 before = GenesisBuilder.GenesisParentHash(WithParameters(repo, original));
        Hash256 after = GenesisBuilder.GenesisParentHash(WithParameters(repo, changed));

        Assert.That(after, Is.Not.EqualTo(before));
    }

    [Test]
    public void Parameter_encoding_is_one_item_per_parameter_in_a_single_list()
    {
        byte[] encoded = ChainSpecCommitment.EncodeParameters(ChainParameters.Default);
        int items = 0;
        TrustChain.Core.Rlp.RlpReader reader = new(encoded);
        int end = reader.ReadListHeader();
        while (reader.Position < end)
        {
            reader.SkipItem();
            items++;
        }

        reader.CheckEnd();

        Assert.That(items, Is.EqualTo(typeof(ChainParameters).GetProperties(BindingFlags.Public | BindingFlags.Instance).Length));
    }

    [TestCase("dedupMatch", "5")]
    [TestCase("epochLength", "101")]
    [TestCase("minBaseFee", "\"1000000001\"")]
    [TestCase("palmBandSeed", "\"0x0000000000000000000000000000000000000000000000000000000000000001\"")]
    public void A_changed_parameter_in_genesis_json_changes_the_genesis_hash_but_not_the_state(string key, string jsonValue)
    {
        ChainSpec changed = ChainTestKit.ModifiedSpec(json => json["params"]![key] = JsonNode.Parse(jsonValue));

        using TempChain original = new();
        using TempChain other = new(changed);

        Assert.That(other.Chain.GenesisHash, Is.Not.EqualTo(original.Chain.GenesisHash));
        Assert.That(other.Chain.Head.StateRoot, Is.EqualTo(original.Chain.Head.StateRoot), "only the commitment differs");
    }

    [TestCase("member address")]
    [TestCase("threshold")]
    [TestCase("removed")]
    public void A_changed_prover_committee_changes_the_genesis_hash(string change)
    {
        ChainSpec changed = ChainTestKit.ModifiedSpec(json => EditCommittee(json, change));

        Assert.That(GenesisBuilder.GenesisParentHash(changed), Is.Not.EqualTo(GenesisBuilder.GenesisParentHash(ChainTestKit.RepoSpec)));
        using TempChain original = new();
        using TempChain other = new(changed);
        Assert.That(other.Chain.GenesisHash, Is.Not.EqualTo(original.Chain.GenesisHash));
    }

    /// <summary>The commitment is to parsed values: a default spelled out or left out, key order and hex case are layout.</summary>
    [Test]
    public void Layout_of_genesis_json_does_not_change_the_genesis_hash()
    {
        ChainSpec relaid = ChainTestKit.ModifiedSpec(json =>
        {
            JsonObject parameters = json["params"]!.AsObject();
            Assert.That(parameters["maxValidators"]!.GetValue<int>(), Is.EqualTo(ChainParameters.Default.MaxValidators), "precondition");
            parameters.Remove("maxValidators");
            JsonNode dedup = parameters["dedupMatch"]!;
            parameters.Remove("dedupMatch");
            parameters["dedupMatch"] = dedup;
            JsonObject committee = json["proverCommittee"]!.AsObject();
            committee["publicKey"] = committee["publicKey"]!.GetValue<string>().ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal);
        });

        Assert.That(GenesisBuilder.GenesisParentHash(relaid), Is.EqualTo(GenesisBuilder.GenesisParentHash(ChainTestKit.RepoSpec)));
    }

    [Test]
    public void Data_dir_refuses_to_open_with_other_parameters()
    {
        using TempChain chain = new();
        ChainSpec changed = ChainTestKit.ModifiedSpec(json => json["params"]!["maxOwnersPerTag"] = 255);

        Assert.Throws<GenesisMismatchException>(() => chain.Reopen(changed));
    }

    [Test]
    public void Committee_encoding_distinguishes_no_committee_from_any_committee()
    {
        GenesisProverCommittee empty = new(1, new byte[64], []);

        Assert.That(ChainSpecCommitment.ProverCommitteeHash(null), Is.Not.EqualTo(ChainSpecCommitment.ProverCommitteeHash(empty)));
        Assert.That(ChainSpecCommitment.ProverCommitteeHash(null), Is.EqualTo(Keccak256.Compute([0x80])));
    }

    private static void EditCommittee(JsonObject json, string change)
    {
        JsonObject committee = json["proverCommittee"]!.AsObject();
        switch (change)
        {
            case "member address":
                committee["members"]![2]!["address"] = "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f";
                break;
            case "threshold":
                // Three shares of a line also lie on a parabola through the same key, so t = 3 still parses.
                committee["threshold"] = 3;
                break;
            default:
                json.Remove("proverCommittee");
                break;
        }
    }

    private static ChainSpec WithParameters(ChainSpec repo, ChainParameters parameters) =>
        new(repo.Name, repo.ChainId, repo.GenesisTimestamp, repo.GasLimit, repo.ExtraData, parameters, repo.Alloc, repo.Validators)
        {
            HumanVerificationKeys = repo.HumanVerificationKeys,
            ProverCommittee = repo.ProverCommittee,
        };

    private static object Bumped(object value, string property) => value switch
    {
        int i => i + 1,
        ulong u => u + 1,
        UInt256 u => u + UInt256.One,
        Hash256 h => Keccak256.Compute(System.Text.Encoding.UTF8.GetBytes(property + h)),
        _ => throw new NotSupportedException($"ChainParameters.{property} has type {value.GetType()}, which this test cannot vary"),
    };
}
