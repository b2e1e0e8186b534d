using System.Threading.Channels;
using TrustChain.Consensus.Evidence;
using TrustChain.Consensus.Tendermint;
using TrustChain.Consensus.Validators;
using TrustChain.Consensus.Wal;
using TrustChain.Core.Blocks;
using TrustChain.Core.Consensus;

namespace TrustChain.Consensus.Driver;

/// <summary>
/// Runs a <see cref="TendermintEngine"/> in real time: one loop task owns the engine and consumes, in arrival order,
/// peer messages from the <see cref="IConsensusTransport"/>, fired timeouts, blocks decided elsewhere (sync) and a
/// gossip tick. Every input is appended to the WAL before the engine sees it and our own messages are fsync'd to the
/// WAL before they leave the node, so a restarted driver replays its height to the exact round state it had.
/// </summary>
public sealed class ConsensusDriver : IConsensusOutput, IAsyncDisposable
{
    private readonly IConsensusTransport _transport;
    private readonly ConsensusDriverOptions _options;
    private readonly TendermintEngine _engine;
    private readonly Channel<DriverEvent> _events = Channel.CreateUnbounded<DriverEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ITimer> _timers = [];
    private readonly Lock _timersLock = new();
    private ConsensusWal? _wal;
    private Task? _loop;
    private ITimer? _gossipTimer;
    private bool _replaying;
    private ulong _height;
    private int _round;
    private int _step;
    private ulong _heightAtLastGossip;
    private int _roundAtLastGossip = -1;

    public ConsensusDriver(
        IBlockApplication application,
        IValidatorSetProvider validators,
        IPrivValidator? privValidator,
        IConsensusTransport transport,
        ConsensusDriverOptions options)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(validators);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _transport = transport;
        _options = options;
        _engine = new TendermintEngine(options.ChainId, application, validators, privValidator, this, options.Timeouts, options.Time);
        _engine.ProposeFailed += e => Faulted?.Invoke(e);
    }

    /// <summary>Raised on the loop after a block is decided and committed.</summary>
    public event Action<Block, Commit>? BlockCommitted;

    /// <summary>Raised for double-sign evidence this node caught or a peer gossiped (not yet verified for gossip).</summary>
    public event Action<DuplicateVoteEvidence>? EvidenceFound;

    /// <summary>A peer sent a message <see cref="ConsensusDriverOptions.BehindThreshold"/> or more heights ahead of us.</summary>
    public event Action<string, ulong>? FellBehind;

    /// <summary>An input could not be processed (a propose or commit failure); the loop keeps running.</summary>
    public event Action<Exception>? Faulted;

    /// <summary>The height consensus is working on (head + 1); 0 before <see cref="Start"/>.</summary>
    public ulong Height => Volatile.Read(ref _height);

    /// <summary>The engine's round, published after every input so other threads (metrics) can read it.</summary>
    public int Round => Volatile.Read(ref _round);

    /// <summary>The engine's step, published after every input.</summary>
    public ConsensusStep Step => (ConsensusStep)Volatile.Read(ref _step);

    public TendermintEngine Engine => _engine;

    public bool IsRunning => _loop is { IsCompleted: false };

    /// <summary>Replays the WAL for <paramref name="height"/>, then starts the loop. Call once.</summary>
    public void Start(ulong height, ulong parentTimestampMs, Commit? lastCommit)
    {
        if (_loop is not null)
        {
            throw new InvalidOperationException("The driver was already started.");
        }

        List<WalEntry> replay = ConsensusWal.ReadForHeight(_options.WalPath, height);
        _wal = new ConsensusWal(_options.WalPath);
        _transport.MessageReceived += OnTransportMessage;
        _replaying = true;
        try
        {
            _engine.Start(height, parentTimestampMs, lastCommit);
            ConsensusWal.Replay(replay, _engine);
        }
        finally
        {
            _replaying = false;
        }

        Volatile.Write(ref _height, _engine.Height);
        PublishRoundState();
        _gossipTimer = _options.Time.CreateTimer(
            _ => _events.Writer.TryWrite(new DriverEvent(DriverEventKind.GossipTick)), null, _options.GossipInterval, _options.GossipInterval);
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Hands a block decided by the network (with its commit) to the engine, e.g. from block sync.</summary>
    public bool SubmitDecidedBlock(Block block, Commit commit)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(commit);
        return _events.Writer.TryWrite(new DriverEvent(DriverEventKind.DecidedBlock, Block: block, Commit: commit));
    }

    /// <summary>
    /// Ends the timeoutCommit wait of a decided height now (CometBFT's skip_timeout_commit), e.g. because transactions
    /// are waiting on a single-validator chain. Logged like the timeout it replaces, so replay is unchanged; ignored
    /// when the height is already past the wait.
    /// </summary>
    public bool SkipCommitWait() => _events.Writer.TryWrite(new DriverEvent(DriverEventKind.SkipCommitWait));

    /// <summary>
    /// As <see cref="SkipCommitWait()"/>, but only for the wait before <paramref name="height"/>: a request that arrives
    /// after that height already started cannot end the next height's wait (an empty block nobody asked for).
    /// </summary>
    public bool SkipCommitWait(ulong height)
    {
        ArgumentOutOfRangeException.ThrowIfZero(height);
        return _events.Writer.TryWrite(new DriverEvent(DriverEventKind.SkipCommitWait, Timeout: new TimeoutInfo(height, 0, ConsensusStep.NewHeight)));
    }

    /// <summary>Stops the loop after the input in progress; the WAL is synced and closed.</summary>
    public async Task StopAsync()
    {
        _transport.MessageReceived -= OnTransportMessage;
        _events.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_gossipTimer is not null)
        {
            await _gossipTimer.DisposeAsync().ConfigureAwait(false);
        }

        lock (_timersLock)
        {
            foreach (ITimer timer in _timers)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }

        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        if (_wal is not null)
        {
            _wal.Sync();
            _wal.Dispose();
            _wal = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    void IConsensusOutput.Broadcast(ConsensusMessage message)
    {
        byte[] encoded = ConsensusMessageCodec.Encode(message);
        if (!_replaying)
        {
            // Our own signed message reaches the disk before any peer can see it.
            _wal!.WriteMessage(message);
            _wal.Sync();
        }

        _transport.Broadcast(encoded);
    }

    void IConsensusOutput.ScheduleTimeout(TimeoutInfo timeout, TimeSpan delay)
    {
        lock (_timersLock)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            _timers.RemoveAll(static t => t is FiredTimer { Fired: true });
            FiredTimer holder = new();
            holder.Timer = _options.Time.CreateTimer(
                state =>
                {
                    FiredTimer self = (FiredTimer)state!;
                    self.Fired = true;
                    _events.Writer.TryWrite(new DriverEvent(DriverEventKind.Timeout, Timeout: timeout));
                },
                holder,
                delay,
                Timeout.InfiniteTimeSpan);
            _timers.Add(holder);
        }
    }

    void IConsensusOutput.BlockCommitted(Block block, Commit commit)
    {
        // The decision is durable in the chain; replay for the next height starts after this marker.
        _wal?.WriteEndHeight(block.Number);
        Volatile.Write(ref _height, block.Number + 1);
        BlockCommitted?.Invoke(block, commit);
    }

    void IConsensusOutput.ReportEvidence(DuplicateVoteEvidence evidence)
    {
        EvidenceFound?.Invoke(evidence);
        if (!_replaying)
        {
            _transport.Broadcast(ConsensusMessageCodec.Encode(evidence));
        }
    }

    private void OnTransportMessage(string peer, ReadOnlyMemory<byte> payload) =>
        _events.Writer.TryWrite(new DriverEvent(DriverEventKind.PeerMessage, peer, payload));

    private async Task RunAsync(CancellationToken stop)
    {
        ChannelReader<DriverEvent> reader = _events.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stop).ConfigureAwait(false))
            {
                while (!stop.IsCancellationRequested && reader.TryRead(out DriverEvent input))
                {
                    try
                    {
                        Handle(input);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        Faulted?.Invoke(e);
                    }

                    PublishRoundState();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Handle(DriverEvent input)
    {
        switch (input.Kind)
        {
            case DriverEventKind.PeerMessage:
                HandlePeerMessage(input.Peer!, input.Payload);
                break;
            case DriverEventKind.Timeout:
                if (input.Timeout.Height == _engine.Height)
                {
                    _wal!.WriteTimeout(input.Timeout);
                    _engine.OnTimeout(input.Timeout);
                }

                break;
            case DriverEventKind.DecidedBlock:
                if (input.Block!.Number == _engine.Height)
                {
                    _engine.OnDecidedBlock(input.Block, input.Commit!);
                }

                break;
            case DriverEventKind.GossipTick:
                Gossip();
                break;
            case DriverEventKind.SkipCommitWait:
                if (_engine.Step == ConsensusStep.NewHeight && (input.Timeout.Height == 0 || input.Timeout.Height == _engine.Height))
                {
                    TimeoutInfo commitWait = new(_engine.Height, 0, ConsensusStep.NewHeight);
                    _wal!.WriteTimeout(commitWait);
                    _engine.OnTimeout(commitWait);
                }

                break;
        }
    }

    private void HandlePeerMessage(string peer, ReadOnlyMemory<byte> payload)
    {
        ConsensusMessage message;
        try
        {
            message = ConsensusMessageCodec.Decode(payload.Span);
        }
        catch (ConsensusMessageDecodeException e)
        {
            _transport.ReportBadPeer(peer, e.Message);
            return;
        }

        if (message is DuplicateVoteEvidence evidence)
        {
            EvidenceFound?.Invoke(evidence);
            return;
        }

        ulong height = _engine.Height;
        if (message.Height != height)
        {
            if (message.Height >= height + _options.BehindThreshold)
            {
                FellBehind?.Invoke(peer, message.Height);
            }

            return;
        }

        _wal!.WriteMessage(message);
        switch (message)
        {
            case Proposal proposal:
                _engine.OnProposal(proposal);
                break;
            case Vote vote:
                _engine.OnVote(vote);
                break;
        }
    }

    private void PublishRoundState()
    {
        Volatile.Write(ref _round, _engine.Round);
        Volatile.Write(ref _step, (int)_engine.Step);
    }

    private void Gossip()
    {
        // Re-send only while stuck: a height or round that keeps moving means peers hear us.
        if (_engine.Height != _heightAtLastGossip || _engine.Round != _roundAtLastGossip)
        {
            _heightAtLastGossip = _engine.Height;
            _roundAtLastGossip = _engine.Round;
            return;
        }

        foreach (ConsensusMessage message in _engine.GossipMessages())
        {
            _transport.Broadcast(ConsensusMessageCodec.Encode(message));
        }
    }

    private sealed class FiredTimer : ITimer
    {
        public ITimer? Timer { get; set; }

        public volatile bool Fired;

        public bool Change(TimeSpan dueTime, TimeSpan period) => Timer!.Change(dueTime, period);

        public void Dispose() => Timer?.Dispose();

        public ValueTask DisposeAsync() => Timer?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
