using System.Globalization;
using System.Text.Json;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using TrustChain.Node.Cli;
using TrustChain.Node.Dev;
using TrustChain.Node.Hosting.Network;
using static TrustChain.Node.Tests.Testnet.TestnetAwait;

namespace TrustChain.Node.Tests.Testnet;

/// <summary>
/// Three genesis validators and a fourth node run with `--validator` and a key that is not in the genesis set. That
/// account stakes 2,000,000 TRUST (40% of the stake after it joins, so without its votes nothing commits) and must
/// start signing and proposing at the next epoch boundary, where the headers' validatorsHash changes.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class StakingJoinProcessTests
{
    private const ulong ChainId = 7357;
    private const ulong Epoch = 6;

    private static readonly PrivateKey Joiner = DevAccounts.Get(2);

    private LocalTestnet _net = null!;
    private List<TestnetNodeProcess> _nodes = null!;

    [OneTimeSetUp]
    public void StartNetwork()
    {
        _net = LocalTestnet.Init(validators: 3, followers: 1, "--epoch-length", Epoch.ToString(CultureInfo.InvariantCulture));
        _nodes = _net.Nodes;

        string keyFile = Path.Combine(_net.NodeDir(3), "validator.key");
        NodeKeyFile.Write(keyFile, Joiner);
        File.AppendAllLines(_net.ArgsFile(3), ["--validator", "--validator-key", keyFile]);

        foreach (TestnetNodeProcess node in _nodes)
        {
            node.Start();
        }
    }

    [OneTimeTearDown]
    public void StopNetwork() => _net.Dispose();

    [Test]
    public async Task A_key_that_stakes_in_becomes_active_at_the_next_epoch_and_signs()
    {
        await WaitForHeads(_nodes, 1, "the network to start");

        JsonElement hash = await _nodes[0].Rpc.CallAsync("eth_sendRawTransaction", [StakeValidatorTx()]);
        JsonElement receipt = await WaitFor(async () =>
        {
            JsonElement r = await _nodes[0].Rpc.CallAsync("eth_getTransactionReceipt", [hash.GetString()]);
            return r.ValueKind == JsonValueKind.Null ? (JsonElement?)null : r;
        }, "the stake to be committed", _nodes);
        Assert.That(receipt.GetProperty("status").GetString(), Is.EqualTo("0x1"));
        ulong stakedIn = TestnetNodeProcess.Quantity(receipt.GetProperty("blockNumber"));
        ulong boundary = (stakedIn + Epoch - 1) / Epoch * Epoch;

        // With 40% of the stake the newcomer's precommits are needed for every block after the boundary.
        await WaitForHeads(_nodes, boundary + 4, $"four blocks past the epoch boundary {boundary}");
        await AssertSameBlocks(_nodes, boundary + 4);

        JsonElement genesis = await _nodes[0].BlockAsync(0);
        JsonElement atBoundary = await _nodes[0].BlockAsync(boundary);
        JsonElement after = await _nodes[0].BlockAsync(boundary + 1);
        string genesisSet = genesis.GetProperty("validatorsHash").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(atBoundary.GetProperty("validatorsHash").GetString(), Is.EqualTo(genesisSet));
            Assert.That(atBoundary.GetProperty("nextValidatorsHash").GetString(), Is.Not.EqualTo(genesisSet));
            Assert.That(after.GetProperty("validatorsHash").GetString(), Is.EqualTo(atBoundary.GetProperty("nextValidatorsHash").GetString()));
        });

        // Weighted round robin gives it about two blocks in five; waiting for one proves it proposes too.
        ulong proposed = await WaitFor(async () =>
        {
            ulong head = (await _nodes[0].TryHeadAsync()) ?? 0;
            for (ulong n = boundary + 1; n <= head; n++)
            {
                string miner = (await _nodes[0].BlockAsync(n)).GetProperty("miner").GetString()!;
                if (string.Equals(miner, Joiner.Address.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    return (ulong?)n;
                }
            }

            return null;
        }, "a block proposed by the newcomer", _nodes);
        Assert.That(proposed, Is.GreaterThan(boundary));
        Assert.That(_nodes[3].Log, Does.Contain($"as validator {Joiner.Address}"));
    }

    private static string StakeValidatorTx()
    {
        byte[] compressed = new byte[Secp256k1.CompressedPublicKeyLength];
        Assert.That(Secp256k1.TryCompressPublicKey(Joiner.PublicKey, compressed), Is.True);
        Transaction tx = TransactionSigner.Sign(
            new Transaction
            {
                Type = TxType.Eip1559,
                ChainId = ChainId,
                Nonce = 0,
                MaxPriorityFeePerGas = 1_000_000_000UL,
                MaxFeePerGas = 10_000_000_000UL,
                GasLimit = 1_000_000,
                To = SystemContractAddresses.Staking,
                Value = (UInt256)2_000_000UL * (UInt256)ChainParameters.WeiPerTrust,
                Data = StakingAbi.Value.GetFunction("stakeValidator").EncodeCall([compressed]),
            },
            Joiner);
        return Hex.ToHexString(TransactionEncoder.Encode(tx));
    }
}
