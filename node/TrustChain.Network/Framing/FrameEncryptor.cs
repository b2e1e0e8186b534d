using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TrustChain.Network.Framing;

/// <summary>
/// Seals frames for one direction of a session. Every frame uses the next counter as its nonce; the counter never
/// wraps (the session ends first). Not thread-safe: one writer loop owns it.
/// </summary>
public sealed class FrameEncryptor : IDisposable
{
    private readonly AesGcm _aes;
    private readonly int _maxPayload;

    public FrameEncryptor(ReadOnlySpan<byte> key32, int maxPayload)
    {
        if (key32.Length != 32)
        {
            throw new ArgumentException($"Frame key must be 32 bytes, got {key32.Length}.", nameof(key32));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxPayload);
        _aes = new AesGcm(key32, FrameFormat.TagSize);
        _maxPayload = maxPayload;
    }

    /// <summary>Counter the next frame will use.</summary>
    public ulong NextCounter { get; private set; }

    public int MaxPayload => _maxPayload;

    /// <summary>Writes one sealed frame; returns its wire length.</summary>
    public int WriteFrame(IBufferWriter<byte> output, byte channel, byte messageType, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > _maxPayload)
        {
            throw new ArgumentException($"Payload of {payload.Length} bytes exceeds the frame cap of {_maxPayload}.", nameof(payload));
        }

        if (NextCounter == ulong.MaxValue)
        {
            throw new FrameException(DisconnectReason.NonceExhausted, "Send nonce counter exhausted; the session must end.");
        }

        int plainLength = FrameFormat.HeaderSize + payload.Length;
        int wireLength = FrameFormat.LengthPrefixSize + plainLength + FrameFormat.TagSize;
        Span<byte> frame = output.GetSpan(wireLength)[..wireLength];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)(plainLength + FrameFormat.TagSize));
        Span<byte> body = frame.Slice(FrameFormat.LengthPrefixSize, plainLength);
        body[0] = channel;
        body[1] = messageType;
        payload.CopyTo(body[FrameFormat.HeaderSize..]);

        Span<byte> nonce = stackalloc byte[FrameFormat.NonceSize];
        FrameNonce.Write(NextCounter, nonce);
        _aes.Encrypt(nonce, body, body, frame.Slice(FrameFormat.LengthPrefixSize + plainLength, FrameFormat.TagSize), frame[..FrameFormat.LengthPrefixSize]);
        NextCounter++;
        output.Advance(wireLength);
        return wireLength;
    }

    public byte[] SealFrame(byte channel, byte messageType, ReadOnlySpan<byte> payload)
    {
        ArrayBufferWriter<byte> buffer = new(FrameFormat.WireLength(payload.Length));
        WriteFrame(buffer, channel, messageType, payload);
        return buffer.WrittenSpan.ToArray();
    }

    public void Dispose() => _aes.Dispose();
}
