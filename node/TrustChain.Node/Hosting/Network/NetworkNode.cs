using Microsoft.Extensions.Logging;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Consensus.Driver;
using TrustChain.Consensus.Evidence;
using TrustChain.Consensus.Sync;
using TrustChain.Consensus.Tendermint;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Network;
using TrustChain.Network.Protocol;
using ChainTxPool = TrustChain.Chain.TxPool.TxPool;

namespace TrustChain.Node.Hosting.Network;

/// <summary>
/// A node on the P2P network: the host with the consensus, transaction and block-sync channels, and a supervisor that
/// alternates between block sync (while a peer is two or more blocks ahead) and Tendermint consensus (validating with
/// a key, or following without one). Consensus state survives restarts through the WAL and the double-sign guard in
/// the data dir.
/// </summary>
public sealed class NetworkNode : IAsyncDisposable
{
    private static readonly TimeSpan PeerWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan BehindCheck = TimeSpan.FromMilliseconds(500);

    // Heights a peer's consensus messages may run ahead of its announced head (one, plus one for a status in flight).
    private const ulong FutureHeightSlack = 2;

    private readonly Blockchain _chain;
    private readonly NetworkSettings _settings;
    private readonly ILogger _log;
    private readonly P2PHost _host;
    private readonly P2PConsensusTransport _consensus;
    private readonly TxGossip _txGossip;
    private readonly BlockSyncProtocol _sync;
    private readonly StakingValidatorSetProvider _validators;
    private readonly CommitCheckingApplication _application;
    private readonly BlockSyncer _syncer;
    private readonly PrivValidator? _privValidator;
    private readonly EvidencePool _evidence;
    private readonly string _walPath;
    private ulong _behindAt;
    private ConsensusDriver? _driver;

    public NetworkNode(
        Blockchain chain,
        ChainTxPool pool,
        NetworkSettings settings,
        PrivateKey nodeKey,
        PrivateKey? validatorKey,
        string dataDir,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(nodeKey);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _chain = chain;
        _settings = settings;
        _log = loggerFactory.CreateLogger("TrustChain.Consensus");
        ulong chainId = chain.Spec.ChainId;
        _host = new P2PHost(
            new P2PConfig
            {
                NodeKey = nodeKey,
                ChainId = chainId,
                GenesisHash = chain.GenesisHash,
                ListenAddress = settings.ListenAddress,
                ListenPort = settings.ListenPort,
                Bootnodes = settings.Bootnodes,
                PersistentPeers = settings.PersistentPeers,
                MaxInboundPeers = settings.MaxPeers,
                MaxOutboundPeers = Math.Max(1, settings.MaxPeers / 2),
                PingInterval = TimeSpan.FromSeconds(5),
                PingTimeout = TimeSpan.FromSeconds(20),
                ReconnectBaseDelay = TimeSpan.FromMilliseconds(250),
                ReconnectMaxDelay = TimeSpan.FromSeconds(3),
            },
            loggerFactory);
        _consensus = new P2PConsensusTransport(_host);
        _txGossip = new TxGossip(_host, pool, TxGossipOptions.Default, loggerFactory.CreateLogger("TrustChain.TxGossip"));
        _sync = new BlockSyncProtocol(_host, chain, TimeSpan.FromSeconds(10));
        _host.RegisterChannel(ChannelIds.Consensus, _consensus);
        _host.RegisterChannel(ChannelIds.Transactions, _txGossip);
        _host.RegisterChannel(ChannelIds.BlockSync, _sync);
        _validators = new StakingValidatorSetProvider(chain);
        _application = new CommitCheckingApplication(new PoolSenderApplication(chain, pool), _validators, chainId);
        _syncer = new BlockSyncer(_application, _validators, _sync, () => chain.Head.Number, new BlockSyncOptions { ChainId = chainId });
        _walPath = Path.Combine(dataDir, "consensus.wal");

        // Proposals carry pending double-sign evidence; the chain slashes what it accepts.
        _evidence = new EvidencePool(_validators, chainId, chain.Spec.Parameters.UnbondingBlocks);
        chain.EvidenceSource = _evidence;
        if (validatorKey is not null)
        {
            _privValidator = PrivValidator.CreateFileBacked(validatorKey, chainId, Path.Combine(dataDir, "priv_validator_state"));
        }

        _chain.BlockCommitted += (block, _) => _sync.AnnounceHead(block.Number);
    }

    public P2PHost Host => _host;

    public NodeId NodeId => _host.LocalNodeId;

    public TxGossip TxGossip => _txGossip;

    /// <summary>The running consensus driver; null while the node syncs blocks.</summary>
    public ConsensusDriver? Driver => Volatile.Read(ref _driver);

    /// <summary>The consensus timeouts of a chain, from its genesis parameters.</summary>
    public static TimeoutParams TimeoutsOf(ChainParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new TimeoutParams
        {
            ProposeBase = TimeSpan.FromMilliseconds(parameters.TimeoutProposeMs),
            ProposeDelta = TimeSpan.FromMilliseconds(parameters.TimeoutProposeDeltaMs),
            PrevoteBase = TimeSpan.FromMilliseconds(parameters.TimeoutPrevoteMs),
            PrevoteDelta = TimeSpan.FromMilliseconds(parameters.TimeoutPrevoteDeltaMs),
            PrecommitBase = TimeSpan.FromMilliseconds(parameters.TimeoutPrecommitMs),
            PrecommitDelta = TimeSpan.FromMilliseconds(parameters.TimeoutPrecommitDeltaMs),
            Commit = TimeSpan.FromMilliseconds(parameters.TimeoutCommitMs),
        };
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _host.StartAsync(cancellationToken).ConfigureAwait(false);
        _log.LogInformation("P2P listening on {EndPoint} as {NodeId}", _host.ListenEndPoint, _host.LocalNodeId.ToHexString());
    }

    /// <summary>Syncs and runs consensus until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await WaitForPeersAsync(cancellationToken).ConfigureAwait(false);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(cancellationToken).ConfigureAwait(false);
                await RunConsensusAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _txGossip.DisposeAsync().ConfigureAwait(false);
        await _host.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WaitForPeersAsync(CancellationToken cancellationToken)
    {
        // Peers announce their heads right after the handshake; give them a moment so a node that restarts behind
        // syncs first instead of starting consensus on a height the network has left.
        long started = Environment.TickCount64;
        while (_sync.GetPeers().Count == 0 && Environment.TickCount64 - started < PeerWait.TotalMilliseconds)
        {
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        while (_sync.BestPeerHead > _chain.Head.Number + 1)
        {
            ulong from = _chain.Head.Number;
            long started = Environment.TickCount64;
            int imported = await _syncer.SyncAsync(cancellationToken).ConfigureAwait(false);
            double seconds = Math.Max(1, Environment.TickCount64 - started) / 1000.0;
            _log.LogInformation("Synced {Count} blocks #{From}..#{To} in {Seconds:0.00} s ({Rate:0} blocks/s)",
                imported, from + 1, _chain.Head.Number, seconds, imported / seconds);
            if (imported == 0)
            {
                await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RunConsensusAsync(CancellationToken cancellationToken)
    {
        BlockHeader head = _chain.Head;
        Commit? lastCommit = head.Number == 0 ? null : _chain.Store.GetCommit(head.Number);
        ConsensusDriver driver = new(_application, _validators, _privValidator, _consensus, new ConsensusDriverOptions
        {
            ChainId = _chain.Spec.ChainId,
            Timeouts = TimeoutsOf(_chain.Spec.Parameters),
            WalPath = _walPath,
        });
        using CancellationTokenSource behind = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        driver.BlockCommitted += (block, commit) => _log.LogInformation(
            "Committed block #{Number} round={Round} txs={Txs} signers={Signers} hash={Hash} stateRoot={StateRoot}",
            block.Number, commit.Round, block.Transactions.Count, commit.Signatures.Count, block.Hash, block.Header.StateRoot);
        driver.Faulted += e => _log.LogError(e, "Consensus input failed");
        driver.EvidenceFound += evidence =>
        {
            if (_evidence.TryAdd(evidence, driver.Height, out string? error))
            {
                _log.LogWarning("Double-sign evidence against {Validator} at height {Height}", evidence.Validator, evidence.Height);
            }
            else if (error is not null)
            {
                _log.LogDebug("Evidence refused: {Error}", error);
            }
        };
        driver.FellBehind += (peer, height) =>
        {
            // An honest peer only speaks for the height after its announced head (it announces before moving on), so a
            // message further ahead is an invented height: ban the sender instead of letting it steer us into sync.
            if (_sync.TryGetPeerHead(peer, out ulong peerHead) && height > peerHead + FutureHeightSlack)
            {
                _consensus.ReportBadPeer(peer, $"consensus message for height {height}, but the peer announced head {peerHead}");
                return;
            }

            Interlocked.Exchange(ref _behindAt, height);
        };
        driver.Start(head.Number + 1, head.Timestamp, lastCommit);
        Volatile.Write(ref _driver, driver);
        _log.LogInformation("Consensus started at height {Height} as {Role}", head.Number + 1,
            _privValidator is null ? "follower" : $"validator {_privValidator.Address}");
        try
        {
            int behindChecks = 0;
            while (true)
            {
                await Task.Delay(BehindCheck, cancellationToken).ConfigureAwait(false);
                bool isBehind = _sync.BestPeerHead > _chain.Head.Number + 1 || Interlocked.Exchange(ref _behindAt, 0) > driver.Height + 1;
                behindChecks = isBehind ? behindChecks + 1 : 0;
                if (behindChecks >= 2)
                {
                    _log.LogInformation("Peers are at #{PeerHead}, we are at #{Head}: switching to block sync", _sync.BestPeerHead, _chain.Head.Number);
                    return;
                }
            }
        }
        finally
        {
            Volatile.Write(ref _driver, null);
            await driver.DisposeAsync().ConfigureAwait(false);
        }
    }
}
