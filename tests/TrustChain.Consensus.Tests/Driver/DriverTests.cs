using System.Diagnostics;
using TrustChain.Consensus.Driver;
using TrustChain.Consensus.Tendermint;
using TrustChain.Consensus.Tests.Simulation;
using TrustChain.Consensus.Validators;
using TrustChain.Consensus.Wal;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;

namespace TrustChain.Consensus.Tests.Driver;

[Parallelizable(ParallelScope.None)]
public class DriverTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private string _root = null!;
    private List<DriverNode> _nodes = null!;
    private StaticValidatorSetProvider _validators = null!;

    [SetUp]
    public void SetUp()
    {
        _root = Path.Combine(Path.GetTempPath(), "tc-driver-" + Guid.NewGuid().ToString("N"));
        PrivateKey[] keys = [.. Enumerable.Range(0, 4).Select(TestKeys.Validator)];
        _validators = new StaticValidatorSetProvider(keys.Select(k => new Validator(k.Address, k.PublicKey.ToArray(), 10)));
        LoopbackHub hub = new();
        _nodes = [.. keys.Select((k, i) => new DriverNode(hub, i, k, _validators, Path.Combine(_root, $"node{i}")))];
    }

    [TearDown]
    public async Task TearDown()
    {
        foreach (DriverNode node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    public async Task Four_drivers_commit_one_chain_in_real_time()
    {
        _nodes.ForEach(n => n.Start());
        await WaitUntil(() => _nodes.All(n => n.Committed.Count >= 6), "all four to commit 6 blocks");

        AssertOneChain(_nodes, upTo: 6);
        Assert.That(_nodes.SelectMany(n => n.Faults), Is.Empty);
        Assert.That(_nodes.SelectMany(n => n.Evidence), Is.Empty, "honest drivers must never look like double-signers");
    }

    [Test]
    public async Task Three_of_four_keep_committing_and_two_of_four_stall()
    {
        _nodes.ForEach(n => n.Start());
        await WaitUntil(() => _nodes.All(n => n.Committed.Count >= 2), "the network to start");

        _nodes[3].Endpoint.Connected = false;
        ulong before = _nodes[0].Application.Head.Number;
        await WaitUntil(() => _nodes[0].Application.Head.Number >= before + 3, "three validators to go on");

        _nodes[2].Endpoint.Connected = false;
        await Task.Delay(300);
        ulong stalledAt = _nodes.Take(2).Max(n => n.Application.Head.Number);
        await Task.Delay(1500);
        Assert.That(_nodes.Take(2).Max(n => n.Application.Head.Number), Is.EqualTo(stalledAt), "half the stake must not commit");

        _nodes[2].Endpoint.Connected = true;
        await WaitUntil(() => _nodes.Take(3).All(n => n.Application.Head.Number >= stalledAt + 2), "progress once a third validator is back");
        AssertOneChain(_nodes.Take(3).ToList(), upTo: stalledAt + 2);
    }

    [Test]
    public async Task Restarted_validator_replays_its_wal_catches_up_and_signs_on_without_equivocating()
    {
        _nodes.ForEach(n => n.Start());
        await WaitUntil(() => _nodes.All(n => n.Committed.Count >= 3), "the network to start");

        DriverNode restarted = _nodes[3];
        restarted.Endpoint.Connected = false;
        await restarted.StopAsync();
        List<WalEntry> wal = ConsensusWal.ReadAll(restarted.WalPath);
        ulong lastEnded = wal.Where(e => e.Kind == WalEntryKind.EndHeight).Max(e => e.Height);
        Assert.That(lastEnded, Is.EqualTo(restarted.Application.Head.Number), "every committed height is marked in the WAL");

        await WaitUntil(() => _nodes[0].Application.Head.Number >= restarted.Application.Head.Number + 3, "the others to move on");

        // What block sync does: import the missed blocks with their commits, then start consensus on the new head.
        foreach ((Block block, Commit commit) in _nodes[0].Application.Committed.ToArray())
        {
            if (block.Number == restarted.Application.Head.Number + 1)
            {
                restarted.Application.Commit(block, commit);
                restarted.Committed[block.Number] = block;
            }
        }

        restarted.Endpoint.Connected = true;
        restarted.Start();
        ulong target = restarted.Application.Head.Number + 3;
        await WaitUntil(() => _nodes.All(n => n.Application.Head.Number >= target), "all four to commit past the restart");

        AssertOneChain(_nodes, upTo: target);
        Assert.That(_nodes.SelectMany(n => n.Evidence), Is.Empty);
        Assert.That(restarted.Faults, Is.Empty);
    }

    [Test]
    public async Task A_message_two_heights_ahead_is_reported_as_falling_behind()
    {
        _nodes[0].Start();
        await WaitUntil(() => _nodes[0].Driver!.Height == 1, "the driver to start");
        Vote ahead = SignedPrevote(_nodes[1].Key, height: 5);

        _nodes[0].Endpoint.Inject("node1", ConsensusMessageCodec.Encode(ahead));

        await WaitUntil(() => !_nodes[0].BehindReports.IsEmpty, "a fell-behind report");
        Assert.That(_nodes[0].BehindReports.Single(), Is.EqualTo(5UL));
    }

    [TestCase(new byte[0], TestName = "Empty consensus message")]
    [TestCase(new byte[] { 9, 1, 2 }, TestName = "Unknown consensus message kind")]
    [TestCase(new byte[] { 2, 0xc0 }, TestName = "Malformed vote body")]
    public async Task Undecodable_peer_message_reports_the_peer_and_changes_nothing(byte[] payload)
    {
        _nodes[0].Start();
        await WaitUntil(() => _nodes[0].Driver!.Height == 1, "the driver to start");

        _nodes[0].Endpoint.Inject("node2", payload);

        await WaitUntil(() => !_nodes[0].Endpoint.BadPeerReports.IsEmpty, "a bad-peer report");
        Assert.That(_nodes[0].Endpoint.BadPeerReports.Single(), Does.StartWith("node2: "));
        Assert.That(_nodes[0].Driver!.Height, Is.EqualTo(1UL));
    }

    [Test]
    public void Options_are_checked()
    {
        ConsensusDriverOptions options = new() { ChainId = 1, Timeouts = DriverNode.FastTimeouts, WalPath = Path.Combine(_root, "w"), BehindThreshold = 1 };
        Assert.That(options.Validate, Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("one height behind is caught up by gossip"));
        Assert.That((options with { BehindThreshold = 2, GossipInterval = TimeSpan.Zero }).Validate, Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    private static Vote SignedPrevote(PrivateKey key, ulong height)
    {
        Hash256 signBytes = VoteSignBytes.Compute(SimNetwork.SimChainId, height, 0, Hash256.Zero, VoteType.Prevote);
        return new Vote(VoteType.Prevote, height, 0, null, key.Address, key.Sign(signBytes).ToBytes65());
    }

    private static void AssertOneChain(IReadOnlyList<DriverNode> nodes, ulong upTo)
    {
        // The head moves before the driver raises BlockCommitted, so a node may be at the height without having
        // recorded it yet; wait for the records (bounded) before comparing.
        Stopwatch watch = Stopwatch.StartNew();
        while (!nodes.All(n => n.Committed.ContainsKey(upTo)) && watch.Elapsed < Deadline)
        {
            Thread.Sleep(20);
        }

        for (ulong height = 1; height <= upTo; height++)
        {
            Hash256[] hashes = [.. nodes.Select(n => n.Committed[height].Hash).Distinct()];
            Assert.That(hashes, Has.Length.EqualTo(1), $"nodes disagree at height {height}");
        }
    }

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        Stopwatch watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > Deadline)
            {
                Assert.Fail($"timed out after {Deadline.TotalSeconds} s waiting for {what}");
            }

            await Task.Delay(20);
        }
    }
}
