using System.Numerics;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Execution;
using TrustChain.Chain.Tests.Execution;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Consensus;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;

namespace TrustChain.Chain.Tests.Blocks;

[TestFixture]
public sealed class BlockchainTests
{
    private static BlockchainOptions WithPing()
    {
        BlockchainOptions options = new();
        options.SystemContracts.Register(new PingContract());
        return options;
    }

    [Test]
    public void Genesis_has_the_alloc_as_state_and_the_floor_base_fee()
    {
        using TempChain t = new();
        BlockHeader genesis = t.Chain.Head;
        Assert.Multiple(() =>
        {
            Assert.That(genesis.Number, Is.EqualTo(0));
            Assert.That(genesis.Timestamp, Is.EqualTo(1767225600000));
            Assert.That(genesis.BaseFeePerGas, Is.EqualTo((UInt256)Gwei));
            Assert.That(genesis.GasLimit, Is.EqualTo(30_000_000));
            Assert.That(t.Chain.HeadState.GetAccount(Key0.Address).Balance, Is.EqualTo(UInt256.Parse("10000000000000000000000000")));
            Assert.That(t.Chain.GetBlock(0)!.Hash, Is.EqualTo(t.Chain.GenesisHash));
            Assert.That(t.Chain.Store.GenesisHash, Is.EqualTo(genesis.Hash));
        });
    }

    [Test]
    public void Committed_transfers_are_readable_by_block_transaction_and_receipt()
    {
        using TempChain t = new();
        Transaction a = Transfer(Key1, 0, 100);
        Transaction b = LegacyTransfer(Key2, 0, 200, 3);
        ExecutedBlock built = t.Produce(a, b);

        Block stored = t.Chain.GetBlock(1)!;
        IReadOnlyList<TxReceipt> receipts = t.Chain.GetReceipts(stored.Hash)!;
        TransactionLookup found = t.Chain.GetTransaction(b.Hash)!;
        Assert.Multiple(() =>
        {
            Assert.That(t.Chain.Head.Hash, Is.EqualTo(built.Block.Hash));
            Assert.That(stored.Transactions.Select(x => x.Hash), Is.EqualTo(new[] { a.Hash, b.Hash }));
            Assert.That(stored.Transactions[1].Sender, Is.EqualTo(Key2.Address));
            Assert.That(receipts.Select(r => r.CumulativeGasUsed), Is.EqualTo(new ulong[] { 21_000, 42_000 }));
            Assert.That(receipts[1].EffectiveGasPrice, Is.EqualTo((UInt256)(3 * Gwei)));
            Assert.That(receipts[1].BlockHash, Is.EqualTo(stored.Hash));
            Assert.That(receipts.All(r => r.StatusCode == 1), Is.True);
            Assert.That(found.BlockNumber, Is.EqualTo(1));
            Assert.That(found.Index, Is.EqualTo(1));
            Assert.That(found.Transaction.Hash, Is.EqualTo(b.Hash));
            Assert.That(t.Chain.GetReceipt(a.Hash)!.TxIndex, Is.EqualTo(0));
            Assert.That(stored.Header.TransactionsRoot, Is.EqualTo(MerkleRoots.Compute([a.Hash, b.Hash])));
            Assert.That(stored.Header.GasUsed, Is.EqualTo(42_000));
            Assert.That(t.Chain.HeadState.GetAccount(Recipient).Balance,
                Is.EqualTo(UInt256.Parse("10000000000000000000000000") + 300));
            Assert.That(t.Chain.GetTransaction(Keccak(1)), Is.Null);
        });
    }

    [Test]
    public void Builder_skips_non_includable_candidates()
    {
        using TempChain t = new();
        ExecutedBlock built = t.Produce(Transfer(Key1, 5, 1), Transfer(PoorKey, 0, 1), Transfer(Key1, 0, 1));
        Assert.Multiple(() =>
        {
            Assert.That(built.Block.Transactions, Has.Count.EqualTo(1));
            Assert.That(built.Block.Transactions[0].Nonce, Is.EqualTo(0));
            Assert.That(built.Execution.Skipped, Is.EqualTo(2));
        });
    }

    [Test]
    public void Roots_recomputed_by_an_independent_node_equal_the_builders()
    {
        using TempChain producer = new(options: WithPing);
        using TempChain follower = new(options: WithPing);
        for (ulong n = 0; n < 3; n++)
        {
            ExecutedBlock built = producer.Produce(
                Transfer(Key1, 2 * n, 1000 + n),
                Transfer(Key1, 2 * n + 1, 0, to: PingContract.ContractAddress, gas: 50_000, data: [0x01]),
                Transfer(Key2, n, 0, to: PingContract.ContractAddress, gas: 50_000, data: [0xFF]));
            Block received = BlockDecoder.Decode(BlockEncoder.Encode(built.Block));

            ExecutedBlock replayed = follower.Chain.ProcessBlock(received);
            follower.Chain.Commit(received, CommitFor(received));

            Assert.That(replayed.Execution.StateRoot, Is.EqualTo(built.Block.Header.StateRoot));
            Assert.That(replayed.Execution.ReceiptsRoot, Is.EqualTo(built.Block.Header.ReceiptsRoot));
        }

        Assert.Multiple(() =>
        {
            Assert.That(follower.Chain.Head.Hash, Is.EqualTo(producer.Chain.Head.Hash));
            Assert.That(PingContract.Count(follower.Chain.HeadState), Is.EqualTo(3));
            Assert.That(follower.Chain.GetReceipts(follower.Chain.Head.Hash)![2].StatusCode, Is.EqualTo(0));
        });
    }

    [Test]
    public void Reopen_resumes_at_the_same_head_and_state()
    {
        using TempChain t = new();
        for (ulong n = 0; n < 5; n++)
        {
            t.Produce(Transfer(Key1, n, 10 + n), Transfer(Key2, n, 20 + n));
        }

        BlockHeader head = t.Chain.Head;
        UInt256 balance = t.Chain.HeadState.GetAccount(Recipient).Balance;
        t.Reopen();

        Assert.Multiple(() =>
        {
            Assert.That(t.Chain.Head.Hash, Is.EqualTo(head.Hash));
            Assert.That(t.Chain.Head.StateRoot, Is.EqualTo(head.StateRoot));
            Assert.That(t.Chain.HeadState.GetAccount(Recipient).Balance, Is.EqualTo(balance));
            Assert.That(t.Chain.HeadState.GetAccount(Key1.Address).Nonce, Is.EqualTo(5));
            Assert.That(t.Chain.GetBlock(3)!.Header.Number, Is.EqualTo(3));
        });

        t.Produce(Transfer(Key1, 5, 1));
        Assert.That(t.Chain.Head.Number, Is.EqualTo(6));
    }

    [Test]
    public void Reopen_with_a_different_genesis_is_refused()
    {
        using TempChain t = new();
        t.Produce(Transfer(Key1, 0, 1));
        var other = ModifiedSpec(json => json["timestamp"] = 1767225600001);
        Assert.Throws<GenesisMismatchException>(() => t.Reopen(other));
    }

    [Test]
    public void Base_fee_follows_eip1559_from_block_fullness_and_never_drops_below_the_floor()
    {
        // Gas limit 84,000: target 42,000 = two transfers.
        using TempChain t = new(ModifiedSpec(json => json["gasLimit"] = 84_000));
        int[] transfersPerBlock = [4, 4, 2, 3, 0, 0, 0, 1];
        BigInteger expected = Gwei;
        BigInteger peak = 0;
        ulong nonce = 0;
        foreach (int count in transfersPerBlock)
        {
            Transaction[] txs = new Transaction[count];
            for (int i = 0; i < count; i++)
            {
                txs[i] = Transfer(Key1, nonce++, 1, maxFeeGwei: 10, tipGwei: 1);
            }

            Assert.That(t.Chain.NextBaseFee.ToBigInteger(), Is.EqualTo(expected));
            ExecutedBlock built = t.Produce(txs);
            Assert.That(built.Block.Header.BaseFeePerGas.ToBigInteger(), Is.EqualTo(expected));
            peak = BigInteger.Max(peak, expected);

            BigInteger gasUsed = count * 21_000;
            BigInteger target = 42_000;
            expected += gasUsed > target
                ? BigInteger.Max(1, expected * (gasUsed - target) / target / 8)
                : -(expected * (target - gasUsed) / target / 8);
            expected = BigInteger.Max(expected, Gwei);
        }

        Assert.That(t.Chain.NextBaseFee.ToBigInteger(), Is.EqualTo(expected));
        Assert.That(peak, Is.EqualTo(BigInteger.Parse("1344726562")), "1 gwei × 9/8 × 9/8 × 17/16, truncated at each step");
        Assert.That(expected, Is.EqualTo((BigInteger)Gwei), "three empty blocks bring it back down to the floor, which holds");
    }

    [Test]
    public void Consensus_interface_proposes_validates_and_commits_with_the_last_commit_linked()
    {
        using TempChain producer = new();
        using TempChain follower = new();
        IBlockApplication app = producer.Chain;
        IBlockApplication peer = follower.Chain;
        Commit? previous = null;
        for (ulong height = 1; height <= 3; height++)
        {
            // At height 3 no commit is passed: the producer must fall back to the one stored with block 2.
            BlockProposal proposal = app.Propose(height, Proposer, producer.Chain.Head.Timestamp + 500, height == 3 ? null : previous);
            Assert.That(peer.Validate(proposal.Block, out string? error), Is.True, error);
            Commit commit = CommitFor(proposal.Block);
            app.Commit(proposal.Block, commit);
            peer.Commit(proposal.Block, commit);
            Assert.That(proposal.Block.Header.LastCommitHash, Is.EqualTo(previous?.Hash ?? Hash256.Zero));
            previous = commit;
        }

        Assert.Multiple(() =>
        {
            Assert.That(follower.Chain.Head.Hash, Is.EqualTo(producer.Chain.Head.Hash));
            Assert.That(producer.Chain.GetBlock(3)!.LastCommit!.BlockHash, Is.EqualTo(producer.Chain.GetBlock(2)!.Hash));
            Assert.Throws<InvalidOperationException>(() => app.Propose(7, Proposer, producer.Chain.Head.Timestamp + 500, null));
        });
    }

    [Test]
    public void Block_committed_event_and_pool_see_the_block()
    {
        using TempChain t = new();
        TrustChain.Chain.TxPool.TxPool pool = new(t.Spec, () => t.Chain.HeadState, () => t.Chain.NextBaseFee);
        t.Chain.TxPool = pool;
        Transaction tx = Transfer(Key1, 0, 1);
        Assert.That(pool.Submit(tx).ToString(), Is.Not.Null);
        Block? seen = null;
        t.Chain.BlockCommitted += (block, receipts) => seen = block;

        ExecutedBlock built = t.Chain.BuildBlock(Proposer, t.Chain.Head.Timestamp + 1000, null);
        t.Chain.Commit(built.Block, CommitFor(built.Block), built);

        Assert.Multiple(() =>
        {
            Assert.That(built.Block.Transactions.Select(x => x.Hash), Is.EqualTo(new[] { tx.Hash }));
            Assert.That(seen?.Hash, Is.EqualTo(built.Block.Hash));
            Assert.That(pool.PendingCount, Is.EqualTo(0));
        });
    }

    private static Hash256 Keccak(int i) => TrustChain.Core.Crypto.Keccak256.Compute(BitConverter.GetBytes(i));
}
