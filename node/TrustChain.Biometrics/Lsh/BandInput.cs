using System.Buffers.Binary;

namespace TrustChain.Biometrics.Lsh;

/// <summary>
/// One LSH band of a template: its index, bit count and value (bit i = template bit at the band's i-th position).
/// Canonical 11-byte encoding hashed by every tagger: band u16 BE ‖ bitCount u8 ‖ value u64 BE.
/// </summary>
public readonly record struct BandInput(int Band, int BitCount, ulong Value)
{
    public const int EncodedLength = 11;

    public void Encode(Span<byte> destination)
    {
        if (destination.Length < EncodedLength)
        {
            throw new ArgumentException($"Destination must hold {EncodedLength} bytes.", nameof(destination));
        }

        if ((uint)Band > ushort.MaxValue || BitCount is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(Band), $"Band {Band} / bit count {BitCount} out of range.");
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)Band);
        destination[2] = (byte)BitCount;
        BinaryPrimitives.WriteUInt64BigEndian(destination[3..], Value);
    }

    public byte[] Encode()
    {
        byte[] result = new byte[EncodedLength];
        Encode(result);
        return result;
    }
}
