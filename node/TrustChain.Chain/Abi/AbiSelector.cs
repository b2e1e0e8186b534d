using System.Buffers.Binary;
using System.Text;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.Abi;

/// <summary>The first 4 bytes of keccak256(signature), held as a big-endian integer so lookups do not allocate.</summary>
public readonly record struct AbiSelector(uint Value)
{
    public const int Length = 4;

    public static AbiSelector Of(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return new AbiSelector(BinaryPrimitives.ReadUInt32BigEndian(Keccak256.Compute(Encoding.UTF8.GetBytes(signature)).Bytes));
    }

    public static bool TryRead(ReadOnlySpan<byte> callData, out AbiSelector selector)
    {
        if (callData.Length < Length)
        {
            selector = default;
            return false;
        }

        selector = new AbiSelector(BinaryPrimitives.ReadUInt32BigEndian(callData));
        return true;
    }

    public void CopyTo(Span<byte> destination) => BinaryPrimitives.WriteUInt32BigEndian(destination, Value);

    public byte[] ToArray()
    {
        byte[] bytes = new byte[Length];
        CopyTo(bytes);
        return bytes;
    }

    public override string ToString() => "0x" + Value.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
}
