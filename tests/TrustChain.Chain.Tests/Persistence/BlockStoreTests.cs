using TrustChain.Chain.Blocks;
using TrustChain.Chain.Persistence;
using TrustChain.Chain.Tests.Blocks;
using TrustChain.Core;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;

namespace TrustChain.Chain.Tests.Persistence;

[TestFixture]
public sealed class BlockStoreTests
{
    [Test]
    public void Committing_a_block_that_does_not_extend_the_head_is_refused_and_writes_nothing()
    {
        using TempChain t = new();
        ExecutedBlock first = t.Chain.BuildBlock(Proposer, t.Chain.Head.Timestamp + 1000, null, [Transfer(Key1, 0, 1)]);
        ExecutedBlock sibling = t.Chain.BuildBlock(Proposer, t.Chain.Head.Timestamp + 2000, null, [Transfer(Key2, 0, 1)]);
        t.Chain.Commit(first.Block, CommitFor(first.Block), first);

        Assert.Throws<InvalidOperationException>(() => t.Chain.Store.Commit(sibling.Block, sibling.Receipts, null, sibling.State));
        Assert.Multiple(() =>
        {
            Assert.That(t.Chain.Head.Hash, Is.EqualTo(first.Block.Hash));
            Assert.That(t.Chain.Store.GetTransactionLocation(sibling.Block.Transactions[0].Hash), Is.Null);
            Assert.That(t.Chain.GetBlock(sibling.Block.Hash), Is.Null);
        });
    }

    [Test]
    public void Commit_for_another_block_is_refused()
    {
        using TempChain t = new();
        ExecutedBlock built = t.Chain.BuildBlock(Proposer, t.Chain.Head.Timestamp + 1000, null, []);
        var wrong = new TrustChain.Core.Blocks.Commit(1, 0, Hash256.Zero, []);
        Assert.Throws<ArgumentException>(() => t.Chain.Commit(built.Block, wrong, built));
        Assert.That(t.Chain.Head.Number, Is.EqualTo(0));
    }

    [Test]
    public void Old_state_is_pruned_beyond_the_state_history_while_recent_roots_stay_readable()
    {
        using TempChain t = new(ModifiedSpec(json => json["params"]!["stateHistory"] = 3));
        List<Hash256> roots = [t.Chain.Head.StateRoot];
        for (ulong n = 0; n < 6; n++)
        {
            roots.Add(t.Produce(Transfer(Key1, n, 1)).Block.Header.StateRoot);
        }

        Assert.Multiple(() =>
        {
            for (int n = 4; n <= 6; n++)
            {
                Assert.That(t.Chain.GetState(roots[n]).GetAccount(Key1.Address).Nonce, Is.EqualTo((ulong)n), $"root of block {n}");
            }

            Assert.That(() => t.Chain.GetState(roots[2]), Throws.TypeOf<TrustChain.Chain.State.StateRootNotFoundException>());
            Assert.That(t.Chain.StateDatabase.OldestRetainedVersion, Is.EqualTo(4));
        });
    }

    [Test]
    public void Reads_of_unknown_items_return_null()
    {
        using TempChain t = new();
        Hash256 unknown = TrustChain.Core.Crypto.Keccak256.Compute("nope"u8);
        Assert.Multiple(() =>
        {
            Assert.That(t.Chain.GetBlock(1), Is.Null);
            Assert.That(t.Chain.GetBlock(unknown), Is.Null);
            Assert.That(t.Chain.GetHeader(unknown), Is.Null);
            Assert.That(t.Chain.GetReceipts(unknown), Is.Null);
            Assert.That(t.Chain.GetReceipt(unknown), Is.Null);
            Assert.That(t.Chain.Store.GetCommit(0), Is.Null);
        });
    }

    [Test]
    public void Stored_commit_and_head_survive_a_reopen()
    {
        using TempChain t = new();
        ExecutedBlock built = t.Produce(Transfer(Key1, 0, 1));
        t.Reopen();
        Assert.Multiple(() =>
        {
            Assert.That(t.Chain.Store.Head!.Hash, Is.EqualTo(built.Block.Hash));
            Assert.That(t.Chain.Store.GetCommit(1)!.Hash, Is.EqualTo(CommitFor(built.Block).Hash));
            Assert.That(t.Chain.Store.GetCanonicalHash(1), Is.EqualTo(built.Block.Hash));
        });
    }
}
