using System.Buffers.Binary;
using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Credentials;

/// <summary>
/// A credential as stored on chain: hashes and addresses only, the content travels off chain. Times are Unix seconds
/// (block.timestamp as wallets see it); <see cref="Expiration"/> 0 never expires; <see cref="RevokedBlock"/> 0 is not revoked.
/// </summary>
public readonly record struct CredentialRecord(
    Hash256 Uid,
    Hash256 SchemaUid,
    Address Issuer,
    Address Recipient,
    Hash256 SubjectCommitment,
    Hash256 RefUid,
    Hash256 DataHash,
    ulong Expiration,
    ulong IssuedAt,
    ulong IssuedBlock,
    ulong RevokedAt,
    ulong RevokedBlock)
{
    /// <summary>Bytes of the packed storage value (the uid is the key, not stored).</summary>
    public const int EncodedLength = 3 * Hash256.Length + Hash256.Length + 2 * Address.Length + 5 * sizeof(ulong);

    public bool IsRevoked => RevokedBlock != 0;

    /// <summary>One storage value per credential keeps an issue at one record write (plus its two index entries).</summary>
    public void Encode(Span<byte> destination)
    {
        if (destination.Length < EncodedLength)
        {
            throw new ArgumentException($"a credential record needs {EncodedLength} bytes, got {destination.Length}", nameof(destination));
        }

        SchemaUid.CopyTo(destination);
        Issuer.CopyTo(destination[32..]);
        Recipient.CopyTo(destination[52..]);
        SubjectCommitment.CopyTo(destination[72..]);
        RefUid.CopyTo(destination[104..]);
        DataHash.CopyTo(destination[136..]);
        BinaryPrimitives.WriteUInt64BigEndian(destination[168..], Expiration);
        BinaryPrimitives.WriteUInt64BigEndian(destination[176..], IssuedAt);
        BinaryPrimitives.WriteUInt64BigEndian(destination[184..], IssuedBlock);
        BinaryPrimitives.WriteUInt64BigEndian(destination[192..], RevokedAt);
        BinaryPrimitives.WriteUInt64BigEndian(destination[200..], RevokedBlock);
    }

    public static CredentialRecord Decode(in Hash256 uid, ReadOnlySpan<byte> source)
    {
        if (source.Length != EncodedLength)
        {
            throw new InvalidOperationException($"credential {uid} has a {source.Length}-byte record, expected {EncodedLength}");
        }

        return new CredentialRecord(
            uid,
            new Hash256(source[..32]),
            new Address(source.Slice(32, 20)),
            new Address(source.Slice(52, 20)),
            new Hash256(source.Slice(72, 32)),
            new Hash256(source.Slice(104, 32)),
            new Hash256(source.Slice(136, 32)),
            BinaryPrimitives.ReadUInt64BigEndian(source[168..]),
            BinaryPrimitives.ReadUInt64BigEndian(source[176..]),
            BinaryPrimitives.ReadUInt64BigEndian(source[184..]),
            BinaryPrimitives.ReadUInt64BigEndian(source[192..]),
            BinaryPrimitives.ReadUInt64BigEndian(source[200..]));
    }
}
