using TrustChain.Consensus.Validators;
using TrustChain.Core.Blocks;
using TrustChain.Core.Consensus;

namespace TrustChain.Consensus.Sync;

/// <summary>
/// Catches the chain up with the best peer: fetches ranges of blocks from several peers at once, then imports them
/// strictly in order, each only after its commit verifies against the validator set of its height (which this node
/// derives from its own, already imported, state) and the application has validated and executed it. A peer that
/// serves anything that fails these checks is reported and its remaining ranges are fetched elsewhere.
/// </summary>
public sealed class BlockSyncer
{
    private readonly IBlockApplication _application;
    private readonly IValidatorSetProvider _validators;
    private readonly IBlockSyncPeers _peers;
    private readonly Func<ulong> _head;
    private readonly BlockSyncOptions _options;
    private int _peerCursor;

    /// <param name="head">The number of the chain's current head.</param>
    public BlockSyncer(IBlockApplication application, IValidatorSetProvider validators, IBlockSyncPeers peers, Func<ulong> head, BlockSyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(validators);
        ArgumentNullException.ThrowIfNull(peers);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _application = application;
        _validators = validators;
        _peers = peers;
        _head = head;
        _options = options;
    }

    /// <summary>Raised after each imported block.</summary>
    public event Action<Block>? BlockImported;

    /// <summary>The highest head any peer announced (0 without peers).</summary>
    public ulong BestPeerHead()
    {
        ulong best = 0;
        foreach (SyncPeer peer in _peers.GetPeers())
        {
            best = Math.Max(best, peer.Head);
        }

        return best;
    }

    /// <summary>Imports blocks until the head reaches the best peer head seen; returns how many were imported.</summary>
    public async Task<int> SyncAsync(CancellationToken cancellationToken)
    {
        int imported = 0;
        Dictionary<ulong, PendingRange> pending = [];

        // Peers caught serving bad data get nothing more to do in this round, whatever the network layer decides.
        HashSet<string> distrusted = [];
        ulong next = _head() + 1;
        ulong nextRequest = next;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                IReadOnlyList<SyncPeer> peers = _peers.GetPeers();
                ulong target = 0;
                foreach (SyncPeer peer in peers)
                {
                    target = Math.Max(target, peer.Head);
                }

                while (pending.Count < _options.MaxRequestsInFlight && nextRequest <= target)
                {
                    if (PickPeer(peers, nextRequest, exclude: null, distrusted) is not { } chosen)
                    {
                        break;
                    }

                    int count = (int)Math.Min((ulong)_options.BatchSize, chosen.Head - nextRequest + 1);
                    pending[nextRequest] = Request(chosen.Id, nextRequest, count, attempt: 1, cancellationToken);
                    nextRequest += (ulong)count;
                }

                if (!pending.TryGetValue(next, out PendingRange? range))
                {
                    return imported;
                }

                IReadOnlyList<SyncBlock> blocks;
                try
                {
                    blocks = await range.Task.ConfigureAwait(false);
                    if (blocks.Count != range.Count)
                    {
                        throw new InvalidDataException($"asked for {range.Count} blocks from {range.From}, got {blocks.Count}");
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    pending.Remove(next);
                    if (range.Attempt >= _options.MaxAttemptsPerRange || PickPeer(_peers.GetPeers(), range.From + (ulong)range.Count - 1, range.Peer, distrusted) is not { } other)
                    {
                        return imported;
                    }

                    pending[next] = Request(other.Id, range.From, range.Count, range.Attempt + 1, cancellationToken);
                    continue;
                }

                pending.Remove(next);
                for (int i = 0; i < blocks.Count; i++)
                {
                    if (Verify(blocks[i], next) is { } error)
                    {
                        _peers.ReportBadPeer(range.Peer, error);
                        distrusted.Add(range.Peer);

                        // Everything after this block was fetched on the assumption that it was good: start over from here.
                        pending.Clear();
                        nextRequest = next;
                        break;
                    }

                    _application.Commit(blocks[i].Block, blocks[i].Commit);
                    imported++;
                    next++;
                    BlockImported?.Invoke(blocks[i].Block);
                }
            }
        }
        finally
        {
            // Unobserved failures of abandoned requests must not surface later.
            foreach (PendingRange abandoned in pending.Values)
            {
                _ = abandoned.Task.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return imported;
    }

    private string? Verify(SyncBlock item, ulong expected)
    {
        Block block = item.Block;
        Commit commit = item.Commit;
        if (block.Number != expected)
        {
            return $"served block {block.Number} where {expected} was expected";
        }

        if (commit.Height != block.Number || commit.BlockHash != block.Hash)
        {
            return $"commit for block {commit.Height} ({commit.BlockHash}) served with block {block.Number} ({block.Hash})";
        }

        if (!CommitVerifier.Verify(commit, _validators.GetValidatorSet(block.Number), _options.ChainId, out string? commitError))
        {
            return $"block {block.Number}: {commitError}";
        }

        return _application.Validate(block, out string? error) ? null : $"block {block.Number} is invalid: {error}";
    }

    private SyncPeer? PickPeer(IReadOnlyList<SyncPeer> peers, ulong needHeight, string? exclude, HashSet<string> distrusted)
    {
        for (int i = 0; i < peers.Count; i++)
        {
            SyncPeer candidate = peers[(int)((uint)(_peerCursor + i) % (uint)peers.Count)];
            if (candidate.Head >= needHeight && candidate.Id != exclude && !distrusted.Contains(candidate.Id))
            {
                _peerCursor = (_peerCursor + i + 1) % peers.Count;
                return candidate;
            }
        }

        return null;
    }

    private PendingRange Request(string peer, ulong from, int count, int attempt, CancellationToken cancellationToken) =>
        new(peer, from, count, attempt, _peers.RequestBlocksAsync(peer, from, count, cancellationToken));

    private sealed record PendingRange(string Peer, ulong From, int Count, int Attempt, Task<IReadOnlyList<SyncBlock>> Task);
}
