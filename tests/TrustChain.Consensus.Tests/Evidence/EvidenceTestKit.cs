using TrustChain.Consensus.Evidence;
using TrustChain.Consensus.Tendermint;
using TrustChain.Consensus.Validators;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Consensus.Tests.Evidence;

internal static class EvidenceTestKit
{
    public const ulong ChainId = 7357;

    public static readonly Hash256 BlockA = Keccak256.Compute("block-a"u8);
    public static readonly Hash256 BlockB = Keccak256.Compute("block-b"u8);

    public static Vote Signed(PrivateKey key, VoteType type, ulong height, int round, Hash256? hash, ulong chainId = ChainId)
    {
        byte[] signature = key.Sign(VoteSignBytes.Compute(chainId, height, (uint)round, hash ?? Hash256.Zero, type)).ToBytes65();
        return new Vote(type, height, round, hash, key.Address, signature);
    }

    public static DuplicateVoteEvidence DoubleSign(PrivateKey key, ulong height, int round = 0, VoteType type = VoteType.Precommit) =>
        new(Signed(key, type, height, round, BlockA), Signed(key, type, height, round, BlockB));

    /// <summary>Validators 0..count-1 of <see cref="TestKeys"/> with equal power.</summary>
    public static StaticValidatorSetProvider Validators(int count)
    {
        List<Validator> validators = [];
        for (int i = 0; i < count; i++)
        {
            validators.Add(new Validator(TestKeys.Validator(i).Address, TestKeys.Validator(i).PublicKey.ToArray(), 10));
        }

        return new StaticValidatorSetProvider(validators);
    }
}
