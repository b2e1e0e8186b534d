using System.Diagnostics;
using TrustChain.Core.Blocks;
using TrustChain.Core.Consensus;
using TrustChain.Core.Crypto;

namespace TrustChain.Consensus.Dev;

/// <summary>
/// Single-validator block production for dev chains. A block is produced shortly after transactions arrive
/// (<see cref="NotifyTransactionsPending"/>, debounced so a burst shares a block) and otherwise every block time.
/// Each block gets a round-0 precommit signed by the validator over <see cref="VoteSignBytes"/> and is committed
/// through <see cref="IBlockApplication"/>. Timestamps come from here, never from execution:
/// max(parent + 1, now) in milliseconds. Stopping waits for the block in flight to be committed.
/// </summary>
public sealed class DevBlockProducer : IAsyncDisposable
{
    private readonly IBlockApplication _application;
    private readonly PrivateKey _validator;
    private readonly DevBlockProducerOptions _options;
    private readonly Func<bool> _hasPendingTransactions;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private BlockHeader _head;
    private Commit? _lastCommit;
    private Task? _loop;

    /// <param name="head">The current head; the producer builds on it and then on its own blocks.</param>
    /// <param name="hasPendingTransactions">Whether the mempool holds includable transactions.</param>
    public DevBlockProducer(
        IBlockApplication application,
        BlockHeader head,
        PrivateKey validator,
        DevBlockProducerOptions options,
        Func<bool> hasPendingTransactions,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hasPendingTransactions);
        options.Validate();
        _application = application;
        _head = head;
        _validator = validator;
        _options = options;
        _hasPendingTransactions = hasPendingTransactions;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Raised on the producer's task after each committed block.</summary>
    public event Action<ProducedBlock>? BlockProduced;

    /// <summary>Raised when proposing or committing a block threw; production resumes after the retry delay.</summary>
    public event Action<Exception>? ProductionFailed;

    public BlockHeader Head => Volatile.Read(ref _head);

    public bool IsRunning => _loop is { IsCompleted: false };

    public void Start()
    {
        if (_loop is not null)
        {
            throw new InvalidOperationException("The producer was already started.");
        }

        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Wakes the producer: transactions are waiting. Cheap and safe from any thread.</summary>
    public void NotifyTransactionsPending()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers any number of transactions.
        }
        catch (ObjectDisposedException)
        {
            // Stopped: transactions that arrive during shutdown simply wait in the pool for the next run.
        }
    }

    /// <summary>Produces and commits one block now, on the caller's thread. Not for use while the loop runs.</summary>
    public ProducedBlock ProduceBlock()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The production loop is running; it produces the blocks.");
        }

        return Produce();
    }

    /// <summary>Stops producing; returns once the block in flight (if any) is committed.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
        _wake.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        long lastBlockAt = _time.GetTimestamp();
        while (!stop.IsCancellationRequested)
        {
            TimeSpan untilNext = _options.BlockTime - _time.GetElapsedTime(lastBlockAt);
            try
            {
                if (untilNext > TimeSpan.Zero && await _wake.WaitAsync(untilNext, stop).ConfigureAwait(false))
                {
                    await Task.Delay(_options.Debounce, _time, stop).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // A wake-up that arrived during the debounce belongs to the block we are about to build.
            _wake.Wait(0, CancellationToken.None);
            bool produced = TryProduce(out ProducedBlock? block);
            lastBlockAt = _time.GetTimestamp();
            if (!produced)
            {
                try
                {
                    await Task.Delay(_options.RetryDelay, _time, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            else if (block!.Block.Transactions.Count > 0 && _hasPendingTransactions())
            {
                // More than one block's worth was waiting: keep going without waiting for a new arrival.
                NotifyTransactionsPending();
            }
        }
    }

    private bool TryProduce(out ProducedBlock? block)
    {
        try
        {
            block = Produce();
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            block = null;
            ProductionFailed?.Invoke(e);
            return false;
        }
    }

    private ProducedBlock Produce()
    {
        long started = Stopwatch.GetTimestamp();
        BlockHeader parent = _head;
        ulong now = (ulong)Math.Max(0, _time.GetUtcNow().ToUnixTimeMilliseconds());
        ulong timestamp = Math.Max(parent.Timestamp + 1, now);
        BlockProposal proposal = _application.Propose(parent.Number + 1, _validator.Address, timestamp, _lastCommit);
        Block block = proposal.Block;
        Commit commit = CommitSigner.CreateSingleValidatorCommit(_validator, _options.ChainId, block);
        _application.Commit(block, commit);
        Volatile.Write(ref _head, block.Header);
        _lastCommit = commit;
        ProducedBlock produced = new(block, proposal.Receipts, commit, Stopwatch.GetElapsedTime(started));
        BlockProduced?.Invoke(produced);
        return produced;
    }
}
