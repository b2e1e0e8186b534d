using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;

namespace TrustChain.Consensus;

/// <summary>Signs and checks precommit signatures over <see cref="VoteSignBytes"/>.</summary>
public static class CommitSigner
{
    public static CommitSignature SignPrecommit(PrivateKey validator, ulong chainId, ulong height, uint round, in Hash256 blockHash)
    {
        ArgumentNullException.ThrowIfNull(validator);
        Hash256 message = VoteSignBytes.Compute(chainId, height, round, blockHash, VoteType.Precommit);
        return new CommitSignature(validator.Address, validator.Sign(message).ToBytes65());
    }

    /// <summary>A one-validator commit for <paramref name="block"/> at round 0 (what the dev chain produces).</summary>
    public static Commit CreateSingleValidatorCommit(PrivateKey validator, ulong chainId, Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return new Commit(block.Number, 0, block.Hash, [SignPrecommit(validator, chainId, block.Number, 0, block.Hash)]);
    }

    /// <summary>True when every signature in <paramref name="commit"/> recovers to the validator it names.</summary>
    public static bool VerifySignatures(Commit commit, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(commit);
        Hash256 message = VoteSignBytes.Compute(chainId, commit.Height, commit.Round, commit.BlockHash, VoteType.Precommit);
        foreach (CommitSignature signature in commit.Signatures)
        {
            EcdsaSignature parsed;
            try
            {
                parsed = EcdsaSignature.FromBytes65(signature.Signature);
            }
            catch (FormatException)
            {
                return false;
            }

            if (!parsed.IsLowS || parsed.RecoverAddress(message) != signature.ValidatorAddress)
            {
                return false;
            }
        }

        return commit.Signatures.Count > 0;
    }
}
