using System.Text.Json;
using System.Text.Json.Nodes;
using TrustChain.Biometrics.Oprf;
using TrustChain.Chain.Specs;
using TrustChain.Core;
using TrustChain.Node.Config;

namespace TrustChain.Node.Prover;

/// <summary>
/// The public OPRF committee: normally genesis.json's proverCommittee (<see cref="FromSpec"/>, DESIGN §3.5), which
/// `trustchain prover keygen` emits as prover-committee.genesis.json. The committee.json form
/// <c>{"threshold": t, "publicKey": "0x…64 bytes", "members": [{"index": 1, "publicShare": "0x…", "prover": "0x…"|null, "url": "http://…"|null}]}</c>
/// remains for --committee overrides: a committee that is not (yet) in the chain's genesis, e.g. a test dealing on the dev chain.
/// </summary>
public sealed class ProverCommittee
{
    public ProverCommittee(int threshold, byte[] publicKey, IReadOnlyList<ProverCommitteeMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        Members = members.ToArray();
        // Validates threshold, points and indices.
        Oprf = new OprfCommittee(threshold, publicKey, Members.Select(m => new OprfCommitteeMember(m.Index, m.PublicShare)).ToArray());
    }

    public OprfCommittee Oprf { get; }

    public int Threshold => Oprf.Threshold;

    public IReadOnlyList<ProverCommitteeMember> Members { get; }

    public static ProverCommittee FromDealing(OprfDealing dealing, IReadOnlyList<Address>? provers = null, IReadOnlyList<string>? urls = null)
    {
        ArgumentNullException.ThrowIfNull(dealing);
        var members = new ProverCommitteeMember[dealing.Committee.Members.Count];
        for (int i = 0; i < members.Length; i++)
        {
            OprfCommitteeMember member = dealing.Committee.Members[i];
            members[i] = new ProverCommitteeMember(member.Index, member.PublicShare, provers?[i], urls?[i]);
        }

        return new ProverCommittee(dealing.Committee.Threshold, dealing.Committee.PublicKey, members);
    }

    /// <summary>The chain's genesis committee; a <see cref="ConfigException"/> when its genesis has none.</summary>
    public static ProverCommittee FromSpec(ChainSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        GenesisProverCommittee genesis = spec.ProverCommittee
            ?? throw new ConfigException($"the genesis of chain {spec.Name} (id {spec.ChainId}) has no proverCommittee section; add the one `trustchain prover keygen` wrote, or pass --committee FILE.");
        var members = new ProverCommitteeMember[genesis.Members.Count];
        for (int i = 0; i < members.Length; i++)
        {
            GenesisProverCommitteeMember member = genesis.Members[i];
            members[i] = new ProverCommitteeMember(member.Index, member.PublicShare, member.Address, null);
        }

        return new ProverCommittee(genesis.Threshold, genesis.PublicKey, members);
    }

    /// <summary>
    /// The genesis.json section <c>"proverCommittee": {threshold, publicKey, members: [{address, publicShare}]}</c>
    /// (members in index order 1..n, as the spec parser numbers them). Needs every member's prover account.
    /// </summary>
    public JsonObject ToGenesisSection()
    {
        JsonArray members = [];
        for (int i = 0; i < Members.Count; i++)
        {
            ProverCommitteeMember member = Members[i];
            if (member.Index != i + 1)
            {
                throw new ConfigException($"genesis numbers committee members 1..n in order; member {member.Index} is at position {i + 1}.");
            }

            Address prover = member.Prover ?? throw new ConfigException($"member {member.Index} has no prover account; genesis needs one per member (--provers).");
            members.Add(new JsonObject { ["address"] = prover.ToString(), ["publicShare"] = Hex.ToHexString(member.PublicShare) });
        }

        return new JsonObject
        {
            ["threshold"] = Threshold,
            ["publicKey"] = Hex.ToHexString(Oprf.PublicKey),
            ["members"] = members,
        };
    }

    public ProverCommitteeMember GetMember(int index) =>
        Members.FirstOrDefault(m => m.Index == index) ?? throw new ConfigException($"member {index} is not in the OPRF committee (members: {string.Join(", ", Members.Select(m => m.Index))}).");

    public static ProverCommittee Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"cannot read committee file {path}: {e.Message}", e);
        }

        return Parse(text, path);
    }

    public static ProverCommittee Parse(string json, string source)
    {
        try
        {
            JsonObject root = JsonNode.Parse(json)?.AsObject() ?? throw new ConfigException($"{source}: the committee file must be a JSON object.");
            int threshold = root["threshold"]?.GetValue<int>() ?? throw new ConfigException($"{source}: missing threshold.");
            byte[] publicKey = Point(root["publicKey"], $"{source}: publicKey");
            JsonArray members = root["members"]?.AsArray() ?? throw new ConfigException($"{source}: missing members.");
            List<ProverCommitteeMember> list = [];
            foreach (JsonNode? node in members)
            {
                JsonObject member = node?.AsObject() ?? throw new ConfigException($"{source}: members[{list.Count}] must be an object.");
                int index = member["index"]?.GetValue<int>() ?? throw new ConfigException($"{source}: members[{list.Count}] has no index.");
                string? prover = member["prover"]?.GetValue<string>();
                Address? account = null;
                if (prover is not null)
                {
                    account = Address.TryParse(prover, out Address parsed) ? parsed : throw new ConfigException($"{source}: member {index} prover '{prover}' is not an address.");
                }

                list.Add(new ProverCommitteeMember(index, Point(member["publicShare"], $"{source}: member {index} publicShare"), account, member["url"]?.GetValue<string>()));
            }

            return new ProverCommittee(threshold, publicKey, list);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new ConfigException($"{source}: invalid committee file: {e.Message}", e);
        }
    }

    public string ToJson()
    {
        JsonArray members = [];
        foreach (ProverCommitteeMember member in Members)
        {
            members.Add(new JsonObject
            {
                ["index"] = member.Index,
                ["publicShare"] = Hex.ToHexString(member.PublicShare),
                ["prover"] = member.Prover?.ToString(),
                ["url"] = member.Url,
            });
        }

        JsonObject root = new()
        {
            ["threshold"] = Threshold,
            ["publicKey"] = Hex.ToHexString(Oprf.PublicKey),
            ["members"] = members,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static byte[] Point(JsonNode? node, string what)
    {
        string text = node?.GetValue<string>() ?? throw new ConfigException($"{what} is missing.");
        byte[] bytes = Hex.FromHexString(text);
        return CurvePoint.IsValid(bytes) ? bytes : throw new ConfigException($"{what} is not a 64-byte secp256k1 point.");
    }
}
