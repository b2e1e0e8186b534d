using TrustChain.Consensus.Evidence;
using TrustChain.Consensus.Tendermint;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;

namespace TrustChain.Consensus.Tests.Simulation;

/// <summary>One validator of the simulated network: engine + application + the Byzantine twist, if any.</summary>
public sealed class SimNode : IConsensusOutput
{
    private readonly SimNetwork _network;

    public SimNode(SimNetwork network, int index, PrivateKey key, Behaviour behaviour)
    {
        _network = network;
        Index = index;
        Key = key;
        Behaviour = behaviour;
        Application = new FakeApplication(network.ChainId, network.Validators);
        Engine = new TendermintEngine(
            network.ChainId,
            Application,
            network.Validators,
            new PrivValidator(key, network.ChainId, new MemorySignStateStore()),
            this,
            network.Timeouts,
            network.Clock);
    }

    public int Index { get; }

    public PrivateKey Key { get; }

    public Behaviour Behaviour { get; }

    public bool IsHonest => Behaviour == Behaviour.Honest;

    public FakeApplication Application { get; }

    public TendermintEngine Engine { get; }

    public List<DuplicateVoteEvidence> Evidence { get; } = [];

    public void Broadcast(ConsensusMessage message)
    {
        switch (Behaviour)
        {
            case Behaviour.DoubleProposer when message is Proposal proposal:
                _network.SendSplit(this, proposal, ConflictingProposal(proposal));
                break;
            case Behaviour.DoubleVoter when message is Vote vote:
                _network.SendSplit(this, vote, ConflictingVote(vote));
                break;
            default:
                _network.SendToAll(this, message);
                break;
        }
    }

    public void ScheduleTimeout(TimeoutInfo timeout, TimeSpan delay) =>
        _network.Schedule((long)delay.TotalMilliseconds, () => Engine.OnTimeout(timeout));

    public void BlockCommitted(Block block, Commit commit) => _network.RecordCommit(this, block);

    public void ReportEvidence(DuplicateVoteEvidence evidence) => Evidence.Add(evidence);

    private Proposal ConflictingProposal(Proposal proposal)
    {
        // Same height and round, a different block (later timestamp), signed with the raw key: the guard is bypassed.
        Block other = Application.Propose(proposal.Height, Key.Address, proposal.Block.Header.Timestamp + 7, proposal.Block.LastCommit).Block;
        Hash256 signBytes = ProposalSignBytes.Compute(_network.ChainId, proposal.Height, proposal.Round, -1, other.Hash);
        return new Proposal(proposal.Height, proposal.Round, other, -1, Key.Sign(signBytes).ToBytes65());
    }

    private Vote ConflictingVote(Vote vote)
    {
        Hash256? other = vote.IsNil ? Keccak256.Compute(vote.Signature) : null;
        Hash256 signBytes = VoteSignBytes.Compute(_network.ChainId, vote.Height, (uint)vote.Round, other ?? Hash256.Zero, vote.Type);
        return new Vote(vote.Type, vote.Height, vote.Round, other, vote.Validator, Key.Sign(signBytes).ToBytes65());
    }
}
