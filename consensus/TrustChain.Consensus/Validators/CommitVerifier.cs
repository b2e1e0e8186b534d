using TrustChain.Core;
using TrustChain.Core.Blocks;

namespace TrustChain.Consensus.Validators;

/// <summary>Checks a block's commit against the validator set that voted on it: what block sync and lastCommit validation need.</summary>
public static class CommitVerifier
{
    /// <summary>
    /// True when the signatures come from distinct members of <paramref name="validators"/>, all verify, and together
    /// hold more than 2/3 of the voting power.
    /// </summary>
    public static bool Verify(Commit commit, ValidatorSet validators, ulong chainId, out string? error)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(validators);
        HashSet<Address> seen = [];
        long power = 0;
        foreach (CommitSignature signature in commit.Signatures)
        {
            if (!seen.Add(signature.ValidatorAddress))
            {
                error = $"{signature.ValidatorAddress} signed the commit twice.";
                return false;
            }

            long votingPower = validators.VotingPowerOf(signature.ValidatorAddress);
            if (votingPower == 0)
            {
                error = $"{signature.ValidatorAddress} is not a validator at height {commit.Height}.";
                return false;
            }

            power += votingPower;
        }

        if (!validators.HasTwoThirdsMajority(power))
        {
            error = $"Commit holds {power} of {validators.TotalVotingPower} voting power, not more than 2/3.";
            return false;
        }

        if (!CommitSigner.VerifySignatures(commit, chainId))
        {
            error = "A commit signature does not verify.";
            return false;
        }

        error = null;
        return true;
    }
}
