using System.Diagnostics;
using TrustChain.Consensus.Sync;
using TrustChain.Consensus.Tests.Simulation;
using TrustChain.Core.Blocks;

namespace TrustChain.Consensus.Tests.Sync;

public class BlockSyncerTests
{
    private static readonly SyncChain Chain = new(300);

    [Test]
    public async Task Syncs_to_the_best_head_from_several_peers_in_parallel()
    {
        FakeApplication follower = Chain.NewFollower();
        ScriptedSyncPeers peers = new ScriptedSyncPeers(Chain).Honest("a").Honest("b").Honest("c");
        BlockSyncer syncer = Syncer(follower, peers);

        int imported = await syncer.SyncAsync(CancellationToken.None);

        Assert.That(imported, Is.EqualTo(300));
        Assert.That(follower.Head.Hash, Is.EqualTo(Chain.Blocks[^1].Block.Hash));
        Assert.That(peers.Requests.Keys, Is.EquivalentTo(new[] { "a", "b", "c" }), "ranges are spread over the peers");
        Assert.That(peers.BadPeers, Is.Empty);
    }

    private static IEnumerable<TestCaseData> Lies()
    {
        yield return new TestCaseData(new Func<SyncBlock, SyncBlock>(b => b with { Commit = new Commit(b.Commit.Height, 0, b.Commit.BlockHash, b.Commit.Signatures.Take(2).ToList()) }), "not more than 2/3")
            .SetName("Commit with half the stake");
        yield return new TestCaseData(new Func<SyncBlock, SyncBlock>(b => b with { Commit = new Commit(b.Commit.Height, 1, b.Commit.BlockHash, b.Commit.Signatures) }), "does not verify")
            .SetName("Signatures over another round");
        yield return new TestCaseData(new Func<SyncBlock, SyncBlock>(b => b with { Commit = Chain.Blocks[(int)b.Block.Number % 300].Commit }), "commit for block")
            .SetName("Commit of another block");
        yield return new TestCaseData(new Func<SyncBlock, SyncBlock>(b => b with { Block = Chain.Blocks[(int)b.Block.Number % 300].Block }), "where")
            .SetName("Block out of order");
    }

    [TestCaseSource(nameof(Lies))]
    public async Task A_peer_serving_unverifiable_blocks_is_reported_and_others_fill_in(Func<SyncBlock, SyncBlock> tamper, string reason)
    {
        FakeApplication follower = Chain.NewFollower();
        ScriptedSyncPeers peers = new ScriptedSyncPeers(Chain).Tampering("liar", tamper).Honest("honest");
        BlockSyncer syncer = Syncer(follower, peers);

        int imported = 0;
        for (int round = 0; round < 5 && follower.Head.Number < Chain.Head; round++)
        {
            imported += await syncer.SyncAsync(CancellationToken.None);
        }

        Assert.That(follower.Head.Hash, Is.EqualTo(Chain.Blocks[^1].Block.Hash));
        Assert.That(imported, Is.EqualTo(300));
        Assert.That(peers.BadPeers, Is.Not.Empty);
        Assert.That(peers.BadPeers, Has.All.StartsWith("liar: ").And.All.Contains(reason));
    }

    [Test]
    public async Task Failing_peer_ranges_are_retried_elsewhere()
    {
        FakeApplication follower = Chain.NewFollower();
        ScriptedSyncPeers peers = new ScriptedSyncPeers(Chain).Failing("down").Honest("up");

        int imported = await Syncer(follower, peers).SyncAsync(CancellationToken.None);

        Assert.That(imported, Is.EqualTo(300));
        Assert.That(follower.Head.Hash, Is.EqualTo(Chain.Blocks[^1].Block.Hash));
        Assert.That(peers.BadPeers, Is.Empty, "a timeout is not misbehaviour");
    }

    [Test]
    public async Task Without_peers_nothing_is_imported()
    {
        FakeApplication follower = Chain.NewFollower();

        int imported = await Syncer(follower, new ScriptedSyncPeers(Chain)).SyncAsync(CancellationToken.None);

        Assert.That(imported, Is.Zero);
        Assert.That(follower.Head.Number, Is.Zero);
    }

    [Test]
    public async Task Sync_speed_is_reported()
    {
        FakeApplication follower = Chain.NewFollower();
        Stopwatch watch = Stopwatch.StartNew();

        int imported = await Syncer(follower, new ScriptedSyncPeers(Chain).Honest("a").Honest("b")).SyncAsync(CancellationToken.None);

        TestContext.Out.WriteLine($"synced {imported} blocks (4 commit signatures each) in {watch.Elapsed.TotalMilliseconds:0} ms: {imported / watch.Elapsed.TotalSeconds:0} blocks/s");
        Assert.That(imported, Is.EqualTo(300));
    }

    [Test]
    public void Options_are_checked()
    {
        BlockSyncOptions options = new() { ChainId = 1, BatchSize = 0 };
        Assert.That(options.Validate, Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("Batch size"));
        Assert.That((options with { BatchSize = 8, MaxRequestsInFlight = 0 }).Validate, Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    private static BlockSyncer Syncer(FakeApplication follower, ScriptedSyncPeers peers) =>
        new(follower, Chain.Validators, peers, () => follower.Head.Number, new BlockSyncOptions { ChainId = SimNetwork.SimChainId, BatchSize = 16, MaxRequestsInFlight = 4 });
}
