using TrustChain.Consensus.Tendermint;
using TrustChain.Consensus.Validators;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;

namespace TrustChain.Consensus.Tests.Simulation;

/// <summary>
/// In-memory network in virtual time: seeded random delays, drops and hence reordering; every node periodically
/// re-gossips what it holds (the retransmission that liveness needs). Records every commit and checks agreement.
/// </summary>
public sealed class SimNetwork
{
    public const ulong SimChainId = 7357;

    private readonly PriorityQueue<Action, (long Time, long Sequence)> _events = new();
    private readonly Random _random;
    private readonly double _dropRate;
    private readonly int _maxDelayMs;
    private readonly int _gossipIntervalMs;
    private readonly Dictionary<ulong, Hash256> _decided = [];
    private long _sequence;

    public SimNetwork(int seed, long[] powers, Behaviour[] behaviours, double dropRate = 0.15, int maxDelayMs = 60, int gossipIntervalMs = 250)
    {
        _random = new Random(seed);
        _dropRate = dropRate;
        _maxDelayMs = maxDelayMs;
        _gossipIntervalMs = gossipIntervalMs;
        PrivateKey[] keys = new PrivateKey[powers.Length];
        List<Validator> validators = [];
        for (int i = 0; i < powers.Length; i++)
        {
            keys[i] = TestKeys.Validator(i);
            validators.Add(new Validator(keys[i].Address, keys[i].PublicKey.ToArray(), powers[i]));
        }

        Validators = new StaticValidatorSetProvider(validators);
        Nodes = new SimNode[powers.Length];
        for (int i = 0; i < powers.Length; i++)
        {
            Nodes[i] = new SimNode(this, i, keys[i], behaviours[i]);
        }
    }

    public ulong ChainId => SimChainId;

    public VirtualClock Clock { get; } = new();

    public TimeoutParams Timeouts { get; } = new()
    {
        ProposeBase = TimeSpan.FromMilliseconds(400),
        ProposeDelta = TimeSpan.FromMilliseconds(100),
        PrevoteBase = TimeSpan.FromMilliseconds(200),
        PrevoteDelta = TimeSpan.FromMilliseconds(100),
        PrecommitBase = TimeSpan.FromMilliseconds(200),
        PrecommitDelta = TimeSpan.FromMilliseconds(100),
        Commit = TimeSpan.FromMilliseconds(100),
    };

    public StaticValidatorSetProvider Validators { get; }

    public SimNode[] Nodes { get; }

    public List<string> SafetyViolations { get; } = [];

    public IEnumerable<SimNode> Honest => Nodes.Where(n => n.IsHonest);

    /// <summary>Runs until every honest node committed <paramref name="targetHeight"/> or the virtual deadline passes.</summary>
    public void Run(ulong targetHeight, long deadlineMs)
    {
        foreach (SimNode node in Nodes)
        {
            if (node.Behaviour != Behaviour.Silent)
            {
                SimNode started = node;
                Schedule(_random.Next(0, 20), () => started.Engine.Start(1));
                Schedule(_gossipIntervalMs + _random.Next(0, 50), () => Gossip(started));
            }
        }

        while (_events.TryDequeue(out Action? action, out (long Time, long Sequence) at))
        {
            if (at.Time > deadlineMs || Honest.All(n => n.Application.Head.Number >= targetHeight))
            {
                return;
            }

            Clock.NowMs = at.Time;
            action();
        }
    }

    public void Schedule(long delayMs, Action action) => _events.Enqueue(action, (Clock.NowMs + delayMs, _sequence++));

    public void SendToAll(SimNode from, ConsensusMessage message)
    {
        foreach (SimNode to in Nodes)
        {
            Send(from, to, message);
        }
    }

    /// <summary>Equivocation: the first half of the peers gets <paramref name="a"/>, the rest <paramref name="b"/>.</summary>
    public void SendSplit(SimNode from, ConsensusMessage a, ConsensusMessage b)
    {
        foreach (SimNode to in Nodes)
        {
            Send(from, to, to.Index < Nodes.Length / 2 ? a : b);
        }
    }

    public void RecordCommit(SimNode node, Block block)
    {
        if (!node.IsHonest)
        {
            return;
        }

        if (_decided.TryGetValue(block.Number, out Hash256 hash))
        {
            if (hash != block.Hash)
            {
                SafetyViolations.Add($"height {block.Number}: node {node.Index} committed {block.Hash}, another committed {hash}");
            }
        }
        else
        {
            _decided.Add(block.Number, block.Hash);
        }
    }

    private void Send(SimNode from, SimNode to, ConsensusMessage message)
    {
        if (from == to || to.Behaviour == Behaviour.Silent || _random.NextDouble() < _dropRate)
        {
            return;
        }

        // The wire form is exercised on every hop, so the codecs are part of what the simulation checks.
        byte[] encoded = ConsensusMessageCodec.Encode(message);
        Schedule(_random.Next(1, _maxDelayMs + 1), () => Deliver(to, ConsensusMessageCodec.Decode(encoded)));
    }

    private static void Deliver(SimNode to, ConsensusMessage message)
    {
        switch (message)
        {
            case Proposal proposal:
                to.Engine.OnProposal(proposal);
                break;
            case Vote vote:
                to.Engine.OnVote(vote);
                break;
        }
    }

    private void Gossip(SimNode node)
    {
        // Block sync: a peer below us gets the decided block and commit of its height.
        foreach (SimNode peer in Nodes)
        {
            ulong height = peer.Engine.Height;
            if (peer != node && peer.Behaviour != Behaviour.Silent && height >= 1 && height <= node.Application.Head.Number
                && _random.NextDouble() >= _dropRate)
            {
                (Block block, Commit commit) = node.Application.Committed[(int)height - 1];
                Schedule(_random.Next(1, _maxDelayMs + 1), () => peer.Engine.OnDecidedBlock(block, commit));
            }
        }

        foreach (ConsensusMessage message in node.Engine.GossipMessages())
        {
            foreach (SimNode to in Nodes)
            {
                Send(node, to, message);
            }
        }

        Schedule(_gossipIntervalMs, () => Gossip(node));
    }
}
