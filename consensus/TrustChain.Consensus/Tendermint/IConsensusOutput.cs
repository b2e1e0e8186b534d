using TrustChain.Consensus.Evidence;
using TrustChain.Core.Blocks;

namespace TrustChain.Consensus.Tendermint;

/// <summary>Everything the engine asks of the outside world. Called synchronously on the engine's thread.</summary>
public interface IConsensusOutput
{
    /// <summary>Send our own signed proposal or vote to all peers (the engine has already processed it itself).</summary>
    void Broadcast(ConsensusMessage message);

    /// <summary>Call <see cref="TendermintEngine.OnTimeout"/> with <paramref name="timeout"/> after <paramref name="delay"/>.</summary>
    void ScheduleTimeout(TimeoutInfo timeout, TimeSpan delay);

    /// <summary>
    /// The engine decided <paramref name="block"/> and has committed it through IBlockApplication.Commit;
    /// <paramref name="commit"/> (+2/3 precommit signatures) is what the next block carries as lastCommit.
    /// </summary>
    void BlockCommitted(Block block, Commit commit);

    /// <summary>A validator was caught signing two values at one step; gossip it and put it into the evidence pool.</summary>
    void ReportEvidence(DuplicateVoteEvidence evidence);
}
