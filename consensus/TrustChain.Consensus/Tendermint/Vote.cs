using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Rlp;

namespace TrustChain.Consensus.Tendermint;

/// <summary>
/// A signed prevote or precommit for a block hash or nil (<see cref="BlockHash"/> null). The signature is over
/// <see cref="VoteSignBytes"/>, where nil is the zero hash. RLP: [type(0|1), height, round, blockHash or "", validator, signature65].
/// </summary>
public sealed class Vote : ConsensusMessage, IEquatable<Vote>
{
    public Vote(VoteType type, ulong height, int round, Hash256? blockHash, Address validator, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (type is not (VoteType.Prevote or VoteType.Precommit))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown vote type.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(round);
        if (signature.Length != CommitSignature.SignatureLength)
        {
            throw new ArgumentException($"Vote signature must be {CommitSignature.SignatureLength} bytes, got {signature.Length}.", nameof(signature));
        }

        if (blockHash is { IsZero: true })
        {
            throw new ArgumentException("The zero hash stands for nil in sign-bytes; pass null for a nil vote.", nameof(blockHash));
        }

        Type = type;
        Height = height;
        Round = round;
        BlockHash = blockHash;
        Validator = validator;
        Signature = signature;
    }

    public override ConsensusMessageKind Kind => ConsensusMessageKind.Vote;

    public VoteType Type { get; }

    public override ulong Height { get; }

    public int Round { get; }

    /// <summary>Null for a nil vote.</summary>
    public Hash256? BlockHash { get; }

    public bool IsNil => BlockHash is null;

    public Address Validator { get; }

    public byte[] Signature { get; }

    public Hash256 SignBytesHash(ulong chainId) => VoteSignBytes.Compute(chainId, Height, (uint)Round, BlockHash ?? Hash256.Zero, Type);

    /// <summary>True when the signature is a valid low-S signature by <see cref="Validator"/> for this chain.</summary>
    public bool VerifySignature(ulong chainId) => SignatureVerifier.RecoverSigner(SignBytesHash(chainId), Signature) == Validator;

    public byte[] Encode()
    {
        byte[] encoded = new byte[Rlp.LengthOfList(ContentLength)];
        RlpWriter writer = new(encoded);
        Write(ref writer);
        return encoded;
    }

    public int RlpLength => Rlp.LengthOfList(ContentLength);

    public void Write(ref RlpWriter writer)
    {
        writer.WriteListHeader(ContentLength);
        writer.WriteUInt64((ulong)Type);
        writer.WriteUInt64(Height);
        writer.WriteUInt64((ulong)Round);
        if (BlockHash is { } hash)
        {
            writer.WriteHash(hash);
        }
        else
        {
            writer.WriteBytes(ReadOnlySpan<byte>.Empty);
        }

        writer.WriteAddress(Validator);
        writer.WriteBytes(Signature);
    }

    public static Vote Decode(ReadOnlySpan<byte> encoded)
    {
        RlpReader reader = new(encoded);
        Vote vote = Read(ref reader);
        reader.CheckEnd();
        return vote;
    }

    public static Vote Read(ref RlpReader reader)
    {
        RlpReader r = reader.ReadList();
        ulong type = r.ReadUInt64();
        if (type > (ulong)VoteType.Precommit)
        {
            throw new RlpException($"Unknown vote type {type}.");
        }

        ulong height = r.ReadUInt64();
        int round = ReadRound(ref r);
        ReadOnlySpan<byte> hashBytes = r.ReadBytes();
        Hash256? blockHash = hashBytes.Length switch
        {
            0 => null,
            Hash256.Length => new Hash256(hashBytes),
            _ => throw new RlpException($"Vote block hash must be empty (nil) or 32 bytes, got {hashBytes.Length}."),
        };
        if (blockHash is { IsZero: true })
        {
            throw new RlpException("Vote block hash must not be the zero hash; nil is encoded as an empty string.");
        }

        Address validator = r.ReadAddress();
        ReadOnlySpan<byte> signature = r.ReadBytes();
        if (signature.Length != CommitSignature.SignatureLength)
        {
            throw new RlpException($"Vote signature must be {CommitSignature.SignatureLength} bytes, got {signature.Length}.");
        }

        r.CheckEnd();
        return new Vote((VoteType)type, height, round, blockHash, validator, signature.ToArray());
    }

    internal static int ReadRound(ref RlpReader reader)
    {
        ulong round = reader.ReadUInt64();
        if (round > int.MaxValue)
        {
            throw new RlpException($"Round {round} exceeds {int.MaxValue}.");
        }

        return (int)round;
    }

    public bool Equals(Vote? other) =>
        other is not null && Type == other.Type && Height == other.Height && Round == other.Round && BlockHash == other.BlockHash
        && Validator == other.Validator && Signature.AsSpan().SequenceEqual(other.Signature);

    public override bool Equals(object? obj) => obj is Vote other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Type, Height, Round, BlockHash, Validator);

    public override string ToString() => $"{Type}(h={Height} r={Round} {(BlockHash is { } h ? h.ToString()[..10] : "nil")} by {Validator})";

    private int ContentLength => Rlp.LengthOf((ulong)Type) + Rlp.LengthOf(Height) + Rlp.LengthOf((ulong)Round)
        + (BlockHash is null ? 1 : 1 + Hash256.Length) + Rlp.LengthOf(Validator) + 1 + 1 + CommitSignature.SignatureLength;
}
