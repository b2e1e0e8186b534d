using System.Collections.Concurrent;
using TrustChain.Consensus.Driver;
using TrustChain.Consensus.Evidence;
using TrustChain.Consensus.Tendermint;
using TrustChain.Consensus.Tests.Simulation;
using TrustChain.Consensus.Validators;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;

namespace TrustChain.Consensus.Tests.Driver;

/// <summary>A validator as the node runs it: a driver in real time over a loopback endpoint, a file WAL and a file sign-state guard.</summary>
public sealed class DriverNode : IAsyncDisposable
{
    public static readonly TimeoutParams FastTimeouts = new()
    {
        ProposeBase = TimeSpan.FromMilliseconds(300),
        ProposeDelta = TimeSpan.FromMilliseconds(100),
        PrevoteBase = TimeSpan.FromMilliseconds(150),
        PrevoteDelta = TimeSpan.FromMilliseconds(50),
        PrecommitBase = TimeSpan.FromMilliseconds(150),
        PrecommitDelta = TimeSpan.FromMilliseconds(50),
        Commit = TimeSpan.FromMilliseconds(30),
    };

    private readonly IValidatorSetProvider _validators;
    private readonly string _directory;

    public DriverNode(LoopbackHub hub, int index, PrivateKey key, IValidatorSetProvider validators, string directory)
    {
        _validators = validators;
        _directory = directory;
        Key = key;
        Endpoint = hub.Attach($"node{index}");
        Application = new FakeApplication(SimNetwork.SimChainId, validators);
    }

    public PrivateKey Key { get; }

    public LoopbackHub.Endpoint Endpoint { get; }

    public FakeApplication Application { get; }

    public ConsensusDriver? Driver { get; private set; }

    public string WalPath => Path.Combine(_directory, "consensus.wal");

    public ConcurrentDictionary<ulong, Block> Committed { get; } = new();

    public ConcurrentQueue<DuplicateVoteEvidence> Evidence { get; } = new();

    public ConcurrentQueue<Exception> Faults { get; } = new();

    public ConcurrentQueue<ulong> BehindReports { get; } = new();

    public void Start(ConsensusDriverOptions? options = null)
    {
        Directory.CreateDirectory(_directory);
        PrivValidator priv = PrivValidator.CreateFileBacked(Key, SimNetwork.SimChainId, Path.Combine(_directory, "sign_state"));
        ConsensusDriver driver = new(Application, _validators, priv, Endpoint, options ?? new ConsensusDriverOptions
        {
            ChainId = SimNetwork.SimChainId,
            Timeouts = FastTimeouts,
            WalPath = WalPath,
            GossipInterval = TimeSpan.FromMilliseconds(200),
        });
        driver.BlockCommitted += (block, _) => Committed[block.Number] = block;
        driver.EvidenceFound += Evidence.Enqueue;
        driver.Faulted += Faults.Enqueue;
        driver.FellBehind += (_, height) => BehindReports.Enqueue(height);
        BlockHeader head = Application.Head;
        driver.Start(head.Number + 1, head.Timestamp, Application.Committed.Count == 0 ? null : Application.Committed[^1].Commit);
        Driver = driver;
    }

    public async Task StopAsync()
    {
        if (Driver is not null)
        {
            await Driver.DisposeAsync();
            Driver = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
