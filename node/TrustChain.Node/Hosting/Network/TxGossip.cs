using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TrustChain.Chain.TxPool;
using TrustChain.Core;
using TrustChain.Core.Transactions;
using TrustChain.Network;
using TrustChain.Network.Protocol;
using ChainTxPool = TrustChain.Chain.TxPool.TxPool;

namespace TrustChain.Node.Hosting.Network;

/// <summary>
/// The transaction channel. Every transaction the pool newly makes pending (from RPC, a peer or a promotion) is
/// collected for <see cref="TxGossipOptions.FlushInterval"/> (or until <see cref="TxGossipOptions.MaxBatchCount"/>) and
/// sent as full transactions in batch frames to each peer not already known to have it: a per-peer bounded set holds
/// what was sent to or received from that peer, so nothing is echoed back to its sender. Received batches are queued
/// off the peer's read loop (which also carries its consensus messages) and admitted by one worker through
/// <see cref="ChainTxPool.SubmitBatch"/>, which recovers senders in parallel. A transaction that is invalid for the
/// chain whatever the state costs its sender <see cref="MisbehaviourSeverity.Major"/> each, so a batch is no way
/// around scoring; an undecodable message is fatal.
/// </summary>
public sealed class TxGossip : IChannelHandler, IAsyncDisposable
{
    private readonly P2PHost _host;
    private readonly ChainTxPool _pool;
    private readonly TxGossipOptions _options;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<NodeId, KnownTxSet> _peers = new();
    private readonly KnownTxSet _seen;
    private readonly ConcurrentQueue<Transaction> _outbox = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Channel<(PeerInfo Peer, byte MessageType, ReadOnlyMemory<byte> Payload)> _inbox;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _flushLoop;
    private readonly Task _admitLoop;
    private int _outboxCount;
    private long _batchesSent;
    private long _transactionsSent;
    private long _batchesReceived;
    private long _batchesDropped;
    private long _invalidReceived;

    public TxGossip(P2PHost host, ChainTxPool pool, TxGossipOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(pool);
        _options = options ?? TxGossipOptions.Default;
        _options.Validate();
        if (_options.MaxBatchBytes > host.Config.MaxFrameSize)
        {
            throw new ArgumentException(
                $"MaxBatchBytes {_options.MaxBatchBytes} exceeds the transport's frame cap {host.Config.MaxFrameSize}", nameof(options));
        }

        _host = host;
        _pool = pool;
        _log = logger ?? NullLogger.Instance;
        _seen = new KnownTxSet(_options.SeenCapacity);
        _inbox = Channel.CreateBounded<(PeerInfo, byte, ReadOnlyMemory<byte>)>(new BoundedChannelOptions(_options.MaxPendingBatches)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _pool.TransactionAdded += OnTransactionAdded;
        _flushLoop = Task.Run(() => FlushLoopAsync(_stop.Token));
        _admitLoop = Task.Run(() => AdmitLoopAsync(_stop.Token));
    }

    /// <summary>Batch frames queued to peers.</summary>
    public long BatchesSent => Interlocked.Read(ref _batchesSent);

    /// <summary>Transactions queued to peers, counted once per peer.</summary>
    public long TransactionsSent => Interlocked.Read(ref _transactionsSent);

    /// <summary>Transaction messages received and queued for admission.</summary>
    public long BatchesReceived => Interlocked.Read(ref _batchesReceived);

    /// <summary>Received messages dropped because the admission queue was full.</summary>
    public long BatchesDropped => Interlocked.Read(ref _batchesDropped);

    /// <summary>Received transactions that were invalid for the chain (their senders were charged).</summary>
    public long InvalidReceived => Interlocked.Read(ref _invalidReceived);

    /// <summary>Peers this channel sends to.</summary>
    public int PeerCount => _peers.Count;

    /// <summary>Whether <paramref name="peer"/> is known to have the transaction (sent to or received from it).</summary>
    public bool PeerKnows(NodeId peer, in Hash256 hash) => _peers.TryGetValue(peer, out KnownTxSet? known) && known.Contains(hash);

    public void OnPeerConnected(PeerInfo peer) => _peers[peer.Id] = new KnownTxSet(_options.KnownPerPeer);

    public void OnMessage(PeerInfo peer, byte messageType, ReadOnlyMemory<byte> payload)
    {
        if (messageType is not (ChannelIds.TransactionMessageType or ChannelIds.TransactionBatchMessageType))
        {
            _host.ReportBad(peer.Id, $"unknown transaction message type {messageType}", MisbehaviourSeverity.Major);
            return;
        }

        if (_inbox.Writer.TryWrite((peer, messageType, payload)))
        {
            Interlocked.Increment(ref _batchesReceived);
        }
        else if (Interlocked.Increment(ref _batchesDropped) % 100 == 1)
        {
            _log.LogWarning("Transaction admission is behind: dropped {Dropped} gossip batches so far", BatchesDropped);
        }
    }

    public void OnPeerDisconnected(PeerInfo peer, DisconnectReason reason) => _peers.TryRemove(peer.Id, out _);

    public async ValueTask DisposeAsync()
    {
        _pool.TransactionAdded -= OnTransactionAdded;
        _inbox.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_flushLoop, _admitLoop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _wake.Dispose();
    }

    private void OnTransactionAdded(Transaction tx)
    {
        _seen.Add(tx.Hash);
        _outbox.Enqueue(tx);
        int queued = Interlocked.Increment(ref _outboxCount);
        if (queued == 1 || queued == _options.MaxBatchCount)
        {
            _wake.Release();
        }
    }

    private async Task FlushLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await _wake.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (Volatile.Read(ref _outboxCount) < _options.MaxBatchCount)
            {
                // Give the first transaction company so one frame carries many; the size trigger cuts this short.
                await _wake.WaitAsync(_options.FlushInterval, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                while (Volatile.Read(ref _outboxCount) > 0)
                {
                    Flush();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _log.LogError(e, "Transaction gossip flush failed");
            }
        }
    }

    private void Flush()
    {
        var transactions = new List<Transaction>(Math.Min(Volatile.Read(ref _outboxCount), TransactionBatchMessages.MaxTransactionsPerBatch));
        while (transactions.Count < TransactionBatchMessages.MaxTransactionsPerBatch && _outbox.TryDequeue(out Transaction? tx))
        {
            transactions.Add(tx);
        }

        Interlocked.Add(ref _outboxCount, -transactions.Count);
        if (transactions.Count == 0)
        {
            return;
        }

        var hashes = new Hash256[transactions.Count];
        var raw = new byte[transactions.Count][];
        for (int i = 0; i < transactions.Count; i++)
        {
            hashes[i] = transactions[i].Hash;
            raw[i] = TransactionEncoder.Encode(transactions[i]);
        }

        var fresh = new bool[transactions.Count];
        var selected = new List<byte[]>(transactions.Count);
        foreach (KeyValuePair<NodeId, KnownTxSet> peer in _peers)
        {
            peer.Value.AddRange(hashes, fresh);
            selected.Clear();
            for (int i = 0; i < raw.Length; i++)
            {
                if (fresh[i])
                {
                    selected.Add(raw[i]);
                }
            }

            SendInBatches(peer.Key, selected);
        }
    }

    private void SendInBatches(NodeId peer, List<byte[]> raw)
    {
        int start = 0;
        while (start < raw.Count)
        {
            // At least one transaction per frame; a single transaction is far below the frame cap (MaxTxSize).
            int bytes = TransactionBatchMessages.HeaderLength + TransactionBatchMessages.EntryLength(raw[start].Length);
            int end = start + 1;
            while (end < raw.Count && end - start < _options.MaxBatchCount
                && bytes + TransactionBatchMessages.EntryLength(raw[end].Length) <= _options.MaxBatchBytes)
            {
                bytes += TransactionBatchMessages.EntryLength(raw[end].Length);
                end++;
            }

            byte[] payload = TransactionBatchMessages.Encode(raw, start, end - start);
            if (!_host.Send(peer, ChannelIds.Transactions, ChannelIds.TransactionBatchMessageType, payload))
            {
                return;
            }

            Interlocked.Increment(ref _batchesSent);
            Interlocked.Add(ref _transactionsSent, end - start);
            start = end;
        }
    }

    private async Task AdmitLoopAsync(CancellationToken cancellationToken)
    {
        while (await _inbox.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (_inbox.Reader.TryRead(out (PeerInfo Peer, byte MessageType, ReadOnlyMemory<byte> Payload) message))
            {
                try
                {
                    Admit(message.Peer, message.MessageType, message.Payload);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _log.LogError(e, "Admitting a transaction batch from {Peer} failed", message.Peer);
                }
            }
        }
    }

    private void Admit(PeerInfo peer, byte messageType, ReadOnlyMemory<byte> payload)
    {
        Transaction[] received;
        try
        {
            received = messageType == ChannelIds.TransactionBatchMessageType
                ? TransactionBatchMessages.Decode(payload.Span)
                : [TransactionDecoder.Decode(payload.Span)];
        }
        catch (Exception e) when (e is TransactionBatchException or TransactionDecodeException)
        {
            _host.ReportBad(peer.Id, "undecodable transaction message: " + e.Message, MisbehaviourSeverity.Fatal);
            return;
        }

        var hashes = new Hash256[received.Length];
        for (int i = 0; i < received.Length; i++)
        {
            hashes[i] = received[i].Hash;
        }

        var fresh = new bool[received.Length];
        if (_peers.TryGetValue(peer.Id, out KnownTxSet? known))
        {
            known.AddRange(hashes, fresh);
        }

        // Another peer's copy of a transaction already handled is skipped before any signature recovery.
        _seen.AddRange(hashes, fresh);
        var admissible = new List<Transaction>(received.Length);
        for (int i = 0; i < received.Length; i++)
        {
            if (fresh[i])
            {
                admissible.Add(received[i]);
            }
        }

        if (admissible.Count == 0)
        {
            return;
        }

        // Rejections for nonce, funds, fees or a full pool are normal in gossip and cost the peer nothing.
        TxPoolSubmitResult[] results = _pool.SubmitBatch(admissible);
        for (int i = 0; i < results.Length; i++)
        {
            if (ChainTxPool.IsInvalidForChain(results[i].Error))
            {
                Interlocked.Increment(ref _invalidReceived);
                _host.ReportBad(peer.Id, $"invalid transaction {results[i].Hash}: {results[i].Message}", MisbehaviourSeverity.Major);
            }
        }
    }
}
