using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TrustChain.Network.Framing;

/// <summary>
/// Opens frames for one direction. The expected counter advances only on success, so a replayed, reordered or
/// dropped frame is opened with the wrong nonce and fails authentication. Not thread-safe: one reader loop owns it.
/// </summary>
public sealed class FrameDecryptor : IDisposable
{
    private readonly AesGcm _aes;
    private readonly int _maxBodyLength;

    public FrameDecryptor(ReadOnlySpan<byte> key32, int maxPayload)
    {
        if (key32.Length != 32)
        {
            throw new ArgumentException($"Frame key must be 32 bytes, got {key32.Length}.", nameof(key32));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxPayload);
        _aes = new AesGcm(key32, FrameFormat.TagSize);
        _maxBodyLength = FrameFormat.MaxBodyLength(maxPayload);
    }

    public ulong NextCounter { get; private set; }

    /// <summary>
    /// Takes one whole frame off the front of <paramref name="buffer"/> if it is there. The length prefix is checked
    /// against the cap as soon as its 4 bytes arrive, before the body is awaited or any buffer is allocated.
    /// </summary>
    /// <exception cref="FrameException">Oversize or undersize length, or a frame that fails authentication.</exception>
    public bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out Frame frame)
    {
        frame = default;
        if (buffer.Length < FrameFormat.LengthPrefixSize)
        {
            return false;
        }

        Span<byte> prefix = stackalloc byte[FrameFormat.LengthPrefixSize];
        buffer.Slice(0, FrameFormat.LengthPrefixSize).CopyTo(prefix);
        uint bodyLength = BinaryPrimitives.ReadUInt32BigEndian(prefix);
        if (bodyLength > (uint)_maxBodyLength)
        {
            throw new FrameException(DisconnectReason.FrameTooLarge, $"Frame announces {bodyLength} bytes; the cap is {_maxBodyLength}.");
        }

        if (bodyLength < FrameFormat.HeaderSize + FrameFormat.TagSize)
        {
            throw new FrameException(DisconnectReason.MalformedFrame, $"Frame of {bodyLength} bytes is shorter than header and tag.");
        }

        long wireLength = FrameFormat.LengthPrefixSize + (long)bodyLength;
        if (buffer.Length < wireLength)
        {
            return false;
        }

        if (NextCounter == ulong.MaxValue)
        {
            throw new FrameException(DisconnectReason.NonceExhausted, "Receive nonce counter exhausted; the session must end.");
        }

        int plainLength = (int)bodyLength - FrameFormat.TagSize;
        byte[] plain = new byte[plainLength];
        ReadOnlySequence<byte> body = buffer.Slice(FrameFormat.LengthPrefixSize, bodyLength);
        if (body.IsSingleSegment)
        {
            Open(prefix, body.FirstSpan, plain);
        }
        else
        {
            byte[] rented = ArrayPool<byte>.Shared.Rent((int)bodyLength);
            try
            {
                body.CopyTo(rented);
                Open(prefix, rented.AsSpan(0, (int)bodyLength), plain);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        NextCounter++;
        buffer = buffer.Slice(wireLength);
        frame = new Frame(plain[0], plain[1], plain.AsMemory(FrameFormat.HeaderSize), (int)wireLength);
        return true;
    }

    private void Open(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> body, Span<byte> plain)
    {
        Span<byte> nonce = stackalloc byte[FrameFormat.NonceSize];
        FrameNonce.Write(NextCounter, nonce);
        int plainLength = plain.Length;
        try
        {
            _aes.Decrypt(nonce, body[..plainLength], body.Slice(plainLength, FrameFormat.TagSize), plain, prefix);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new FrameException(DisconnectReason.DecryptionFailed, $"Frame {NextCounter} failed authentication (tampered, replayed or reordered).", ex);
        }
    }

    public void Dispose() => _aes.Dispose();
}
