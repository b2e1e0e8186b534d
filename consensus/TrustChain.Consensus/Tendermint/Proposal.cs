using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Rlp;

namespace TrustChain.Consensus.Tendermint;

/// <summary>
/// ⟨PROPOSAL, height, round, block, validRound⟩ signed by the round's proposer over <see cref="ProposalSignBytes"/>.
/// <see cref="ValidRound"/> is −1 for a fresh value. The proposer is not carried: it is recovered from the signature.
/// RLP: [height, round, validRound + 1, block, signature65].
/// </summary>
public sealed class Proposal : ConsensusMessage
{
    public Proposal(ulong height, int round, Block block, int validRound, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        if (validRound < -1 || validRound >= round)
        {
            throw new ArgumentOutOfRangeException(nameof(validRound), validRound, $"Valid round must be −1 or below the round {round}.");
        }

        if (signature.Length != CommitSignature.SignatureLength)
        {
            throw new ArgumentException($"Proposal signature must be {CommitSignature.SignatureLength} bytes, got {signature.Length}.", nameof(signature));
        }

        if (block.Number != height)
        {
            throw new ArgumentException($"Proposal for height {height} carries block #{block.Number}.", nameof(block));
        }

        Height = height;
        Round = round;
        Block = block;
        ValidRound = validRound;
        Signature = signature;
    }

    public override ConsensusMessageKind Kind => ConsensusMessageKind.Proposal;

    public override ulong Height { get; }

    public int Round { get; }

    public Block Block { get; }

    public int ValidRound { get; }

    public byte[] Signature { get; }

    public Hash256 BlockHash => Block.Hash;

    public Hash256 SignBytesHash(ulong chainId) => ProposalSignBytes.Compute(chainId, Height, Round, ValidRound, Block.Hash);

    /// <summary>The signer, or null when the signature is malformed or high-S.</summary>
    public Address? RecoverProposer(ulong chainId) => SignatureVerifier.RecoverSigner(SignBytesHash(chainId), Signature);

    public byte[] Encode()
    {
        byte[] block = BlockEncoder.Encode(Block);
        int content = Rlp.LengthOf(Height) + Rlp.LengthOf((ulong)Round) + Rlp.LengthOf((ulong)(ValidRound + 1L)) + block.Length
            + 2 + CommitSignature.SignatureLength;
        byte[] encoded = new byte[Rlp.LengthOfList(content)];
        RlpWriter writer = new(encoded);
        writer.WriteListHeader(content);
        writer.WriteUInt64(Height);
        writer.WriteUInt64((ulong)Round);
        writer.WriteUInt64((ulong)(ValidRound + 1L));
        writer.WriteEncoded(block);
        writer.WriteBytes(Signature);
        return encoded;
    }

    public static Proposal Decode(ReadOnlySpan<byte> encoded)
    {
        RlpReader reader = new(encoded);
        RlpReader r = reader.ReadList();
        reader.CheckEnd();
        ulong height = r.ReadUInt64();
        int round = Vote.ReadRound(ref r);
        ulong validRoundPlusOne = r.ReadUInt64();
        if (validRoundPlusOne > (ulong)round)
        {
            throw new RlpException($"Proposal valid round {(long)validRoundPlusOne - 1} is not below its round {round}.");
        }

        Block block = BlockDecoder.Decode(r.ReadEncodedItem());
        if (block.Number != height)
        {
            throw new RlpException($"Proposal for height {height} carries block #{block.Number}.");
        }

        ReadOnlySpan<byte> signature = r.ReadBytes();
        if (signature.Length != CommitSignature.SignatureLength)
        {
            throw new RlpException($"Proposal signature must be {CommitSignature.SignatureLength} bytes, got {signature.Length}.");
        }

        r.CheckEnd();
        return new Proposal(height, round, block, (int)validRoundPlusOne - 1, signature.ToArray());
    }

    public override string ToString() => $"Proposal(h={Height} r={Round} vr={ValidRound} {Block.Hash.ToString()[..10]})";
}
