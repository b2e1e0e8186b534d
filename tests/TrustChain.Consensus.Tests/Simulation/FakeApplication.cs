using TrustChain.Consensus.Validators;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Consensus;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;

namespace TrustChain.Consensus.Tests.Simulation;

/// <summary>
/// A deterministic chain of real Core blocks with empty transaction lists: the state root is a hash chain of the
/// heights, and every block's lastCommit must be a +2/3 commit of the parent under the validator set.
/// </summary>
public sealed class FakeApplication : IBlockApplication
{
    private readonly ulong _chainId;
    private readonly IValidatorSetProvider _validators;
    private BlockHeader _head = new() { Number = 0, Timestamp = 0, StateRoot = Keccak256.Compute("genesis"u8) };
    private Commit? _lastCommit;

    public FakeApplication(ulong chainId, IValidatorSetProvider validators)
    {
        _chainId = chainId;
        _validators = validators;
    }

    public List<(Block Block, Commit Commit)> Committed { get; } = [];

    public BlockHeader Head => _head;

    public BlockProposal Propose(ulong height, Address proposer, ulong timestampMs, Commit? lastCommit)
    {
        if (height != _head.Number + 1)
        {
            throw new InvalidOperationException($"Propose at {height} on head {_head.Number}.");
        }

        Commit? commit = lastCommit ?? _lastCommit;
        BlockHeader header = new()
        {
            ParentHash = _head.Hash,
            Number = height,
            Timestamp = Math.Max(timestampMs, _head.Timestamp + 1),
            Proposer = proposer,
            StateRoot = NextStateRoot(_head, height),
            ValidatorsHash = _validators.GetValidatorSet(height).Hash,
            NextValidatorsHash = _validators.GetValidatorSet(height + 1).Hash,
            LastCommitHash = commit?.Hash ?? Hash256.Zero,
        };
        return new BlockProposal(new Block(header, Array.Empty<Transaction>(), commit, Array.Empty<byte[]>()), Array.Empty<TxReceipt>());
    }

    public bool Validate(Block block, out string? error)
    {
        BlockHeader h = block.Header;
        if (h.Number != _head.Number + 1 || h.ParentHash != _head.Hash)
        {
            error = "not on the head";
            return false;
        }

        if (h.Timestamp <= _head.Timestamp || h.StateRoot != NextStateRoot(_head, h.Number) || h.ValidatorsHash != _validators.GetValidatorSet(h.Number).Hash)
        {
            error = "bad header";
            return false;
        }

        if (h.Number > 1)
        {
            if (block.LastCommit is not { } commit || commit.BlockHash != _head.Hash || commit.Height != _head.Number
                || h.LastCommitHash != commit.Hash || !CommitVerifier.Verify(commit, _validators.GetValidatorSet(_head.Number), _chainId, out error))
            {
                error = "bad last commit";
                return false;
            }
        }

        error = null;
        return true;
    }

    public void Commit(Block block, Commit commit)
    {
        if (!Validate(block, out string? error))
        {
            throw new InvalidOperationException($"Committing an invalid block: {error}");
        }

        if (commit.BlockHash != block.Hash || !CommitVerifier.Verify(commit, _validators.GetValidatorSet(block.Number), _chainId, out error))
        {
            throw new InvalidOperationException($"Committing with a bad commit: {error}");
        }

        _head = block.Header;
        _lastCommit = commit;
        Committed.Add((block, commit));
    }

    private static Hash256 NextStateRoot(BlockHeader parent, ulong height)
    {
        byte[] input = new byte[40];
        parent.StateRoot.CopyTo(input);
        BitConverter.TryWriteBytes(input.AsSpan(32), height);
        return Keccak256.Compute(input);
    }
}
