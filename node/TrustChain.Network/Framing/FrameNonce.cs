using System.Buffers.Binary;

namespace TrustChain.Network.Framing;

internal static class FrameNonce
{
    /// <summary>96-bit nonce = 4 zero bytes ‖ 64-bit big-endian counter; keys are per direction, so counters never collide.</summary>
    public static void Write(ulong counter, Span<byte> nonce12)
    {
        nonce12[..4].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(nonce12[4..], counter);
    }
}
