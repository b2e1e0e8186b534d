using TrustChain.Core.Rlp;
using static TrustChain.Core.Rlp.Rlp;

namespace TrustChain.Core.Consensus;

/// <summary>
/// One signed vote as it appears inside block evidence, in the engine's vote encoding:
/// RLP [type(0|1), height, round, blockHash or "" for nil, validator, signature65]. Immutable; decoding is strict.
/// </summary>
public sealed class EvidenceVote : IEquatable<EvidenceVote>
{
    private readonly byte[] _signature;

    public EvidenceVote(byte type, ulong height, uint round, Hash256? blockHash, Address validator, ReadOnlySpan<byte> signature)
    {
        if (type > VoteSignPayload.Precommit)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown vote type: 0 is prevote, 1 is precommit.");
        }

        // The engine's rounds are non-negative ints; a larger one cannot come from an honest encoder.
        if (round > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(round), round, $"Round exceeds {int.MaxValue}.");
        }

        if (blockHash is { IsZero: true })
        {
            throw new ArgumentException("The zero hash stands for nil in sign-bytes; pass null for a nil vote.", nameof(blockHash));
        }

        if (signature.Length != VoteSignPayload.SignatureLength)
        {
            throw new ArgumentException($"Vote signature must be {VoteSignPayload.SignatureLength} bytes, got {signature.Length}.", nameof(signature));
        }

        Type = type;
        Height = height;
        Round = round;
        BlockHash = blockHash;
        Validator = validator;
        _signature = signature.ToArray();
    }

    /// <summary><see cref="VoteSignPayload.Prevote"/> or <see cref="VoteSignPayload.Precommit"/>.</summary>
    public byte Type { get; }

    public ulong Height { get; }

    public uint Round { get; }

    /// <summary>Null for a nil vote.</summary>
    public Hash256? BlockHash { get; }

    public Address Validator { get; }

    public ReadOnlySpan<byte> Signature => _signature;

    public int RlpLength => LengthOfList(ContentLength);

    private int ContentLength => LengthOf((ulong)Type) + LengthOf(Height) + LengthOf((ulong)Round)
        + (BlockHash is null ? 1 : 1 + Hash256.Length) + LengthOf(Validator) + LengthOf(_signature);

    public Hash256 SignBytesHash(ulong chainId) => VoteSignPayload.Compute(chainId, Height, Round, BlockHash ?? Hash256.Zero, Type);

    /// <summary>True when the signature is a valid low-S signature by <see cref="Validator"/> for this chain.</summary>
    public bool VerifySignature(ulong chainId) => VoteSignPayload.RecoverSigner(SignBytesHash(chainId), _signature) == Validator;

    public void Write(ref RlpWriter writer)
    {
        writer.WriteListHeader(ContentLength);
        writer.WriteUInt64(Type);
        writer.WriteUInt64(Height);
        writer.WriteUInt64(Round);
        if (BlockHash is { } hash)
        {
            writer.WriteHash(hash);
        }
        else
        {
            writer.WriteBytes(ReadOnlySpan<byte>.Empty);
        }

        writer.WriteAddress(Validator);
        writer.WriteBytes(_signature);
    }

    public static EvidenceVote Read(ref RlpReader reader)
    {
        RlpReader r = reader.ReadList();
        ulong type = r.ReadUInt64();
        if (type > VoteSignPayload.Precommit)
        {
            throw new RlpException($"Unknown vote type {type}.");
        }

        ulong height = r.ReadUInt64();
        ulong round = r.ReadUInt64();
        if (round > int.MaxValue)
        {
            throw new RlpException($"Round {round} exceeds {int.MaxValue}.");
        }

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
        if (signature.Length != VoteSignPayload.SignatureLength)
        {
            throw new RlpException($"Vote signature must be {VoteSignPayload.SignatureLength} bytes, got {signature.Length}.");
        }

        r.CheckEnd();
        return new EvidenceVote((byte)type, height, (uint)round, blockHash, validator, signature);
    }

    public bool Equals(EvidenceVote? other) =>
        other is not null && Type == other.Type && Height == other.Height && Round == other.Round && BlockHash == other.BlockHash
        && Validator == other.Validator && Signature.SequenceEqual(other.Signature);

    public override bool Equals(object? obj) => obj is EvidenceVote other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Type, Height, Round, BlockHash, Validator);
}
