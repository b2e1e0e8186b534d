using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Chain.Validation;
using TrustChain.Core;
using TrustChain.Core.Transactions;
using TransactionValidator = TrustChain.Chain.Validation.TransactionValidator;

namespace TrustChain.Chain.TxPool;

/// <summary>
/// Thread-safe mempool. Per sender, transactions contiguous from the state nonce are pending and selectable for
/// blocks; the rest are queued until the gap closes. As in geth, per-sender pending limits only bite when the pool
/// is full: then each sender keeps its guaranteed slots and the excess of the largest senders goes first. Signature recovery and stateless
/// checks run before the lock so submissions from many threads scale.
/// </summary>
public sealed class TxPool
{
    // Below this many transactions a batch is recovered on the calling thread (as BlockProcessor does).
    private const int ParallelRecoveryThreshold = 32;

    private readonly Lock _lock = new();
    private readonly TxPoolOptions _options;
    private readonly TransactionValidator _validator;
    private readonly Func<IStateReader> _headState;
    private readonly Func<UInt256>? _currentBaseFee;
    private readonly Dictionary<Hash256, PoolEntry> _byHash = new();
    private readonly Dictionary<Address, SenderTransactions> _senders = new();
    private readonly SortedSet<PoolEntry> _pendingTails = new(PoolEntryPriceComparer.Instance);
    private readonly SortedSet<PoolEntry> _queuedTails = new(PoolEntryPriceComparer.Instance);
    private UInt256 _baseFee;
    private int _pendingCount;
    private int _queuedCount;

    /// <param name="headState">State of the chain head; read on every submission.</param>
    /// <param name="currentBaseFee">Base fee of the next block; when null, the value passed to
    /// <see cref="OnBlockCommitted"/>/<see cref="OnNewHead"/> is used (initially the genesis base fee).</param>
    public TxPool(ChainSpec spec, Func<IStateReader> headState, Func<UInt256>? currentBaseFee = null, TxPoolOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(headState);
        _options = options ?? TxPoolOptions.Default;
        _options.Validate();
        _validator = new TransactionValidator(spec, _options.AllowUnprotectedTransactions);
        _headState = headState;
        _currentBaseFee = currentBaseFee;
        _baseFee = FeeMarket.GenesisBaseFee(spec.Parameters);
    }

    /// <summary>Raised (outside the pool lock) for each transaction that becomes pending, new or promoted.</summary>
    public event Action<Transaction>? TransactionAdded;

    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                return _pendingCount;
            }
        }
    }

    public int QueuedCount
    {
        get
        {
            lock (_lock)
            {
                return _queuedCount;
            }
        }
    }

    public TxPoolSubmitResult Submit(Transaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        TxValidationResult stateless = _validator.ValidateStateless(tx);
        if (!stateless.IsValid)
        {
            return TxPoolSubmitResult.Rejected(tx.Hash, stateless);
        }

        Address sender = tx.Sender!.Value;
        var promoted = new List<PoolEntry>();
        TxPoolSubmitResult result;
        lock (_lock)
        {
            result = AddLocked(tx, sender, promoted);
        }

        Announce(promoted);
        return result;
    }

    /// <summary>
    /// Admits many transactions at once (a gossip batch): already-pooled ones are skipped before the expensive part,
    /// signatures are recovered on all cores, and the rest go in under one lock in sender-then-nonce order, so a
    /// sender's consecutive nonces become pending together whatever order the batch had. Results are in input order.
    /// </summary>
    public TxPoolSubmitResult[] SubmitBatch(IReadOnlyList<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        int count = transactions.Count;
        var results = new TxPoolSubmitResult[count];
        var decided = new bool[count];
        lock (_lock)
        {
            for (int i = 0; i < count; i++)
            {
                Transaction tx = transactions[i] ?? throw new ArgumentException($"transaction {i} of the batch is null", nameof(transactions));
                if (_byHash.ContainsKey(tx.Hash))
                {
                    results[i] = TxPoolSubmitResult.Rejected(tx.Hash, TxValidationError.AlreadyKnown, "already known");
                    decided[i] = true;
                }
            }
        }

        if (count >= ParallelRecoveryThreshold)
        {
            Parallel.For(0, count, i => ValidateStatelessInto(transactions, i, results, decided));
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                ValidateStatelessInto(transactions, i, results, decided);
            }
        }

        int admissible = 0;
        var order = new int[count];
        for (int i = 0; i < count; i++)
        {
            if (!decided[i])
            {
                order[admissible++] = i;
            }
        }

        Array.Sort(order, 0, admissible, Comparer<int>.Create((a, b) =>
        {
            int bySender = transactions[a].Sender!.Value.CompareTo(transactions[b].Sender!.Value);
            if (bySender != 0)
            {
                return bySender;
            }

            int byNonce = transactions[a].Nonce.CompareTo(transactions[b].Nonce);
            return byNonce != 0 ? byNonce : a.CompareTo(b);
        }));

        var promoted = new List<PoolEntry>();
        var promotedByOne = new List<PoolEntry>();
        lock (_lock)
        {
            for (int k = 0; k < admissible; k++)
            {
                int i = order[k];
                Transaction tx = transactions[i];
                promotedByOne.Clear();
                results[i] = AddLocked(tx, tx.Sender!.Value, promotedByOne);
                promoted.AddRange(promotedByOne);
            }

            // A later transaction of the batch may have displaced an earlier one's promotion.
            promoted.RemoveAll(e => !e.IsPending || !_byHash.ContainsKey(e.Hash));
        }

        Announce(promoted);
        return results;
    }

    /// <summary>
    /// Sets the sender of each transaction that has none but is pooled under the same hash. The hash covers the whole
    /// signed encoding, so the pooled transaction's recovered sender is this one's too: a proposed block's
    /// transactions, already recovered when they were gossiped, then cost no second recovery. Returns how many were set.
    /// </summary>
    public int FillKnownSenders(IReadOnlyList<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        int filled = 0;
        lock (_lock)
        {
            for (int i = 0; i < transactions.Count; i++)
            {
                Transaction tx = transactions[i];
                if (tx.Sender is null && _byHash.TryGetValue(tx.Hash, out PoolEntry? entry))
                {
                    tx.Sender = entry.Sender;
                    filled++;
                }
            }
        }

        return filled;
    }

    /// <summary>
    /// Rejections no honest node would relay: the transaction itself is malformed for this chain, whatever the state.
    /// Gossip charges the peer for these; state-dependent ones (nonce, funds, fees, pool limits) are normal.
    /// Unprotected legacy transactions are not included: a peer configured to allow them may relay them.
    /// </summary>
    public static bool IsInvalidForChain(TxValidationError error) => error is
        TxValidationError.InvalidChainId or TxValidationError.TxTypeNotSupported or TxValidationError.OversizedData
        or TxValidationError.IntrinsicGasTooLow or TxValidationError.GasLimitExceeded or TxValidationError.TipAboveFeeCap
        or TxValidationError.ContractCreationNotSupported or TxValidationError.InvalidSender or TxValidationError.NonceMax;

    public bool TryGet(Hash256 hash, out Transaction? tx)
    {
        lock (_lock)
        {
            if (_byHash.TryGetValue(hash, out PoolEntry? entry))
            {
                tx = entry.Tx;
                return true;
            }
        }

        tx = null;
        return false;
    }

    /// <summary>Next nonce the sender should use: state nonce plus its nonce-contiguous pooled transactions.</summary>
    public ulong GetPendingNonce(Address address)
    {
        lock (_lock)
        {
            if (_senders.TryGetValue(address, out SenderTransactions? list))
            {
                return list.StateNonce + (ulong)list.ContiguousCount;
            }
        }

        return _headState().GetAccount(address).Nonce;
    }

    /// <summary>All pending transactions, by sender address then nonce.</summary>
    public IReadOnlyList<Transaction> GetPending()
    {
        lock (_lock)
        {
            var senders = new SenderTransactions[_senders.Count];
            _senders.Values.CopyTo(senders, 0);
            Array.Sort(senders, static (a, b) => a.Sender.CompareTo(b.Sender));
            var result = new List<Transaction>(_pendingCount);
            foreach (SenderTransactions list in senders)
            {
                IList<PoolEntry> values = list.ByNonce.Values;
                for (int i = 0; i < list.PendingCount; i++)
                {
                    result.Add(values[i].Tx);
                }
            }

            return result;
        }
    }

    /// <summary>
    /// Pending transactions for a block at <paramref name="baseFee"/>: best effective tip first across senders,
    /// nonce order within a sender, ties broken by hash. A sender whose next transaction does not fit the remaining
    /// gas or whose fee cap is below the base fee contributes nothing further (later nonces depend on it).
    /// </summary>
    public IReadOnlyList<Transaction> SelectForBlock(UInt256 baseFee, ulong gasLimit, int maxCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var selected = new List<Transaction>(Math.Min(maxCount, 1024));
        lock (_lock)
        {
            var heap = new PriorityQueue<(SenderTransactions List, int Index), SelectionKey>(SelectionKeyComparer.Instance);
            foreach (SenderTransactions list in _senders.Values)
            {
                if (list.PendingCount > 0)
                {
                    Enqueue(heap, list, 0, baseFee);
                }
            }

            ulong remaining = gasLimit;
            while (selected.Count < maxCount && heap.TryDequeue(out (SenderTransactions List, int Index) cursor, out _))
            {
                PoolEntry entry = cursor.List.ByNonce.Values[cursor.Index];
                if (entry.Tx.GasLimit > remaining)
                {
                    continue;
                }

                selected.Add(entry.Tx);
                remaining -= entry.Tx.GasLimit;
                if (cursor.Index + 1 < cursor.List.PendingCount)
                {
                    Enqueue(heap, cursor.List, cursor.Index + 1, baseFee);
                }
            }
        }

        return selected;
    }

    /// <summary>
    /// After a block: drops included and stale (nonce below state) transactions and those the sender can no longer
    /// afford, promotes queued transactions whose gap closed, and adopts the next base fee.
    /// </summary>
    public void OnBlockCommitted(IReadOnlyList<Transaction> included, IStateReader newHead, UInt256 nextBaseFee)
    {
        ArgumentNullException.ThrowIfNull(included);
        ArgumentNullException.ThrowIfNull(newHead);
        var promoted = new List<PoolEntry>();
        lock (_lock)
        {
            _baseFee = nextBaseFee;
            for (int i = 0; i < included.Count; i++)
            {
                if (_byHash.TryGetValue(included[i].Hash, out PoolEntry? entry))
                {
                    RemoveEntry(entry);
                }
            }

            // Only a sender's own transactions change its nonce or spend its balance, so a block is handled by
            // re-reading the senders it contains; a head change without transactions (sync) re-reads everyone.
            foreach (SenderTransactions list in SendersToResync(included))
            {
                Resync(list, newHead.GetAccount(list.Sender), promoted);
            }

            EnforceGlobalLimits(protectedSender: null);
            promoted.RemoveAll(e => !e.IsPending || !_byHash.ContainsKey(e.Hash));
        }

        Announce(promoted);
    }

    /// <summary>Re-checks the pool against a new head when no block transactions are known (e.g. after sync).</summary>
    public void OnNewHead(IStateReader newHead, UInt256 nextBaseFee) => OnBlockCommitted([], newHead, nextBaseFee);

    private List<SenderTransactions> SendersToResync(IReadOnlyList<Transaction> included)
    {
        var result = new List<SenderTransactions>();
        if (included.Count == 0)
        {
            result.AddRange(_senders.Values);
            return result;
        }

        var seen = new HashSet<Address>();
        for (int i = 0; i < included.Count; i++)
        {
            // Block transactions normally carry their sender from execution; recover it if a caller passes bare ones.
            Address? sender = included[i].Sender ?? SenderRecovery.TryRecover(included[i]);
            if (sender is { } known && seen.Add(known) && _senders.TryGetValue(known, out SenderTransactions? list))
            {
                result.Add(list);
            }
        }

        return result;
    }

    private void ValidateStatelessInto(IReadOnlyList<Transaction> transactions, int i, TxPoolSubmitResult[] results, bool[] decided)
    {
        if (decided[i])
        {
            return;
        }

        Transaction tx = transactions[i];
        TxValidationResult stateless = _validator.ValidateStateless(tx);
        if (!stateless.IsValid)
        {
            results[i] = TxPoolSubmitResult.Rejected(tx.Hash, stateless);
            decided[i] = true;
        }
    }

    private static void Enqueue(
        PriorityQueue<(SenderTransactions, int), SelectionKey> heap, SenderTransactions list, int index, in UInt256 baseFee)
    {
        PoolEntry entry = list.ByNonce.Values[index];
        if (FeeMarket.TryGetEffectiveTip(entry.Tx, baseFee, out UInt256 tip))
        {
            heap.Enqueue((list, index), new SelectionKey(tip, entry.Hash));
        }
    }

    private TxPoolSubmitResult AddLocked(Transaction tx, Address sender, List<PoolEntry> promoted)
    {
        Hash256 hash = tx.Hash;
        if (_byHash.ContainsKey(hash))
        {
            return TxPoolSubmitResult.Rejected(hash, TxValidationError.AlreadyKnown, "already known");
        }

        Account account = _headState().GetAccount(sender);
        UInt256 baseFee = _currentBaseFee?.Invoke() ?? _baseFee;
        TxValidationResult stateful = _validator.ValidateStateful(tx, sender, account, baseFee);
        if (!stateful.IsValid)
        {
            return TxPoolSubmitResult.Rejected(hash, stateful);
        }

        if (_senders.TryGetValue(sender, out SenderTransactions? list) && list.StateNonce != account.Nonce)
        {
            Resync(list, account, promoted);
            _senders.TryGetValue(sender, out list);
        }

        list ??= new SenderTransactions(sender, account.Nonce);
        var entry = new PoolEntry(tx, sender, TransactionValidator.MaxCost(tx, out _));
        list.ByNonce.TryGetValue(tx.Nonce, out PoolEntry? existing);
        if (existing is not null && !IsSufficientBump(existing, entry))
        {
            return TxPoolSubmitResult.Rejected(
                hash, TxValidationError.ReplacementUnderpriced, "replacement transaction underpriced");
        }

        UInt256 spent = list.TotalCost(existing?.Nonce, out bool spentOverflow);
        if (spentOverflow || UInt256.AddOverflow(spent, entry.Cost, out UInt256 need) || need > account.Balance)
        {
            System.Numerics.BigInteger overshot = spent.ToBigInteger() + entry.Cost.ToBigInteger() - account.Balance.ToBigInteger();
            return TxPoolSubmitResult.Rejected(hash, TxValidationError.InsufficientFunds,
                $"insufficient funds for gas * price + value: balance {account.Balance}, queued cost {spent}, tx cost {entry.Cost}, overshot {overshot}");
        }

        if (existing is null)
        {
            bool wouldBePending = tx.Nonce == list.StateNonce + (ulong)list.ContiguousCount;
            // The queue follows the same slot model: gapped nonces beyond the per-sender share are kept while the
            // global queue has room (a client pipelining many nonces over several connections fills gaps quickly).
            if (!wouldBePending && list.QueuedCount >= _options.MaxQueuedPerSender && _queuedCount >= _options.MaxQueued)
            {
                return TxPoolSubmitResult.Rejected(hash, TxValidationError.AccountLimitExceeded,
                    $"account limit exceeded: pooled {list.ByNonce.Count} txs");
            }

            bool full = wouldBePending ? _pendingCount >= _options.MaxPending : _queuedCount >= _options.MaxQueued;
            if (full)
            {
                // geth's model: a sender may hold any number of pending transactions while there is room; once the
                // pool is full, only senders within their guaranteed slots can still add, displacing the excess of
                // senders over theirs before anyone's cheapest transaction.
                if (wouldBePending && list.PendingCount >= _options.MaxPendingPerSender)
                {
                    return TxPoolSubmitResult.Rejected(hash, TxValidationError.AccountLimitExceeded,
                        $"account limit exceeded: pool full and sender holds {list.PendingCount} pending txs (guaranteed {_options.MaxPendingPerSender})");
                }

                PoolEntry? victim = wouldBePending ? OverQuotaTail(sender) : null;
                victim ??= CheapestOfOthers(wouldBePending ? _pendingTails : _queuedTails, sender);
                if (victim is null || (!IsOverQuota(victim.Sender) && !entry.IsPricierThan(victim)))
                {
                    return TxPoolSubmitResult.Rejected(hash, TxValidationError.TxPoolFull, "txpool is full");
                }
            }
        }
        else
        {
            _byHash.Remove(existing.Hash);
        }

        list.ByNonce[tx.Nonce] = entry;
        _byHash[hash] = entry;
        _senders[sender] = list;
        Refresh(list, promoted);
        EnforceGlobalLimits(sender);
        promoted.RemoveAll(e => !e.IsPending || !_byHash.ContainsKey(e.Hash));
        return _byHash.ContainsKey(hash)
            ? TxPoolSubmitResult.Added(hash, entry.IsPending)
            : TxPoolSubmitResult.Rejected(hash, TxValidationError.TxPoolFull, "txpool is full");
    }

    /// <summary>geth's rule: both fee cap and tip must rise strictly and by at least the configured percentage.</summary>
    private bool IsSufficientBump(PoolEntry old, PoolEntry replacement)
    {
        if (replacement.FeeCap <= old.FeeCap || replacement.TipCap <= old.TipCap)
        {
            return false;
        }

        return replacement.FeeCap >= Threshold(old.FeeCap) && replacement.TipCap >= Threshold(old.TipCap);
    }

    private UInt256 Threshold(in UInt256 price)
    {
        UInt256 factor = (ulong)(100 + _options.PriceBumpPercent);
        return UInt256.MultiplyOverflow(price, factor, out UInt256 product) ? UInt256.MaxValue : product / 100;
    }

    private bool IsOverQuota(Address sender) =>
        _senders.TryGetValue(sender, out SenderTransactions? list) && list.PendingCount > _options.MaxPendingPerSender;

    /// <summary>
    /// The last pending transaction of the sender furthest beyond its guaranteed slots (ties: lowest address, so the
    /// choice is deterministic), excluding <paramref name="exclude"/>; null when no other sender is over its quota.
    /// Only runs when the pool is full.
    /// </summary>
    private PoolEntry? OverQuotaTail(Address? exclude)
    {
        SenderTransactions? worst = null;
        foreach (SenderTransactions list in _senders.Values)
        {
            if (list.PendingCount <= _options.MaxPendingPerSender || (exclude is { } own && list.Sender == own))
            {
                continue;
            }

            if (worst is null || list.PendingCount > worst.PendingCount
                || (list.PendingCount == worst.PendingCount && list.Sender.CompareTo(worst.Sender) < 0))
            {
                worst = list;
            }
        }

        return worst?.PendingTail;
    }

    private static PoolEntry? CheapestOfOthers(SortedSet<PoolEntry> tails, Address? exclude)
    {
        foreach (PoolEntry e in tails)
        {
            if (exclude is null || e.Sender != exclude.Value)
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>Aligns a sender with a (possibly new) account state: stale nonces and unaffordable transactions go.</summary>
    private void Resync(SenderTransactions list, Account account, List<PoolEntry> promoted)
    {
        list.StateNonce = account.Nonce;
        SortedList<ulong, PoolEntry> byNonce = list.ByNonce;
        while (byNonce.Count > 0 && byNonce.Keys[0] < account.Nonce)
        {
            _byHash.Remove(byNonce.Values[0].Hash);
            byNonce.RemoveAt(0);
        }

        for (int i = byNonce.Count - 1; i >= 0; i--)
        {
            if (byNonce.Values[i].Cost > account.Balance)
            {
                _byHash.Remove(byNonce.Values[i].Hash);
                byNonce.RemoveAt(i);
            }
        }

        Refresh(list, promoted);
    }

    private void RemoveEntry(PoolEntry entry)
    {
        _byHash.Remove(entry.Hash);
        if (_senders.TryGetValue(entry.Sender, out SenderTransactions? list) && list.ByNonce.Remove(entry.Nonce))
        {
            Refresh(list, promoted: null);
        }
    }

    /// <summary>Re-derives the sender's pending/queued split and updates global counters and eviction tails.</summary>
    private void Refresh(SenderTransactions list, List<PoolEntry>? promoted)
    {
        if (list.PendingTail is not null)
        {
            _pendingTails.Remove(list.PendingTail);
        }

        if (list.QueuedTail is not null)
        {
            _queuedTails.Remove(list.QueuedTail);
        }

        _pendingCount -= list.CountedPending;
        _queuedCount -= list.CountedQueued;
        list.Reclassify(promoted);
        list.CountedPending = list.PendingCount;
        list.CountedQueued = list.QueuedCount;
        _pendingCount += list.CountedPending;
        _queuedCount += list.CountedQueued;

        IList<PoolEntry> values = list.ByNonce.Values;
        list.PendingTail = list.PendingCount > 0 ? values[list.PendingCount - 1] : null;
        list.QueuedTail = list.QueuedCount > 0 ? values[values.Count - 1] : null;
        if (list.PendingTail is not null)
        {
            _pendingTails.Add(list.PendingTail);
        }

        if (list.QueuedTail is not null)
        {
            _queuedTails.Add(list.QueuedTail);
        }

        if (values.Count == 0)
        {
            _senders.Remove(list.Sender);
        }
    }

    /// <summary>
    /// Brings the pool back within its limits by dropping the cheapest tail transactions of other senders; the
    /// protected sender (the one just submitted) only loses its own highest nonces, and only when nothing else is left.
    /// </summary>
    private void EnforceGlobalLimits(Address? protectedSender)
    {
        if (protectedSender is { } own && _senders.TryGetValue(own, out SenderTransactions? ownList))
        {
            while (ownList.QueuedCount > _options.MaxQueuedPerSender && _queuedCount > _options.MaxQueued)
            {
                RemoveEntry(ownList.ByNonce.Values[ownList.ByNonce.Count - 1]);
            }
        }

        while (_pendingCount > _options.MaxPending)
        {
            RemoveEntry(OverQuotaTail(protectedSender) ?? CheapestOfOthers(_pendingTails, protectedSender) ?? _pendingTails.Min!);
        }

        while (_queuedCount > _options.MaxQueued)
        {
            RemoveEntry(CheapestOfOthers(_queuedTails, protectedSender) ?? _queuedTails.Min!);
        }
    }

    private void Announce(List<PoolEntry> promoted)
    {
        Action<Transaction>? handler = TransactionAdded;
        if (handler is null)
        {
            return;
        }

        foreach (PoolEntry e in promoted)
        {
            handler(e.Tx);
        }
    }
}
