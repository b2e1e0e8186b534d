using System.Buffers.Binary;
using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Credentials;

/// <summary>The stored part of an issuer slash proposal (tallies are computed from the active set when read).</summary>
internal readonly record struct StoredSlashProposal(
    Address Issuer,
    Address Proposer,
    uint BasisPoints,
    Hash256 ReasonHash,
    ulong ProposedBlock,
    ulong Deadline,
    IssuerSlashStatus Status)
{
    public const int EncodedLength = 2 * Address.Length + 2 + Hash256.Length + 2 * sizeof(ulong) + 1;

    public void Encode(Span<byte> destination)
    {
        Issuer.CopyTo(destination);
        Proposer.CopyTo(destination[20..]);
        BinaryPrimitives.WriteUInt16BigEndian(destination[40..], (ushort)BasisPoints);
        ReasonHash.CopyTo(destination[42..]);
        BinaryPrimitives.WriteUInt64BigEndian(destination[74..], ProposedBlock);
        BinaryPrimitives.WriteUInt64BigEndian(destination[82..], Deadline);
        destination[90] = (byte)Status;
    }

    public static StoredSlashProposal Decode(ulong id, ReadOnlySpan<byte> source)
    {
        if (source.Length != EncodedLength)
        {
            throw new InvalidOperationException($"issuer slash proposal {id} has a {source.Length}-byte record, expected {EncodedLength}");
        }

        return new StoredSlashProposal(
            new Address(source[..20]),
            new Address(source.Slice(20, 20)),
            BinaryPrimitives.ReadUInt16BigEndian(source[40..]),
            new Hash256(source.Slice(42, 32)),
            BinaryPrimitives.ReadUInt64BigEndian(source[74..]),
            BinaryPrimitives.ReadUInt64BigEndian(source[82..]),
            (IssuerSlashStatus)source[90]);
    }

    /// <summary>The status a reader sees at <paramref name="blockNumber"/>: an open proposal past its deadline has expired.</summary>
    public IssuerSlashStatus StatusAt(ulong blockNumber) =>
        Status == IssuerSlashStatus.Open && blockNumber >= Deadline ? IssuerSlashStatus.Expired : Status;
}
