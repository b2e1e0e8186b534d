using TrustChain.Consensus.Evidence;
using TrustChain.Consensus.Tendermint;
using TrustChain.Consensus.Tests.Simulation;
using TrustChain.Consensus.Validators;
using TrustChain.Consensus.Wal;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;

namespace TrustChain.Consensus.Tests;

public class WalTests
{
    private const ulong ChainId = 7357;
    private static readonly TimeoutParams Timeouts = new();
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("tc-wal-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Replay_after_crash_rebuilds_round_lock_and_votes()
    {
        PrivateKey[] keys = Enumerable.Range(0, 4).Select(TestKeys.Validator).ToArray();
        StaticValidatorSetProvider provider = new(keys.Select(k => new Validator(k.Address, k.PublicKey.ToArray(), 10)));
        ValidatorSet set = provider.GetValidatorSet(1);
        PrivateKey me = keys.First(k => set.GetProposerForRound(0) != k.Address && set.GetProposerForRound(1) != k.Address);
        PrivateKey[] others = keys.Where(k => k != me).ToArray();
        PrivateKey proposer1 = keys.Single(k => k.Address == set.GetProposerForRound(1));
        string walPath = Path.Combine(_dir, "cs.wal");
        string signState = Path.Combine(_dir, "sign-state.bin");

        TendermintEngine original;
        using (ConsensusWal wal = new(walPath))
        {
            WalOutput output = new(wal);
            original = new TendermintEngine(ChainId, new FakeApplication(ChainId, provider), provider,
                PrivValidator.CreateFileBacked(me, ChainId, signState), output, Timeouts, new VirtualClock());
            original.Start(1);

            Fire(wal, original, new TimeoutInfo(1, 0, ConsensusStep.Propose));
            foreach (PrivateKey k in others)
            {
                Feed(wal, original, MessageCodecTests.SignedVote(k, VoteType.Prevote, 1, 0, null));
            }

            foreach (PrivateKey k in others)
            {
                Feed(wal, original, MessageCodecTests.SignedVote(k, VoteType.Precommit, 1, 0, null));
            }

            Fire(wal, original, new TimeoutInfo(1, 0, ConsensusStep.Precommit));
            Block block = new FakeApplication(ChainId, provider).Propose(1, proposer1.Address, 1000, null).Block;
            byte[] signature = proposer1.Sign(ProposalSignBytes.Compute(ChainId, 1, 1, -1, block.Hash)).ToBytes65();
            Feed(wal, original, new Proposal(1, 1, block, -1, signature));
            foreach (PrivateKey k in others)
            {
                Feed(wal, original, MessageCodecTests.SignedVote(k, VoteType.Prevote, 1, 1, block.Hash));
            }

            Feed(wal, original, MessageCodecTests.SignedVote(others[0], VoteType.Precommit, 1, 1, block.Hash));
            Assert.That((original.Round, original.Step, original.LockedRound, original.ValidRound), Is.EqualTo((1, ConsensusStep.Precommit, 1, 1)));
            Assert.That(output.OwnVotes, Is.EqualTo(4), "prevote nil, precommit nil, prevote block, precommit block");
        }

        // Crash: a new engine, application and signer on the same files.
        WalOutput replayOutput = new(null);
        TendermintEngine restored = new(ChainId, new FakeApplication(ChainId, provider), provider,
            PrivValidator.CreateFileBacked(me, ChainId, signState), replayOutput, Timeouts, new VirtualClock());
        restored.Start(1);
        ConsensusWal.Replay(ConsensusWal.ReadForHeight(walPath, 1), restored);

        Assert.That((restored.Height, restored.Round, restored.Step), Is.EqualTo((original.Height, original.Round, original.Step)));
        Assert.That((restored.LockedRound, restored.LockedValue!.Hash), Is.EqualTo((original.LockedRound, original.LockedValue!.Hash)));
        Assert.That((restored.ValidRound, restored.ValidValue!.Hash), Is.EqualTo((original.ValidRound, original.ValidValue!.Hash)));
        for (int round = 0; round <= 1; round++)
        {
            Assert.That(restored.Votes.Prevotes(round)!.TotalPower, Is.EqualTo(original.Votes.Prevotes(round)!.TotalPower));
            Assert.That(restored.Votes.Precommits(round)!.TotalPower, Is.EqualTo(original.Votes.Precommits(round)!.TotalPower));
        }

        Assert.That(restored.Votes.Precommits(1)!.TryGetVote(me.Address, out Vote mine), Is.True);
        Assert.That(mine.BlockHash, Is.EqualTo(original.LockedValue.Hash));
    }

    [Test]
    public void Torn_tail_is_ignored_and_end_height_bounds_the_replay()
    {
        string path = Path.Combine(_dir, "cs.wal");
        Vote h1 = MessageCodecTests.SignedVote(TestKeys.Validator(0), VoteType.Prevote, 1, 0, null);
        Vote h2 = MessageCodecTests.SignedVote(TestKeys.Validator(0), VoteType.Prevote, 2, 0, null);
        using (ConsensusWal wal = new(path))
        {
            wal.WriteMessage(h1);
            wal.WriteTimeout(new TimeoutInfo(1, 0, ConsensusStep.Propose));
            wal.WriteEndHeight(1);
            wal.WriteMessage(h2);
            wal.WriteTimeout(new TimeoutInfo(2, 3, ConsensusStep.Precommit));
        }

        byte[] full = File.ReadAllBytes(path);
        File.AppendAllBytes(path, full[..20]);
        Assert.That(ConsensusWal.ReadAll(path), Has.Count.EqualTo(5));
        List<WalEntry> height2 = ConsensusWal.ReadForHeight(path, 2);
        Assert.That(height2, Has.Count.EqualTo(2));
        Assert.That(height2[0].Message, Is.EqualTo(h2));
        Assert.That(height2[1].Timeout, Is.EqualTo(new TimeoutInfo(2, 3, ConsensusStep.Precommit)));

        full[12] ^= 0xFF;
        File.WriteAllBytes(path, full);
        Assert.Throws<InvalidDataException>(() => ConsensusWal.ReadAll(path));
    }

    [Test]
    public void Rotation_keeps_disk_use_bounded_and_what_replay_needs()
    {
        string path = Path.Combine(_dir, "cs.wal");
        long[] sizes = new long[3];
        using (ConsensusWal wal = new(path))
        {
            for (ulong height = 1; height <= 300; height++)
            {
                for (int v = 0; v < 4; v++)
                {
                    wal.WriteMessage(MessageCodecTests.SignedVote(TestKeys.Validator(v), VoteType.Precommit, height, 0, null));
                }

                wal.WriteEndHeight(height);
                wal.WriteMessage(MessageCodecTests.SignedVote(TestKeys.Validator(0), VoteType.Prevote, height + 1, 0, null));
                if (height is 10 or 100 or 300)
                {
                    sizes[height == 10 ? 0 : height == 100 ? 1 : 2] = Size(path) + Size(wal.PreviousSegmentPath);
                }
            }
        }

        // Only the encoded height widths differ; without rotation 300 heights would take 30 times the space of 10.
        Assert.That(sizes[1], Is.LessThan(sizes[0] * 2), "segments do not grow with the number of heights");
        Assert.That(sizes[2], Is.LessThan(sizes[0] * 2));
        List<WalEntry> next = ConsensusWal.ReadForHeight(path, 301);
        Assert.That(next, Has.Count.EqualTo(1));
        Assert.That(next[0].Message, Is.TypeOf<Vote>().With.Property(nameof(Vote.Type)).EqualTo(VoteType.Prevote).And.Property(nameof(Vote.Height)).EqualTo(301UL));

        // A crash right after the rename, before the fresh segment has a record, loses nothing replay needs.
        File.WriteAllBytes(path, []);
        Assert.That(ConsensusWal.ReadForHeight(path, 301), Is.Empty);
        Assert.That(ConsensusWal.ReadAll(path)[^1].Kind, Is.EqualTo(WalEntryKind.EndHeight));
        using (ConsensusWal reopened = new(path))
        {
            reopened.WriteMessage(MessageCodecTests.SignedVote(TestKeys.Validator(1), VoteType.Prevote, 301, 0, null));
        }

        Assert.That(ConsensusWal.ReadForHeight(path, 301), Has.Count.EqualTo(1));
    }

    private static long Size(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private static void Feed(ConsensusWal wal, TendermintEngine engine, ConsensusMessage message)
    {
        wal.WriteMessage(message);
        switch (message)
        {
            case Proposal p:
                engine.OnProposal(p);
                break;
            case Vote v:
                engine.OnVote(v);
                break;
        }
    }

    private static void Fire(ConsensusWal wal, TendermintEngine engine, TimeoutInfo timeout)
    {
        wal.WriteTimeout(timeout);
        engine.OnTimeout(timeout);
    }

    /// <summary>Logs our own messages before they would go to the network, as the node's driver does.</summary>
    private sealed class WalOutput(ConsensusWal? wal) : IConsensusOutput
    {
        public int OwnVotes { get; private set; }

        public void Broadcast(ConsensusMessage message)
        {
            wal?.WriteMessage(message);
            OwnVotes += message is Vote ? 1 : 0;
        }

        public void ScheduleTimeout(TimeoutInfo timeout, TimeSpan delay)
        {
        }

        public void BlockCommitted(Block block, Commit commit) => wal?.WriteEndHeight(block.Number);

        public void ReportEvidence(DuplicateVoteEvidence evidence)
        {
        }
    }
}
