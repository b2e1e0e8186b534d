using TrustChain.Core;

namespace TrustChain.Consensus.Tendermint;

/// <summary>
/// The validator's signing key behind a double-sign guard: it never signs two different messages for the same
/// (height, round, step) nor anything for an earlier one. Refusals throw <see cref="DoubleSignRefusedException"/>.
/// </summary>
public interface IPrivValidator
{
    Address Address { get; }

    /// <returns>65-byte signature over <see cref="VoteSignBytes"/> (nil = zero hash).</returns>
    byte[] SignVote(VoteType type, ulong height, int round, Hash256? blockHash);

    /// <returns>65-byte signature over <see cref="ProposalSignBytes"/>.</returns>
    byte[] SignProposal(ulong height, int round, int validRound, in Hash256 blockHash);
}
