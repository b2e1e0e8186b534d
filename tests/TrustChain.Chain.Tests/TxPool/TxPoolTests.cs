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

public class TxPoolTests
{
    private const ulong Gwei = TestTx.Gwei;
    private static readonly UInt256 Rich = UInt256.Parse("1000000000000000000000");

    private ChainSpec _spec = null!;
    private TestState _state = null!;
    private UInt256 _baseFee;

    [OneTimeSetUp]
    public void LoadSpec() => _spec = ChainSpec.Load(RepoGenesis.Path);

    [SetUp]
    public void CreateState()
    {
        _baseFee = Gwei;
        _state = new TestState();
        _state.Fund(DevKeys.Address0, Rich).Fund(DevKeys.Address1, Rich).Fund(DevKeys.Address2, Rich).Fund(DevKeys.Address3, Rich);
        _state.Commit();
    }

    [TearDown]
    public void DisposeState() => _state.Dispose();

    [Test]
    public void Selects_best_effective_tip_first_and_nonce_order_within_a_sender()
    {
        Pool pool = CreatePool();
        Transaction a0 = Accept(pool, TestTx.Eip1559(DevKeys.Key0, 0, 10 * Gwei, 4 * Gwei));
        Transaction a1 = Accept(pool, TestTx.Eip1559(DevKeys.Key0, 1, 10 * Gwei, 5 * Gwei));
        Transaction b0 = Accept(pool, TestTx.Eip1559(DevKeys.Key1, 0, 10 * Gwei, 3 * Gwei));
        Transaction c0 = Accept(pool, TestTx.Eip1559(DevKeys.Key2, 0, 10 * Gwei, 2 * Gwei));
        // Legacy gas price 3.5 gwei at base fee 1 gwei tips 2.5 gwei; the capped type-2 tx tips only 0.5 gwei.
        Transaction e0 = Accept(pool, TestTx.Legacy(DevKeys.Key3, 0, 3_500_000_000UL));
        Transaction d0 = Accept(pool, TestTx.Eip1559(DevKeys.Derived(1), 0, 1_500_000_000UL, Gwei), fund: true);

        IReadOnlyList<Transaction> block = pool.SelectForBlock(Gwei, 30_000_000, 100);

        Assert.That(block.Select(t => t.Hash), Is.EqualTo(new[] { a0, a1, b0, e0, c0, d0 }.Select(t => t.Hash)));
    }

    [Test]
    public void Equal_tips_are_ordered_by_hash()
    {
        Pool pool = CreatePool();
        var txs = new List<Transaction>();
        foreach (PrivateKey key in new[] { DevKeys.Key0, DevKeys.Key1, DevKeys.Key2, DevKeys.Key3 })
        {
            txs.Add(Accept(pool, TestTx.Eip1559(key, 0, 5 * Gwei, 2 * Gwei)));
        }

        IReadOnlyList<Transaction> block = pool.SelectForBlock(Gwei, 30_000_000, 100);

        Assert.That(block.Select(t => t.Hash), Is.EqualTo(txs.Select(t => t.Hash).Order()));
    }

    [Test]
    public void Selection_respects_gas_count_and_base_fee()
    {
        Pool pool = CreatePool();
        Transaction big = Accept(pool, TestTx.Eip1559(DevKeys.Key0, 0, 10 * Gwei, 9 * Gwei, gas: 50_000));
        Accept(pool, TestTx.Eip1559(DevKeys.Key0, 1, 10 * Gwei, 9 * Gwei));
        Transaction small = Accept(pool, TestTx.Eip1559(DevKeys.Key1, 0, 10 * Gwei, 2 * Gwei));
        Transaction cheapCap = Accept(pool, TestTx.Eip1559(DevKeys.Key2, 0, 3 * Gwei, 2 * Gwei));

        // 45,000 gas: the sender whose next tx needs 50,000 is skipped entirely (its nonce 1 depends on it).
        Assert.That(pool.SelectForBlock(Gwei, 45_000, 100).Select(t => t.Hash), Is.EquivalentTo(new[] { small.Hash, cheapCap.Hash }));
        Assert.That(pool.SelectForBlock(Gwei, 30_000_000, 1).Single().Hash, Is.EqualTo(big.Hash));
        // At a 5 gwei base fee the 3 gwei-capped transaction cannot be included.
        Assert.That(pool.SelectForBlock(5 * Gwei, 30_000_000, 100).Select(t => t.Hash), Does.Not.Contain(cheapCap.Hash));
        Assert.That(pool.SelectForBlock(Gwei, 30_000_000, 0), Is.Empty);
    }

    [Test]
    public void Gapped_transactions_are_queued_then_promoted()
    {
        Pool pool = CreatePool();
        var announced = new List<ulong>();
        pool.TransactionAdded += tx => announced.Add(tx.Nonce);

        TxPoolSubmitResult r0 = pool.Submit(TestTx.Eip1559(DevKeys.Key0, 0, 10 * Gwei, Gwei));
        TxPoolSubmitResult r2 = pool.Submit(TestTx.Eip1559(DevKeys.Key0, 2, 10 * Gwei, Gwei));
        TxPoolSubmitResult r3 = pool.Submit(TestTx.Eip1559(DevKeys.Key0, 3, 10 * Gwei, Gwei));

        Assert.That((r0.IsPending, r2.IsPending, r3.IsPending), Is.EqualTo((true, false, false)));
        Assert.That((pool.PendingCount, pool.QueuedCount), Is.EqualTo((1, 2)));
        Assert.That(pool.GetPendingNonce(DevKeys.Address0), Is.EqualTo(1UL));
        Assert.That(announced, Is.EqualTo(new ulong[] { 0 }));
        Assert.That(pool.SelectForBlock(Gwei, 30_000_000, 100), Has.Count.EqualTo(1));

        TxPoolSubmitResult r1 = pool.Submit(TestTx.Eip1559(DevKeys.Key0, 1, 10 * Gwei, Gwei));

        Assert.That(r1.IsPending, Is.True);
        Assert.That((pool.PendingCount, pool.QueuedCount), Is.EqualTo((4, 0)));
        Assert.That(announced, Is.EqualTo(new ulong[] { 0, 1, 2, 3 }));
        Assert.That(pool.GetPendingNonce(DevKeys.Address0), Is.EqualTo(4UL));
        Assert.That(pool.GetPending().Select(t => t.Nonce), Is.EqualTo(new ulong[] { 0, 1, 2, 3 }));
        Assert.That(pool.GetPendingNonce(DevKeys.Address3), Is.EqualTo(0UL));
    }

    [TestCase(11_000_000_000UL, 2_200_000_000UL, true, TestName = "Replacement: +10% fee cap and tip accepted")]
    [TestCase(10_900_000_000UL, 2_200_000_000UL, false, TestName = "Replacement: +9% fee cap rejected")]
    [TestCase(11_000_000_000UL, 2_180_000_000UL, false, TestName = "Replacement: +9% tip rejected")]
    [TestCase(20_000_000_000UL, 2_000_000_000UL, false, TestName = "Replacement: unchanged tip rejected")]
    public void Replacement_requires_a_ten_percent_bump(ulong maxFee, ulong tip, bool accepted)
    {
        Pool pool = CreatePool();
        Transaction original = Accept(pool, TestTx.Eip1559(DevKeys.Key0, 0, 10 * Gwei, 2 * Gwei));

        TxPoolSubmitResult result = pool.Submit(TestTx.Eip1559(DevKeys.Key0, 0, maxFee, tip));

        Assert.That(result.Accepted, Is.EqualTo(accepted));
        if (!accepted)
        {
            Assert.That(result.Error, Is.EqualTo(TxValidationError.ReplacementUnderpriced));
            Assert.That(result.Message, Is.EqualTo("replacement transaction underpriced"));
        }

        Assert.That(pool.TryGet(original.Hash, out _), Is.EqualTo(!accepted));
        Assert.That(pool.TryGet(result.Hash, out _), Is.EqualTo(accepted));
        Assert.That(pool.PendingCount, Is.EqualTo(1));
    }

    [TestCase(11_000_000_000UL, true)]
    [TestCase(10_900_000_000UL, false)]
    public void Legacy_replacement_bumps_the_gas_price(ulong gasPrice, bool accepted)
    {
        Pool pool = CreatePool();
        Accept(pool, TestTx.Legacy(DevKeys.Key1, 0, 10 * Gwei));
        Assert.That(pool.Submit(TestTx.Legacy(DevKeys.Key1, 0, gasPrice)).Accepted, Is.EqualTo(accepted));
    }

    [Test]
    public void Resubmission_is_already_known()
    {
        Pool pool = CreatePool();
        Transaction tx = Accept(pool, TestTx.Eip1559(DevKeys.Key0, 0, 10 * Gwei, Gwei));
        TxPoolSubmitResult again = pool.Submit(TestTx.Wire(tx));
        Assert.That((again.Error, again.Message), Is.EqualTo((TxValidationError.AlreadyKnown, "already known")));
    }

    [Test]
    public void Submit_applies_validation_and_cumulative_funds()
    {
        _state.Fund(DevKeys.Address2, 2 * 21_000 * 10 * Gwei, nonce: 3);
        _state.Commit();
        Pool pool = CreatePool();

        Assert.That(pool.Submit(TestTx.Eip1559(DevKeys.Key2, 2, 10 * Gwei, Gwei)).Error, Is.EqualTo(TxValidationError.NonceTooLow));
        Assert.That(pool.Submit(TestTx.Eip1559(DevKeys.Key2, 3, Gwei / 2, 0)).Error, Is.EqualTo(TxValidationError.FeeCapBelowBaseFee));
        Assert.That(pool.Submit(TestTx.Eip1559(DevKeys.Key2, 3, 10 * Gwei, Gwei, gas: 20_000)).Error, Is.EqualTo(TxValidationError.IntrinsicGasTooLow));
        Accept(pool, TestTx.Eip1559(DevKeys.Key2, 3, 10 * Gwei, Gwei));
        Accept(pool, TestTx.Eip1559(DevKeys.Key2, 4, 10 * Gwei, Gwei));

        TxPoolSubmitResult third = pool.Submit(TestTx.Eip1559(DevKeys.Key2, 5, 10 * Gwei, Gwei));

        Assert.That(third.Error, Is.EqualTo(TxValidationError.InsufficientFunds));
        Assert.That(third.Message, Is.EqualTo(
            "insufficient funds for gas * price + value: balance 420000000000000, queued cost 420000000000000, tx cost 210000000000000, overshot 210000000000000"));
    }

    [Test]
    public void Per_sender_pending_and_queued_are_unlimited_while_the_pool_has_room()
    {
        Pool pool = CreatePool(new TxPoolOptions { MaxPendingPerSender = 4, MaxQueuedPerSender = 2, MaxPending = 100, MaxQueued = 3 });
        for (ulong n = 0; n < 10; n++)
        {
            Assert.That(pool.Submit(TestTx.Eip1559(DevKeys.Key0, n, 10 * Gwei, Gwei)).Accepted, Is.True, $"nonce {n}");
        }

        Assert.That(pool.Submit(TestTx.Eip1559(DevKeys.Key0, 20, 10 * Gwei, Gwei)).Accepted, Is.True, "gapped: queued");
        Assert.That(pool.Submit(TestTx.Eip1559(DevKeys.Key0, 21, 10 * Gwei, Gwei)).Accepted, Is.True, "gapped: queued");
        Assert.That(pool.Submit(TestTx.Eip1559(DevKeys.Key0, 22, 10 * Gwei, Gwei)).Accepted, Is.True, "beyond its queue share: the queue has room");
        Assert.That((pool.PendingCount, pool.QueuedCount), Is.EqualTo((10, 3)));
        TxPoolSubmitResult fourth = pool.Submit(TestTx.Eip1559(DevKeys.Key0, 23, 10 * Gwei, Gwei));
        Assert.That((fourth.Error, fourth.Message), Is.EqualTo((TxValidationError.AccountLimitExceeded, "account limit exceeded: pooled 13 txs")));
        Assert.That((pool.PendingCount, pool.QueuedCount), Is.EqualTo((10, 3)), "nothing changed");
        Assert.That(pool.Submit(TestTx.Eip1559(DevKeys.Key1, 0, 10 * Gwei, Gwei)).Accepted, Is.True, "other senders are unaffected");
    }

    [TestCase(10UL, 1UL, Description = "a cheaper newcomer within its slots still displaces the excess")]
    [TestCase(10UL, 50UL, Description = "a pricier newcomer displaces the excess too")]
    public void Full_pool_takes_room_from_the_sender_furthest_over_its_guaranteed_slots(ulong bigSenderGwei, ulong newcomerGwei)
    {
        Pool pool = CreatePool(new TxPoolOptions { MaxPendingPerSender = 2, MaxPending = 6 });
        var big = new List<Transaction>();
        for (ulong n = 0; n < 5; n++)
        {
            big.Add(Accept(pool, TestTx.Eip1559(DevKeys.Key0, n, bigSenderGwei * Gwei, Gwei)));
        }

        Accept(pool, TestTx.Eip1559(DevKeys.Key1, 0, 10 * Gwei, Gwei));
        Assert.That(pool.PendingCount, Is.EqualTo(6), "full");

        Transaction newcomer = Accept(pool, TestTx.Eip1559(DevKeys.Key2, 0, (newcomerGwei + 1) * Gwei, Gwei));

        Assert.That(pool.TryGet(newcomer.Hash, out _), Is.True);
        Assert.That(pool.TryGet(big[4].Hash, out _), Is.False, "the big sender's highest nonce made room");
        Assert.That(pool.TryGet(big[3].Hash, out _), Is.True);
        Assert.That(pool.PendingCount, Is.EqualTo(6));
    }

    [Test]
    public void Full_pool_refuses_a_sender_already_beyond_its_guaranteed_slots()
    {
        Pool pool = CreatePool(new TxPoolOptions { MaxPendingPerSender = 2, MaxPending = 4 });
        for (ulong n = 0; n < 4; n++)
        {
            Accept(pool, TestTx.Eip1559(DevKeys.Key0, n, 10 * Gwei, Gwei));
        }

        TxPoolSubmitResult fifth = pool.Submit(TestTx.Eip1559(DevKeys.Key0, 4, 100 * Gwei, 50 * Gwei));
        Assert.That(fifth.Error, Is.EqualTo(TxValidationError.AccountLimitExceeded));
        Assert.That(fifth.Message, Does.Contain("pool full and sender holds 4 pending txs (guaranteed 2)"));
        Assert.That(pool.PendingCount, Is.EqualTo(4), "nothing changed");
    }

    [Test]
    public void Full_pending_pool_evicts_the_cheapest_other_sender()
    {
        Pool pool = CreatePool(new TxPoolOptions { MaxPending = 3 });
        Transaction a0 = Accept(pool, TestTx.Eip1559(DevKeys.Key0, 0, 10 * Gwei, Gwei));
        Transaction b0 = Accept(pool, TestTx.Eip1559(DevKeys.Key1, 0, 11 * Gwei, Gwei));
        Transaction c0 = Accept(pool, TestTx.Eip1559(DevKeys.Key2, 0, 12 * Gwei, Gwei));

        Transaction d0 = Accept(pool, TestTx.Eip1559(DevKeys.Key3, 0, 20 * Gwei, Gwei));

        Assert.That(pool.TryGet(a0.Hash, out _), Is.False, "cheapest evicted");
        Assert.That(new[] { b0, c0, d0 }.All(t => pool.TryGet(t.Hash, out _)), Is.True);
        Assert.That(pool.PendingCount, Is.EqualTo(3));

        TxPoolSubmitResult tooCheap = pool.Submit(TestTx.Eip1559(DevKeys.Key3, 1, 5 * Gwei, Gwei));
        Assert.That((tooCheap.Error, tooCheap.Message), Is.EqualTo((TxValidationError.TxPoolFull, "txpool is full")));
        Assert.That(pool.PendingCount, Is.EqualTo(3));
    }

    [Test]
    public void A_sender_never_evicts_its_own_lower_nonces()
    {
        Pool pool = CreatePool(new TxPoolOptions { MaxPending = 2 });
        Transaction a0 = Accept(pool, TestTx.Eip1559(DevKeys.Key0, 0, 2 * Gwei, Gwei));
        Transaction a1 = Accept(pool, TestTx.Eip1559(DevKeys.Key0, 1, 2 * Gwei, Gwei));

        TxPoolSubmitResult a2 = pool.Submit(TestTx.Eip1559(DevKeys.Key0, 2, 50 * Gwei, 10 * Gwei));

        Assert.That(a2.Error, Is.EqualTo(TxValidationError.TxPoolFull));
        Assert.That(pool.TryGet(a0.Hash, out _) && pool.TryGet(a1.Hash, out _), Is.True);
    }

    [Test]
    public void Full_queue_evicts_cheapest_queued_of_another_sender()
    {
        Pool pool = CreatePool(new TxPoolOptions { MaxQueued = 1 });
        Transaction cheap = Accept(pool, TestTx.Eip1559(DevKeys.Key0, 5, 2 * Gwei, Gwei));
        Transaction pricey = Accept(pool, TestTx.Eip1559(DevKeys.Key1, 5, 3 * Gwei, Gwei));

        Assert.That(pool.TryGet(cheap.Hash, out _), Is.False);
        Assert.That(pool.TryGet(pricey.Hash, out _), Is.True);
        Assert.That((pool.PendingCount, pool.QueuedCount), Is.EqualTo((0, 1)));
        Assert.That(pool.Submit(TestTx.Eip1559(DevKeys.Key2, 5, 2 * Gwei, Gwei)).Error, Is.EqualTo(TxValidationError.TxPoolFull));
    }

    [Test]
    public void Block_commit_removes_included_and_stale_promotes_and_drops_unaffordable()
    {
        Pool pool = CreatePool();
        Transaction a0 = Accept(pool, TestTx.Eip1559(DevKeys.Key0, 0, 10 * Gwei, Gwei));
        Transaction a1 = Accept(pool, TestTx.Eip1559(DevKeys.Key0, 1, 10 * Gwei, Gwei));
        Transaction a2 = Accept(pool, TestTx.Eip1559(DevKeys.Key0, 2, 10 * Gwei, Gwei));
        Transaction a4 = Accept(pool, TestTx.Eip1559(DevKeys.Key0, 4, 10 * Gwei, Gwei));
        Transaction b0 = Accept(pool, TestTx.Eip1559(DevKeys.Key1, 0, 10 * Gwei, Gwei));
        Transaction b1 = Accept(pool, TestTx.Eip1559(DevKeys.Key1, 1, 10 * Gwei, Gwei));
        Transaction c0 = Accept(pool, TestTx.Eip1559(DevKeys.Key2, 0, 10 * Gwei, Gwei));
        Assert.That((pool.PendingCount, pool.QueuedCount), Is.EqualTo((6, 1)));
        var announced = new List<Hash256>();
        pool.TransactionAdded += tx => announced.Add(tx.Hash);

        // The block ran a0, a1, a nonce-2 and a nonce-3 tx of sender 0 that this pool never saw, and b0, which
        // (with a large value) left sender 1 unable to pay for b1.
        Transaction a2Elsewhere = TestTx.Eip1559(DevKeys.Key0, 2, 30 * Gwei, 2 * Gwei);
        Transaction a3Elsewhere = TestTx.Eip1559(DevKeys.Key0, 3, 30 * Gwei, 2 * Gwei);
        _state.Fund(DevKeys.Address0, Rich, nonce: 4).Fund(DevKeys.Address1, 1000, nonce: 1);
        pool.OnBlockCommitted([a0, a1, a2Elsewhere, a3Elsewhere, b0], _state.Commit(), 2 * Gwei);

        Assert.That(pool.TryGet(a0.Hash, out _) || pool.TryGet(b0.Hash, out _), Is.False, "included");
        Assert.That(pool.TryGet(a2.Hash, out _), Is.False, "stale nonce");
        Assert.That(pool.TryGet(b1.Hash, out _), Is.False, "unaffordable");
        Assert.That(pool.GetPending().Select(t => t.Hash), Is.EquivalentTo(new[] { a4.Hash, c0.Hash }));
        Assert.That((pool.PendingCount, pool.QueuedCount), Is.EqualTo((2, 0)));
        Assert.That(announced, Is.EqualTo(new[] { a4.Hash }));
        Assert.That(pool.GetPendingNonce(DevKeys.Address0), Is.EqualTo(5UL));
    }

    [Test]
    public void New_head_without_transactions_rechecks_every_sender()
    {
        Pool pool = CreatePool();
        Accept(pool, TestTx.Eip1559(DevKeys.Key0, 0, 10 * Gwei, Gwei));
        Transaction c0 = Accept(pool, TestTx.Eip1559(DevKeys.Key2, 0, 10 * Gwei, Gwei));
        Transaction c1 = Accept(pool, TestTx.Eip1559(DevKeys.Key2, 1, 10 * Gwei, Gwei));

        _state.Fund(DevKeys.Address0, Rich, nonce: 1).Fund(DevKeys.Address2, 0);
        pool.OnNewHead(_state.Commit(), Gwei);

        Assert.That(pool.TryGet(c0.Hash, out _) || pool.TryGet(c1.Hash, out _), Is.False);
        Assert.That((pool.PendingCount, pool.QueuedCount), Is.EqualTo((0, 0)));
        Assert.That(pool.GetPendingNonce(DevKeys.Address0), Is.EqualTo(1UL));
    }

    [Test]
    public void Submission_after_an_unreported_head_change_resyncs_the_sender()
    {
        Pool pool = CreatePool();
        Accept(pool, TestTx.Eip1559(DevKeys.Key0, 0, 10 * Gwei, Gwei));
        Accept(pool, TestTx.Eip1559(DevKeys.Key0, 2, 10 * Gwei, Gwei));
        Assert.That((pool.PendingCount, pool.QueuedCount), Is.EqualTo((1, 1)));

        _state.Fund(DevKeys.Address0, Rich, nonce: 2);
        _state.Commit();
        Accept(pool, TestTx.Eip1559(DevKeys.Key0, 3, 10 * Gwei, Gwei));

        Assert.That(pool.GetPending().Select(t => t.Nonce), Is.EqualTo(new ulong[] { 2, 3 }));
        Assert.That((pool.PendingCount, pool.QueuedCount), Is.EqualTo((2, 0)));
    }

    [Test]
    public void Base_fee_from_block_commit_is_used_when_no_provider_is_given()
    {
        var pool = new Pool(_spec, () => _state.Head);
        Accept(pool, TestTx.Eip1559(DevKeys.Key0, 0, 2 * Gwei, Gwei));
        pool.OnNewHead(_state.Head, 3 * Gwei);
        Assert.That(pool.Submit(TestTx.Eip1559(DevKeys.Key1, 0, 2 * Gwei, Gwei)).Error, Is.EqualTo(TxValidationError.FeeCapBelowBaseFee));
        Assert.That(pool.PendingCount, Is.EqualTo(1), "pooled transactions wait for the base fee to fall");
    }

    [TestCase(0, 64, 10_000, 2_000)]
    [TestCase(64, -1, 10_000, 2_000)]
    [TestCase(64, 64, 0, 2_000)]
    public void Invalid_options_are_rejected(int pendingPerSender, int queuedPerSender, int maxPending, int maxQueued)
    {
        var options = new TxPoolOptions { MaxPendingPerSender = pendingPerSender, MaxQueuedPerSender = queuedPerSender, MaxPending = maxPending, MaxQueued = maxQueued };
        Assert.Throws<ArgumentException>(() => CreatePool(options));
    }

    [Test]
    public void Concurrent_submissions_of_ten_thousand_transactions()
    {
        const int senders = 100;
        const int perSender = 100;
        var keys = Enumerable.Range(0, senders).Select(DevKeys.Derived).ToArray();
        foreach (PrivateKey key in keys)
        {
            _state.Fund(key.Address, Rich);
        }

        _state.Commit();
        var txs = new Transaction[senders * perSender];
        Parallel.For(0, senders, s =>
        {
            for (int n = 0; n < perSender; n++)
            {
                txs[s * perSender + n] = TestTx.Eip1559(keys[s], (ulong)n, (ulong)(6 + s % 7) * Gwei, (ulong)(1 + n % 5) * Gwei);
            }
        });
        Pool pool = CreatePool(new TxPoolOptions { MaxPendingPerSender = perSender });

        var watch = System.Diagnostics.Stopwatch.StartNew();
        int rejected = 0;
        string? firstError = null;
        // Each worker submits whole senders in nonce order, so every transaction lands in pending.
        Parallel.For(0, senders, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, s =>
        {
            for (int n = 0; n < perSender; n++)
            {
                TxPoolSubmitResult result = pool.Submit(txs[s * perSender + n]);
                if (!result.Accepted)
                {
                    Interlocked.CompareExchange(ref firstError, result.ToString(), null);
                    Interlocked.Increment(ref rejected);
                }
            }
        });
        watch.Stop();
        TestContext.Out.WriteLine($"submitted {txs.Length} txs in {watch.ElapsedMilliseconds} ms ({txs.Length / watch.Elapsed.TotalSeconds:F0}/s, incl. sender recovery)");

        Assert.That(rejected, Is.Zero, firstError);
        Assert.That(pool.PendingCount, Is.EqualTo(txs.Length));

        watch.Restart();
        IReadOnlyList<Transaction> block = pool.SelectForBlock(Gwei, 30_000_000, 10_000);
        watch.Stop();
        TestContext.Out.WriteLine($"selected {block.Count} txs in {watch.ElapsedMilliseconds} ms");
        Assert.That(block, Has.Count.EqualTo(30_000_000 / 21_000));
        AssertNonceOrderPerSender(block);
        Assert.That(watch.ElapsedMilliseconds, Is.LessThan(2_000));
    }

    private static void AssertNonceOrderPerSender(IReadOnlyList<Transaction> block)
    {
        var next = new Dictionary<Address, ulong>();
        foreach (Transaction tx in block)
        {
            ulong expected = next.GetValueOrDefault(tx.Sender!.Value);
            Assert.That(tx.Nonce, Is.EqualTo(expected));
            next[tx.Sender!.Value] = expected + 1;
        }
    }

    private Pool CreatePool(TxPoolOptions? options = null) => new(_spec, () => _state.Head, () => _baseFee, options);

    private Transaction Accept(Pool pool, Transaction tx, bool fund = false)
    {
        if (fund)
        {
            // Derived keys have no genesis balance; fund them through a committed state change.
            _state.Fund(Recover(tx), Rich);
            _state.Commit();
        }

        TxPoolSubmitResult result = pool.Submit(tx);
        Assert.That(result.Accepted, Is.True, result.ToString());
        return tx;
    }

    private static Address Recover(Transaction tx) =>
        SenderRecovery.TryRecover(TestTx.Wire(tx)) ?? throw new InvalidOperationException("unrecoverable test transaction");
}
