using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustChain.Chain.Specs;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Network;
using TrustChain.Node.Config;
using TrustChain.Node.Hosting;
using TrustChain.Node.Hosting.Network;

namespace TrustChain.Node.Cli;

/// <summary>
/// Writes a local multi-validator network: a genesis (the dev genesis' parameters and funded dev accounts, with the
/// generated validators staked equally), and per node a data dir initialised with it, a node key, a validator key
/// (validators only) and an args file with the run flags: 127.0.0.1, consecutive ports, every other node a persistent
/// peer pinned by node id.
/// </summary>
public static class TestnetGenerator
{
    public const string ArgsFileName = "node.args";

    /// <summary>Stake of each generated validator: 1,000,000 TRUST.</summary>
    public static readonly UInt256 ValidatorStake = (UInt256)1_000_000UL * (UInt256)ChainParameters.WeiPerTrust;

    public static TestnetLayout Generate(TestnetSettings settings, string templateGenesisPath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        string root = Path.GetFullPath(settings.OutputDir);
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new DataDirException($"{root} is not empty; testnet init writes a fresh network into an empty or new directory.");
        }

        Directory.CreateDirectory(root);
        int count = settings.Validators + settings.Followers;
        PrivateKey[] nodeKeys = new PrivateKey[count];
        PrivateKey[] validatorKeys = new PrivateKey[settings.Validators];
        for (int i = 0; i < count; i++)
        {
            nodeKeys[i] = PrivateKey.Generate();
        }

        for (int i = 0; i < settings.Validators; i++)
        {
            validatorKeys[i] = PrivateKey.Generate();
        }

        string genesisPath = Path.Combine(root, "genesis.json");
        File.WriteAllText(genesisPath, BuildGenesis(settings, templateGenesisPath, validatorKeys));

        List<TestnetNode> nodes = [];
        for (int i = 0; i < count; i++)
        {
            string dataDir = Path.Combine(root, $"node{i}");
            NodeInitializer.Initialize(genesisPath, dataDir);
            string nodeKeyFile = Path.Combine(dataDir, "nodekey");
            NodeKeyFile.Write(nodeKeyFile, nodeKeys[i]);
            int p2pPort = settings.BaseP2PPort + i;
            int rpcPort = settings.BaseRpcPort + i;
            List<string> args =
            [
                "run",
                "--datadir", dataDir,
                "--node-key", nodeKeyFile,
                "--p2p-addr", "127.0.0.1",
                "--p2p-port", p2pPort.ToString(CultureInfo.InvariantCulture),
                "--rpc-port", rpcPort.ToString(CultureInfo.InvariantCulture),
                "--persistent-peers", PeersOf(i, nodeKeys, settings.BaseP2PPort),
            ];
            Address? validator = null;
            if (i < settings.Validators)
            {
                string keyFile = Path.Combine(dataDir, "validator.key");
                NodeKeyFile.Write(keyFile, validatorKeys[i]);
                args.AddRange(["--validator", "--validator-key", keyFile]);
                validator = validatorKeys[i].Address;
            }

            string argsFile = Path.Combine(dataDir, ArgsFileName);
            File.WriteAllLines(argsFile, args);
            nodes.Add(new TestnetNode(i, dataDir, argsFile, p2pPort, rpcPort, NodeId.FromPrivateKey(nodeKeys[i]).ToHexString(), validator));
        }

        return new TestnetLayout(genesisPath, nodes);
    }

    private static string PeersOf(int self, PrivateKey[] nodeKeys, int baseP2PPort)
    {
        List<string> peers = [];
        for (int j = 0; j < nodeKeys.Length; j++)
        {
            if (j != self)
            {
                peers.Add($"{NodeId.FromPrivateKey(nodeKeys[j]).ToHexString()}@127.0.0.1:{baseP2PPort + j}");
            }
        }

        return string.Join(',', peers);
    }

    private static string BuildGenesis(TestnetSettings settings, string templatePath, PrivateKey[] validatorKeys)
    {
        JsonObject genesis = JsonNode.Parse(File.ReadAllText(templatePath))?.AsObject()
            ?? throw new ConfigException($"template genesis {templatePath} is not a JSON object.");
        genesis["name"] = $"trustchain-testnet-{validatorKeys.Length}";
        JsonObject parameters = genesis["params"]?.AsObject() ?? [];
        genesis["params"] = parameters;
        if (settings.TimeoutCommitMs is { } commit)
        {
            parameters["timeoutCommitMs"] = commit;
        }

        if (settings.TimeoutProposeMs is { } propose)
        {
            parameters["timeoutProposeMs"] = propose;
        }

        if (settings.TimeoutVoteMs is { } vote)
        {
            parameters["timeoutPrevoteMs"] = vote;
            parameters["timeoutPrecommitMs"] = vote;
        }

        if (settings.EpochLength is { } epoch)
        {
            parameters["epochLength"] = epoch;
        }

        JsonArray validators = [];
        Span<byte> compressed = stackalloc byte[Secp256k1.CompressedPublicKeyLength];
        foreach (PrivateKey key in validatorKeys)
        {
            if (!Secp256k1.TryCompressPublicKey(key.PublicKey, compressed))
            {
                throw new InvalidOperationException("could not compress a freshly generated public key");
            }

            validators.Add(new JsonObject
            {
                ["address"] = key.Address.ToString(),
                ["publicKey"] = Hex.ToHexString(compressed),
                ["stake"] = ValidatorStake.ToString(),
            });
        }

        genesis["validators"] = validators;
        return genesis.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
