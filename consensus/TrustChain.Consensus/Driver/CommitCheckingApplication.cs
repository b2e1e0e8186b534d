using TrustChain.Consensus.Validators;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Consensus;

namespace TrustChain.Consensus.Driver;

/// <summary>
/// Adds the one check the chain cannot make itself (it does not know validator sets): a block's lastCommit must carry
/// +2/3 of the parent height's voting power in valid precommit signatures. Everything else is the inner application's.
/// </summary>
public sealed class CommitCheckingApplication : IBlockApplication
{
    private readonly IBlockApplication _inner;
    private readonly IValidatorSetProvider _validators;
    private readonly ulong _chainId;

    public CommitCheckingApplication(IBlockApplication inner, IValidatorSetProvider validators, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(validators);
        _inner = inner;
        _validators = validators;
        _chainId = chainId;
    }

    public BlockProposal Propose(ulong height, Address proposer, ulong timestampMs, Commit? lastCommit) =>
        _inner.Propose(height, proposer, timestampMs, lastCommit);

    public bool Validate(Block block, out string? error)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (CheckLastCommit(block) is { } commitError)
        {
            error = commitError;
            return false;
        }

        return _inner.Validate(block, out error);
    }

    public void Commit(Block block, Commit commit) => _inner.Commit(block, commit);

    /// <summary>Null when the block's lastCommit is a valid +2/3 commit of its parent (or the block is height 1).</summary>
    public string? CheckLastCommit(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Number <= 1)
        {
            return null;
        }

        if (block.LastCommit is not { } lastCommit)
        {
            return $"block {block.Number} carries no commit for its parent";
        }

        if (lastCommit.Height != block.Number - 1 || lastCommit.BlockHash != block.Header.ParentHash)
        {
            return $"block {block.Number}: last commit is for block {lastCommit.Height} ({lastCommit.BlockHash}), not the parent";
        }

        return CommitVerifier.Verify(lastCommit, _validators.GetValidatorSet(lastCommit.Height), _chainId, out string? error)
            ? null
            : $"block {block.Number}: invalid last commit: {error}";
    }
}
