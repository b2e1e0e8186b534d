using TrustChain.Core;
using TrustChain.Core.Blocks;

namespace TrustChain.Chain.Blocks;

/// <summary>Header rules shared by the builder and the processor.</summary>
public static class BlockRules
{
    /// <summary>
    /// The commit in a block must finalise its parent; the child of genesis has none (genesis is not voted on).
    /// Signature checking is consensus's job: here only the linkage is checked.
    /// </summary>
    public static void CheckLastCommit(BlockHeader parent, Commit? lastCommit)
    {
        string? error = LastCommitError(parent, lastCommit);
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(lastCommit));
        }
    }

    public static string? LastCommitError(BlockHeader parent, Commit? lastCommit)
    {
        if (parent.Number == 0)
        {
            return lastCommit is null ? null : "the child of genesis carries no last commit";
        }

        if (lastCommit is null)
        {
            return $"missing the commit for parent block {parent.Number}";
        }

        if (lastCommit.Height != parent.Number || lastCommit.BlockHash != parent.Hash)
        {
            return $"last commit is for block {lastCommit.Height} ({lastCommit.BlockHash}), parent is {parent.Number} ({parent.Hash})";
        }

        return null;
    }

    public static Hash256 LastCommitHash(Commit? lastCommit) => lastCommit?.Hash ?? Hash256.Zero;
}
