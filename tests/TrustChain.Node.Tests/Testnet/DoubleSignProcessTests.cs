using System.Globalization;
using System.Text.Json;
using TrustChain.Chain.Abi;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Node.Cli;
using TrustChain.Node.Tests.Consensus;
using static TrustChain.Node.Tests.Testnet.TestnetAwait;

namespace TrustChain.Node.Tests.Testnet;

/// <summary>
/// The realistic way a validator equivocates: its key runs in two processes with separate data dirs (a failover
/// copy started while the primary is still up), so each instance has its own double-sign guard. Four validators
/// plus a fifth process with node0's validator key; whenever that key proposes, both instances propose their own
/// block (stamped with their own clocks) and prevote it. The honest validators catch the conflicting votes, a
/// proposer includes the evidence, and Staking slashes 5% and tombstones the key, which drops out of the validator
/// set at the next epoch boundary while the others keep committing.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DoubleSignProcessTests
{
    private const ulong Epoch = 4;
    private static readonly UInt256 GenesisStake = TestnetGenerator.ValidatorStake;

    private LocalTestnet _net = null!;
    private List<TestnetNodeProcess> _nodes = null!;
    private Address _equivocator;

    [OneTimeSetUp]
    public void StartNetwork()
    {
        _net = LocalTestnet.Init(validators: 4, followers: 1, "--epoch-length", Epoch.ToString(CultureInfo.InvariantCulture));
        _nodes = _net.Nodes;

        // The fifth node becomes a second signer for node0's validator key.
        string sharedKey = Path.Combine(_net.NodeDir(0), "validator.key");
        string copy = Path.Combine(_net.NodeDir(4), "validator.key");
        File.Copy(sharedKey, copy);
        File.AppendAllLines(_net.ArgsFile(4), ["--validator", "--validator-key", copy]);
        _equivocator = KeyFile.ReadHexKey(sharedKey).Address;

        foreach (TestnetNodeProcess node in _nodes)
        {
            node.Start();
        }
    }

    [OneTimeTearDown]
    public void StopNetwork() => _net.Dispose();

    [Test]
    [Order(1)]
    public async Task Key_running_twice_is_slashed_and_tombstoned_through_evidence_and_the_rest_keep_committing()
    {
        List<TestnetNodeProcess> honest = [.. _nodes.Skip(1).Take(3)];
        TestnetNodeProcess observer = honest[0];
        await WaitForHeads(honest, 1, "the network to start");

        // Evidence for height h can be included at h + 1 at the earliest.
        Assert.That(await ViewBool(observer, "0x1", "isTombstoned", _equivocator), Is.False, "tombstoned in the first block");
        ulong tombstonedAt = await WaitFor(async () =>
            await ViewBool(observer, "latest", "isTombstoned", _equivocator) ? await observer.TryHeadAsync() : null,
            "the double-signer to be tombstoned through evidence", _nodes);

        UInt256 stake = await ViewUInt(observer, "latest", "stakeOf", _equivocator, (byte)StakingRole.Validator);
        bool jailed = await ViewBool(observer, "latest", "isJailed", _equivocator, (byte)StakingRole.Validator);
        bool active = await ViewBool(observer, "latest", "isActive", _equivocator, (byte)StakingRole.Validator);
        Assert.Multiple(() =>
        {
            Assert.That(stake, Is.EqualTo(GenesisStake - (GenesisStake * (UInt256)500UL / (UInt256)10_000UL)), "exactly one 5% slash");
            Assert.That(jailed, Is.True);
            Assert.That(active, Is.False);
        });

        // Past the next epoch boundary the validator set no longer holds the key, and the honest three still commit.
        ulong boundary = (tombstonedAt / Epoch + 1) * Epoch;
        await WaitForHeads(honest, boundary + 3, $"three blocks past the epoch boundary {boundary}");
        await AssertSameBlocks(honest, boundary + 3);
        JsonElement validators = await observer.Rpc.CallAsync("trust_getValidators", ["latest"]);
        string[] addresses = [.. validators.EnumerateArray().Select(v => v.GetProperty("address").GetString()!.ToLowerInvariant())];
        Assert.That(addresses, Has.Length.EqualTo(3));
        Assert.That(addresses, Does.Not.Contain(_equivocator.ToString().ToLowerInvariant()));

        JsonElement after = await observer.BlockAsync(boundary + 2);
        JsonElement before = await observer.BlockAsync(1);
        Assert.That(after.GetProperty("validatorsHash").GetString(), Is.Not.EqualTo(before.GetProperty("validatorsHash").GetString()));
    }

    [Test]
    [Order(2)]
    public async Task Metrics_of_a_running_validator_show_the_consensus_height_round_and_step()
    {
        TestnetNodeProcess validator = _nodes[1];
        await WaitForHeads([validator], 2, "the network to commit");
        ulong headBefore = (await validator.TryHeadAsync())!.Value;
        string metrics = await MetricsScrape.FetchAsync(validator.Node.RpcPort);
        ulong headAfter = (await validator.TryHeadAsync())!.Value;

        double height = MetricsScrape.Sample(metrics, "trustchain_consensus_height");
        Assert.Multiple(() =>
        {
            // The driver works on head + 1; the head moves while we scrape, so bracket it.
            Assert.That(height, Is.InRange((double)headBefore + 1, (double)headAfter + 1));
            Assert.That(MetricsScrape.Sample(metrics, "trustchain_consensus_round"), Is.GreaterThanOrEqualTo(0));
            Assert.That(MetricsScrape.Sample(metrics, "trustchain_consensus_step"), Is.InRange(0, 3));
        });
    }

    private static async Task<byte[]> Call(TestnetNodeProcess node, string block, string function, object?[] args)
    {
        AbiFunction abi = StakingAbi.Value.GetFunction(function);
        JsonElement result = await node.Rpc.CallAsync("eth_call", [new Dictionary<string, object>
        {
            ["to"] = SystemContractAddresses.Staking.ToString(),
            ["data"] = Hex.ToHexString(abi.EncodeCall(args)),
        }, block]);
        return Hex.FromHexString(result.GetString()!);
    }

    private static async Task<bool> ViewBool(TestnetNodeProcess node, string block, string function, params object?[] args) =>
        (bool)StakingAbi.Value.GetFunction(function).DecodeOutput(await Call(node, block, function, args))[0];

    private static async Task<UInt256> ViewUInt(TestnetNodeProcess node, string block, string function, params object?[] args) =>
        (UInt256)StakingAbi.Value.GetFunction(function).DecodeOutput(await Call(node, block, function, args))[0];
}
