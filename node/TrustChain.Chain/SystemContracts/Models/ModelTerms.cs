using System.Buffers.Binary;
using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Models;

/// <summary>
/// What settle, buyAccess and the owner checks need of a model, packed into one storage value so a settlement reads it
/// once: price(32) ‖ hostBps(2) ‖ validatorBps(2) ‖ status(1) ‖ requireHuman(1) ‖ fingerprintCount(4) ‖
/// registeredAt(8) ‖ ownerCount(1) ‖ ownerCount × (owner(20) ‖ bps(2)), integers big-endian.
/// </summary>
internal sealed record ModelTerms(
    UInt256 Price,
    ushort HostBps,
    ushort ValidatorBps,
    ModelStatus Status,
    bool RequireHuman,
    uint FingerprintCount,
    ulong RegisteredAt,
    ModelOwner[] Owners)
{
    private const int HeaderLength = 32 + 2 + 2 + 1 + 1 + 4 + 8 + 1;
    private const int OwnerLength = Address.Length + 2;

    /// <summary>Sum of the owners' bps: the whole of the ownership that host approvals are measured against.</summary>
    public ulong OwnershipBps
    {
        get
        {
            ulong sum = 0;
            foreach (ModelOwner owner in Owners)
            {
                sum += owner.Bps;
            }

            return sum;
        }
    }

    /// <summary>The account's share; 0 when it is not an owner.</summary>
    public ushort OwnerBps(Address account)
    {
        foreach (ModelOwner owner in Owners)
        {
            if (owner.Account == account)
            {
                return owner.Bps;
            }
        }

        return 0;
    }

    public byte[] Encode()
    {
        byte[] bytes = new byte[HeaderLength + Owners.Length * OwnerLength];
        Span<byte> span = bytes;
        Price.ToBigEndian(span[..32]);
        BinaryPrimitives.WriteUInt16BigEndian(span[32..], HostBps);
        BinaryPrimitives.WriteUInt16BigEndian(span[34..], ValidatorBps);
        span[36] = (byte)Status;
        span[37] = RequireHuman ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(span[38..], FingerprintCount);
        BinaryPrimitives.WriteUInt64BigEndian(span[42..], RegisteredAt);
        span[50] = checked((byte)Owners.Length);
        for (int i = 0; i < Owners.Length; i++)
        {
            Span<byte> entry = span.Slice(HeaderLength + i * OwnerLength, OwnerLength);
            Owners[i].Account.CopyTo(entry);
            BinaryPrimitives.WriteUInt16BigEndian(entry[Address.Length..], Owners[i].Bps);
        }

        return bytes;
    }

    public static ModelTerms Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderLength || bytes.Length != HeaderLength + bytes[50] * OwnerLength)
        {
            throw new InvalidOperationException($"model registry storage corrupt: terms of {bytes.Length} bytes");
        }

        ModelOwner[] owners = new ModelOwner[bytes[50]];
        for (int i = 0; i < owners.Length; i++)
        {
            ReadOnlySpan<byte> entry = bytes.Slice(HeaderLength + i * OwnerLength, OwnerLength);
            owners[i] = new ModelOwner(new Address(entry[..Address.Length]), BinaryPrimitives.ReadUInt16BigEndian(entry[Address.Length..]));
        }

        return new ModelTerms(
            new UInt256(bytes[..32]),
            BinaryPrimitives.ReadUInt16BigEndian(bytes[32..]),
            BinaryPrimitives.ReadUInt16BigEndian(bytes[34..]),
            (ModelStatus)bytes[36],
            bytes[37] != 0,
            BinaryPrimitives.ReadUInt32BigEndian(bytes[38..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[42..]),
            owners);
    }
}
