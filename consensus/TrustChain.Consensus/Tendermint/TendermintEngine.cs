using TrustChain.Consensus.Evidence;
using TrustChain.Consensus.Validators;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Consensus;

namespace TrustChain.Consensus.Tendermint;

/// <summary>
/// Tendermint consensus for one node, as Algorithm 1 of "The latest gossip on BFT consensus" (Buchman, Kwon,
/// Milosevic 2018): a deterministic state machine driven only by <see cref="OnProposal"/>, <see cref="OnVote"/>,
/// <see cref="OnTimeout"/> and <see cref="Start"/>; it talks back through <see cref="IConsensusOutput"/> and reads
/// time only when stamping its own proposals. Not thread-safe: feed it from one thread.
/// </summary>
/// <remarks>
/// Departures from the paper's text, none affecting safety: a value is identified by its block hash, so the rules
/// that need "the proposal with v" accept v from any verified proposal of this height (peers may have missed the
/// round's proposal but not the block); the decided height waits timeoutCommit in <see cref="ConsensusStep.NewHeight"/>
/// before round 0 of the next height; proposer(h, r) is the height's set incremented r times in one call, so it
/// does not depend on the path by which a node reached round r.
/// </remarks>
public sealed class TendermintEngine
{
    /// <summary>Messages further ahead than this many rounds are dropped, bounding what a faulty peer can make us store.</summary>
    public const int MaxRoundLookahead = 64;

    private const int MaxProposalsPerRound = 2;

    private readonly ulong _chainId;
    private readonly IBlockApplication _application;
    private readonly IValidatorSetProvider _validatorSets;
    private readonly IPrivValidator? _privValidator;
    private readonly IConsensusOutput _output;
    private readonly TimeoutParams _timeouts;
    private readonly TimeProvider _clock;
    private readonly Queue<(ConsensusMessage Message, bool Own)> _inbox = new();
    private readonly Dictionary<int, List<Proposal>> _proposals = [];
    private readonly Dictionary<Hash256, Block> _blocks = [];
    private readonly Dictionary<Hash256, bool> _validity = [];
    private readonly Dictionary<int, Address> _proposers = [];
    private readonly HashSet<(Address, int, VoteType)> _reportedOffences = [];
    private HeightVoteSet? _votes;
    private ValidatorSet? _validators;
    private bool _draining;
    private bool _started;
    private bool _prevoteTimeoutScheduled;
    private bool _precommitTimeoutScheduled;
    private bool _validUpdatedThisRound;
    private ulong _lastBlockTimestamp;
    private Proposal? _lastDecidedProposal;

    public TendermintEngine(
        ulong chainId,
        IBlockApplication application,
        IValidatorSetProvider validatorSets,
        IPrivValidator? privValidator,
        IConsensusOutput output,
        TimeoutParams timeouts,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(validatorSets);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(timeouts);
        timeouts.Validate();
        _chainId = chainId;
        _application = application;
        _validatorSets = validatorSets;
        _privValidator = privValidator;
        _output = output;
        _timeouts = timeouts;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Raised when <see cref="IBlockApplication.Propose"/> threw; the round continues without our proposal.</summary>
    public event Action<Exception>? ProposeFailed;

    public ulong ChainId => _chainId;

    public ulong Height { get; private set; }

    public int Round { get; private set; }

    public ConsensusStep Step { get; private set; }

    public Block? LockedValue { get; private set; }

    public int LockedRound { get; private set; } = -1;

    public Block? ValidValue { get; private set; }

    public int ValidRound { get; private set; } = -1;

    /// <summary>The commit of the last block this engine decided (lastCommit of the next proposal).</summary>
    public Commit? LastCommit { get; private set; }

    public Block? LastDecidedBlock { get; private set; }

    public ValidatorSet Validators => _validators ?? throw new InvalidOperationException("The engine was not started.");

    public HeightVoteSet Votes => _votes ?? throw new InvalidOperationException("The engine was not started.");

    /// <summary>Starts round 0 of <paramref name="height"/> (head + 1) now.</summary>
    /// <param name="parentTimestampMs">Timestamp of the head; our proposals are stamped strictly after it.</param>
    /// <param name="lastCommit">Commit for the head, when known (else the application uses its stored one).</param>
    public void Start(ulong height, ulong parentTimestampMs = 0, Commit? lastCommit = null)
    {
        if (height == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(height), "Consensus starts at height 1 or later.");
        }

        if (_started)
        {
            throw new InvalidOperationException("The engine was already started.");
        }

        _started = true;
        _lastBlockTimestamp = parentTimestampMs;
        LastCommit = lastCommit;
        EnterHeight(height);
        StartRound(0);
        Drain();
    }

    /// <summary>Feeds a peer's (or the WAL's) proposal; ignored before <see cref="Start"/>.</summary>
    public void OnProposal(Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        Enqueue(proposal, own: false);
    }

    public void OnVote(Vote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        Enqueue(vote, own: false);
    }

    public void OnTimeout(TimeoutInfo timeout)
    {
        if (!_started || timeout.Height != Height)
        {
            return;
        }

        switch (timeout.Step)
        {
            case ConsensusStep.NewHeight when Step == ConsensusStep.NewHeight:
                StartRound(0);
                break;
            case ConsensusStep.Propose when timeout.Round == Round && Step == ConsensusStep.Propose:
                CastVote(VoteType.Prevote, null);
                Step = ConsensusStep.Prevote;
                break;
            case ConsensusStep.Prevote when timeout.Round == Round && Step == ConsensusStep.Prevote:
                CastVote(VoteType.Precommit, null);
                Step = ConsensusStep.Precommit;
                break;
            case ConsensusStep.Precommit when timeout.Round == Round && Step != ConsensusStep.NewHeight:
                StartRound(Round + 1);
                break;
        }

        Drain();
    }

    /// <summary>
    /// Catch-up (block sync): a block for the current height with a commit proving +2/3 of this height's stake
    /// precommitted it. Needed when the precommits this node holds can no longer form that quorum, e.g. it kept an
    /// equivocator's other vote and its peers have moved on. False when the commit or the block does not check out.
    /// </summary>
    public bool OnDecidedBlock(Block block, Commit commit)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(commit);
        if (!_started || block.Number != Height || commit.Height != Height || commit.BlockHash != block.Hash
            || !CommitVerifier.Verify(commit, Validators, _chainId, out _) || !IsValid(block))
        {
            return false;
        }

        Decide(block, commit);
        Drain();
        return true;
    }

    /// <summary>
    /// What this node should (re)send to peers that may have missed it: every proposal and vote of the current
    /// height, and the decided proposal and commit precommits of the previous one, so laggards can decide too.
    /// </summary>
    public IReadOnlyList<ConsensusMessage> GossipMessages()
    {
        EnsureStarted();
        List<ConsensusMessage> messages = [];
        if (_lastDecidedProposal is not null && LastCommit is { } commit)
        {
            messages.Add(_lastDecidedProposal);
            foreach (CommitSignature signature in commit.Signatures)
            {
                messages.Add(new Vote(VoteType.Precommit, commit.Height, (int)commit.Round, commit.BlockHash, signature.ValidatorAddress, signature.Signature));
            }
        }

        foreach (List<Proposal> proposals in _proposals.Values)
        {
            messages.AddRange(proposals);
        }

        foreach (VoteSet set in Votes.AllPrevotes)
        {
            messages.AddRange(set.Votes);
        }

        foreach (VoteSet set in Votes.AllPrecommits)
        {
            messages.AddRange(set.Votes);
        }

        return messages;
    }

    /// <summary>The proposer of <paramref name="round"/> at the current height.</summary>
    public Address ProposerOf(int round)
    {
        if (!_proposers.TryGetValue(round, out Address proposer))
        {
            proposer = Validators.GetProposerForRound(round);
            _proposers.Add(round, proposer);
        }

        return proposer;
    }

    private void Enqueue(ConsensusMessage message, bool own)
    {
        // Peers may talk before this node starts; what it misses now, gossip repeats.
        if (!_started)
        {
            return;
        }

        _inbox.Enqueue((message, own));
        Drain();
    }

    private void Drain()
    {
        if (_draining)
        {
            return;
        }

        _draining = true;
        try
        {
            do
            {
                while (_inbox.TryDequeue(out (ConsensusMessage Message, bool Own) item))
                {
                    Apply(item.Message, item.Own);
                }

                ProcessRules();
            }
            while (_inbox.Count > 0);
        }
        finally
        {
            _draining = false;
        }
    }

    private void Apply(ConsensusMessage message, bool own)
    {
        if (message.Height != Height)
        {
            return;
        }

        switch (message)
        {
            case Proposal proposal:
                AddProposal(proposal, own);
                break;
            case Vote vote:
                AddVote(vote, own);
                break;
        }
    }

    private void AddProposal(Proposal proposal, bool own)
    {
        if (proposal.Round > Round + MaxRoundLookahead)
        {
            return;
        }

        if (!_proposals.TryGetValue(proposal.Round, out List<Proposal>? list))
        {
            list = [];
            _proposals.Add(proposal.Round, list);
        }

        foreach (Proposal known in list)
        {
            if (known.BlockHash == proposal.BlockHash && known.ValidRound == proposal.ValidRound)
            {
                return;
            }
        }

        if (list.Count >= MaxProposalsPerRound)
        {
            return;
        }

        Address proposer = ProposerOf(proposal.Round);
        if (!own && proposal.RecoverProposer(_chainId) != proposer)
        {
            return;
        }

        list.Add(proposal);
        _blocks.TryAdd(proposal.BlockHash, proposal.Block);
        Votes.NoteSender(proposal.Round, proposer);
    }

    private void AddVote(Vote vote, bool own)
    {
        if (vote.Round > Round + MaxRoundLookahead)
        {
            return;
        }

        AddVoteResult result = Votes.Add(vote, own);
        if (result is { Status: AddVoteStatus.Conflict, Evidence: { } evidence }
            && _reportedOffences.Add((vote.Validator, vote.Round, vote.Type)))
        {
            _output.ReportEvidence(evidence);
        }
    }

    private void ProcessRules()
    {
        bool changed = true;
        while (changed && Step != ConsensusStep.NewHeight)
        {
            changed = false;

            // Line 49: a decision may come from any round.
            if (TryDecide())
            {
                return;
            }

            // Line 55: f+1 stake is already in a later round; join the highest such round.
            int skipTo = -1;
            foreach (int round in Votes.Rounds)
            {
                if (round > Round && round > skipTo && Validators.HasOneThirdPlus(Votes.SenderPower(round)))
                {
                    skipTo = round;
                }
            }

            if (skipTo > Round)
            {
                StartRound(skipTo);
                changed = true;
                continue;
            }

            changed = ApplyRoundRules();
        }
    }

    private bool ApplyRoundRules()
    {
        VoteSet? prevotes = Votes.Prevotes(Round);
        if (Step == ConsensusStep.Propose && FirstProposal(Round) is { } proposal)
        {
            Block v = proposal.Block;
            Hash256 id = v.Hash;
            if (proposal.ValidRound == -1)
            {
                // Line 22.
                bool accept = IsValid(v) && (LockedRound == -1 || LockedValue!.Hash == id);
                CastVote(VoteType.Prevote, accept ? id : null);
                Step = ConsensusStep.Prevote;
                return true;
            }

            if (Votes.Prevotes(proposal.ValidRound) is { } oldPrevotes && oldPrevotes.HasTwoThirdsFor(id))
            {
                // Line 28.
                bool accept = IsValid(v) && (LockedRound <= proposal.ValidRound || LockedValue!.Hash == id);
                CastVote(VoteType.Prevote, accept ? id : null);
                Step = ConsensusStep.Prevote;
                return true;
            }
        }

        if (prevotes is not null)
        {
            // Line 34.
            if (Step == ConsensusStep.Prevote && !_prevoteTimeoutScheduled && prevotes.HasTwoThirdsAny)
            {
                _prevoteTimeoutScheduled = true;
                _output.ScheduleTimeout(new TimeoutInfo(Height, Round, ConsensusStep.Prevote), _timeouts.Prevote(Round));
            }

            // Line 36.
            if (Step >= ConsensusStep.Prevote && !_validUpdatedThisRound
                && prevotes.HasTwoThirdsMajority(out Hash256? majority) && majority is { } hash
                && _blocks.TryGetValue(hash, out Block? block) && IsValid(block))
            {
                _validUpdatedThisRound = true;
                if (Step == ConsensusStep.Prevote)
                {
                    LockedValue = block;
                    LockedRound = Round;
                    CastVote(VoteType.Precommit, hash);
                    Step = ConsensusStep.Precommit;
                }

                ValidValue = block;
                ValidRound = Round;
                return true;
            }

            // Line 44.
            if (Step == ConsensusStep.Prevote && prevotes.HasTwoThirdsFor(null))
            {
                CastVote(VoteType.Precommit, null);
                Step = ConsensusStep.Precommit;
                return true;
            }
        }

        // Line 47.
        if (!_precommitTimeoutScheduled && Votes.Precommits(Round) is { HasTwoThirdsAny: true })
        {
            _precommitTimeoutScheduled = true;
            _output.ScheduleTimeout(new TimeoutInfo(Height, Round, ConsensusStep.Precommit), _timeouts.Precommit(Round));
        }

        return false;
    }

    private bool TryDecide()
    {
        foreach (VoteSet precommits in Votes.AllPrecommits)
        {
            if (precommits.HasTwoThirdsMajority(out Hash256? majority) && majority is { } hash
                && _blocks.TryGetValue(hash, out Block? block) && IsValid(block))
            {
                Decide(block, precommits.MakeCommit(block.Hash));
                return true;
            }
        }

        return false;
    }

    private void Decide(Block block, Commit commit)
    {
        _application.Commit(block, commit);
        LastCommit = commit;
        LastDecidedBlock = block;
        _lastBlockTimestamp = block.Header.Timestamp;
        _lastDecidedProposal = FindProposalCarrying(block.Hash);
        _output.BlockCommitted(block, commit);
        EnterHeight(Height + 1);
        _output.ScheduleTimeout(new TimeoutInfo(Height, 0, ConsensusStep.NewHeight), _timeouts.Commit);
    }

    private void EnterHeight(ulong height)
    {
        Height = height;
        Round = 0;
        Step = ConsensusStep.NewHeight;
        LockedValue = null;
        LockedRound = -1;
        ValidValue = null;
        ValidRound = -1;
        _validators = _validatorSets.GetValidatorSet(height);
        _votes = new HeightVoteSet(_chainId, height, _validators);
        _proposals.Clear();
        _blocks.Clear();
        _validity.Clear();
        _proposers.Clear();
        _reportedOffences.Clear();
        _prevoteTimeoutScheduled = false;
        _precommitTimeoutScheduled = false;
        _validUpdatedThisRound = false;
    }

    private void StartRound(int round)
    {
        Round = round;
        Step = ConsensusStep.Propose;
        _prevoteTimeoutScheduled = false;
        _precommitTimeoutScheduled = false;
        _validUpdatedThisRound = false;
        if (_privValidator is not null && ProposerOf(round) == _privValidator.Address)
        {
            Propose();
        }
        else
        {
            _output.ScheduleTimeout(new TimeoutInfo(Height, round, ConsensusStep.Propose), _timeouts.Propose(round));
        }
    }

    private void Propose()
    {
        Block block;
        int validRound;
        if (ValidValue is not null)
        {
            block = ValidValue;
            validRound = ValidRound;
        }
        else
        {
            ulong now = (ulong)Math.Max(0, _clock.GetUtcNow().ToUnixTimeMilliseconds());
            try
            {
                block = _application.Propose(Height, _privValidator!.Address, Math.Max(_lastBlockTimestamp + 1, now), LastCommit).Block;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                ProposeFailed?.Invoke(e);
                _output.ScheduleTimeout(new TimeoutInfo(Height, Round, ConsensusStep.Propose), _timeouts.Propose(Round));
                return;
            }

            validRound = -1;
        }

        byte[] signature;
        try
        {
            signature = _privValidator!.SignProposal(Height, Round, validRound, block.Hash);
        }
        catch (DoubleSignRefusedException)
        {
            // Replaying after a restart: our original proposal for this round comes back from the WAL.
            _output.ScheduleTimeout(new TimeoutInfo(Height, Round, ConsensusStep.Propose), _timeouts.Propose(Round));
            return;
        }

        Proposal proposal = new(Height, Round, block, validRound, signature);
        _validity[block.Hash] = true;
        _inbox.Enqueue((proposal, true));
        _output.Broadcast(proposal);
    }

    private void CastVote(VoteType type, Hash256? blockHash)
    {
        if (_privValidator is null || !Validators.Contains(_privValidator.Address))
        {
            return;
        }

        byte[] signature;
        try
        {
            signature = _privValidator.SignVote(type, Height, Round, blockHash);
        }
        catch (DoubleSignRefusedException)
        {
            // Only after a restart: what we signed before is replayed from the WAL or already known to peers.
            return;
        }

        Vote vote = new(type, Height, Round, blockHash, _privValidator.Address, signature);
        _inbox.Enqueue((vote, true));
        _output.Broadcast(vote);
    }

    private Proposal? FirstProposal(int round) =>
        _proposals.TryGetValue(round, out List<Proposal>? list) && list.Count > 0 ? list[0] : null;

    private Proposal? FindProposalCarrying(in Hash256 blockHash)
    {
        foreach (List<Proposal> list in _proposals.Values)
        {
            foreach (Proposal proposal in list)
            {
                if (proposal.BlockHash == blockHash)
                {
                    return proposal;
                }
            }
        }

        return null;
    }

    private bool IsValid(Block block)
    {
        Hash256 hash = block.Hash;
        if (!_validity.TryGetValue(hash, out bool valid))
        {
            valid = block.Number == Height && _application.Validate(block, out _);
            _validity.Add(hash, valid);
        }

        return valid;
    }

    private void EnsureStarted()
    {
        if (!_started)
        {
            throw new InvalidOperationException("Call Start(height) first.");
        }
    }
}
