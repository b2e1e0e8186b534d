using TrustChain.Chain.Specs;
using TrustChain.Chain.Tests.Specs;
using TrustChain.Chain.Tests.Validation;
using TrustChain.Chain.TxPool;
using TrustChain.Chain.Validation;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using Pool = TrustChain.Chain.TxPool.TxPool;

namespace TrustChain.Chain.Tests.TxPool;

/// <summary><see cref="Pool.SubmitBatch"/>: the gossip admission path.</summary>
public class TxPoolBatchTests
{
    private const ulong Gwei = TestTx.Gwei;
    private static readonly UInt256 Rich = UInt256.Parse("1000000000000000000000");
    private static readonly PrivateKey[] Keys = [DevKeys.Key0, DevKeys.Key1, DevKeys.Key2, DevKeys.Key3];

    private ChainSpec _spec = null!;
    private TestState _state = null!;

    [OneTimeSetUp]
    public void LoadSpec() => _spec = ChainSpec.Load(RepoGenesis.Path);

    [SetUp]
    public void CreateState()
    {
        _state = new TestState();
        _state.Fund(DevKeys.Address0, Rich).Fund(DevKeys.Address1, Rich).Fund(DevKeys.Address2, Rich).Fund(DevKeys.Address3, Rich);
        _state.Commit();
    }

    [TearDown]
    public void DisposeState() => _state.Dispose();

    [TestCase(8, TestName = "Batch below the parallel threshold")]
    [TestCase(120, TestName = "Batch recovered in parallel")]
    public void A_shuffled_batch_ends_up_as_the_same_pending_set_as_submitting_in_nonce_order(int count)
    {
        Transaction[] inOrder = Transfers(count);
        Transaction[] shuffled = inOrder.Select(t => TestTx.Wire(t)).ToArray();
        new Random(42).Shuffle(shuffled);
        Pool sequential = CreatePool();
        foreach (Transaction tx in inOrder)
        {
            Assert.That(sequential.Submit(tx).Accepted, Is.True);
        }

        Pool batched = CreatePool();
        var announced = new List<Hash256>();
        batched.TransactionAdded += tx => announced.Add(tx.Hash);

        TxPoolSubmitResult[] results = batched.SubmitBatch(shuffled);

        Assert.That(results.Select(r => r.Hash), Is.EqualTo(shuffled.Select(t => t.Hash)), "results follow the input order");
        Assert.That(results.All(r => r.Accepted), Is.True, string.Join("; ", results.Where(r => !r.Accepted)));
        Assert.That(batched.PendingCount, Is.EqualTo(count));
        Assert.That(batched.QueuedCount, Is.Zero, "sender-then-nonce order leaves no gaps behind");
        Assert.That(announced, Is.EquivalentTo(inOrder.Select(t => t.Hash)), "each transaction is announced once");
        Assert.That(batched.SelectForBlock(Gwei, 30_000_000, 1000).Select(t => t.Hash),
            Is.EqualTo(sequential.SelectForBlock(Gwei, 30_000_000, 1000).Select(t => t.Hash)));
    }

    [Test]
    public void Invalid_transactions_are_rejected_and_classified_while_the_rest_are_admitted()
    {
        Transaction good0 = TestTx.Eip1559(DevKeys.Key0, 0, 10 * Gwei, 2 * Gwei);
        Transaction wrongChain = TestTx.Eip1559(DevKeys.Key1, 0, 10 * Gwei, 2 * Gwei, chainId: TestTx.ChainId + 1);
        Transaction tipAboveCap = TestTx.Eip1559(DevKeys.Key2, 0, 2 * Gwei, 3 * Gwei);
        Transaction good1 = TestTx.Eip1559(DevKeys.Key0, 1, 10 * Gwei, 2 * Gwei);
        Transaction broke = TestTx.Eip1559(DevKeys.Derived(7), 0, 10 * Gwei, 2 * Gwei);
        Pool pool = CreatePool();

        TxPoolSubmitResult[] results = pool.SubmitBatch([good0, wrongChain, tipAboveCap, good1, broke]);

        Assert.That(results.Select(r => r.Error), Is.EqualTo(new[]
        {
            TxValidationError.None, TxValidationError.InvalidChainId, TxValidationError.TipAboveFeeCap, TxValidationError.None,
            TxValidationError.InsufficientFunds,
        }));
        Assert.That(results.Select(r => Pool.IsInvalidForChain(r.Error)), Is.EqualTo(new[] { false, true, true, false, false }),
            "only state-independent faults are the peer's");
        Assert.That(pool.GetPending().Select(t => t.Hash), Is.EqualTo(new[] { good0.Hash, good1.Hash }));
    }

    [Test]
    public void Already_pooled_transactions_are_refused_before_their_signatures_are_recovered()
    {
        Transaction tx = TestTx.Eip1559(DevKeys.Key0, 0, 10 * Gwei, 2 * Gwei);
        Pool pool = CreatePool();
        Assert.That(pool.Submit(tx).Accepted, Is.True);
        Transaction again = TestTx.Wire(tx);

        TxPoolSubmitResult[] results = pool.SubmitBatch([again, TestTx.Wire(tx)]);

        Assert.That(results.Select(r => r.Error), Is.EqualTo(new[] { TxValidationError.AlreadyKnown, TxValidationError.AlreadyKnown }));
        Assert.That(again.Sender, Is.Null, "no recovery was spent on a known transaction");
        Assert.That(pool.PendingCount, Is.EqualTo(1));
    }

    [Test]
    public void A_batch_is_no_way_around_the_pool_limits()
    {
        Transaction[] batch = Transfers(20);
        Pool pool = CreatePool(new TxPoolOptions { MaxPending = 10 });

        TxPoolSubmitResult[] results = pool.SubmitBatch(batch);

        // Two senders fill the pending room; the other two lose their first nonce and so only queue the rest.
        Assert.That(pool.PendingCount, Is.EqualTo(10));
        Assert.That(results.Count(r => r.Accepted && r.IsPending), Is.EqualTo(10));
        Assert.That(results.Where(r => !r.Accepted).Select(r => r.Error), Is.EqualTo(new[] { TxValidationError.TxPoolFull, TxValidationError.TxPoolFull }));
        Assert.That(pool.QueuedCount, Is.EqualTo(8));
    }

    [Test]
    public void Senders_of_pooled_transactions_are_filled_in_from_the_pool_and_others_are_left_alone()
    {
        Transaction pooled = TestTx.Eip1559(DevKeys.Key1, 0, 10 * Gwei, 2 * Gwei);
        Pool pool = CreatePool();
        Assert.That(pool.Submit(pooled).Accepted, Is.True);
        Transaction copy = TestTx.Wire(pooled);
        Transaction unknown = TestTx.Eip1559(DevKeys.Key2, 0, 10 * Gwei, 2 * Gwei);

        int filled = pool.FillKnownSenders([copy, unknown]);

        Assert.That(filled, Is.EqualTo(1));
        Assert.That(copy.Sender, Is.EqualTo(DevKeys.Address1));
        Assert.That(unknown.Sender, Is.Null, "a transaction the pool does not hold is left for recovery");
    }

    [Test]
    public void A_null_entry_is_refused_and_nothing_is_admitted()
    {
        Pool pool = CreatePool();

        Assert.That(() => pool.SubmitBatch([TestTx.Eip1559(DevKeys.Key0, 0, 10 * Gwei, 2 * Gwei), null!]),
            Throws.ArgumentException.With.Message.Contains("transaction 1 of the batch is null"));
        Assert.That(pool.PendingCount, Is.Zero);
    }

    /// <summary>Transfers with equal fees, senders taking turns: transaction i is sender i % 4's nonce i / 4.</summary>
    private static Transaction[] Transfers(int count) =>
        Enumerable.Range(0, count).Select(i => TestTx.Eip1559(Keys[i % Keys.Length], (ulong)(i / Keys.Length), 10 * Gwei, 2 * Gwei)).ToArray();

    private Pool CreatePool(TxPoolOptions? options = null) => new(_spec, () => _state.Head, () => Gwei, options);
}
