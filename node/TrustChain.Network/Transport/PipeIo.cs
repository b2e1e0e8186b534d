using System.Buffers;
using System.IO.Pipelines;
using TrustChain.Network.Framing;

namespace TrustChain.Network.Transport;

/// <summary>Small awaitable reads over a <see cref="PipeReader"/> for the handshake, leaving any surplus in the pipe.</summary>
public static class PipeIo
{
    public static async ValueTask<byte[]> ReadExactAsync(PipeReader reader, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (true)
        {
            ReadResult result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            if (buffer.Length >= count)
            {
                byte[] bytes = buffer.Slice(0, count).ToArray();
                reader.AdvanceTo(buffer.GetPosition(count));
                return bytes;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                throw new EndOfStreamException($"Connection closed after {buffer.Length} of {count} expected bytes.");
            }
        }
    }

    /// <exception cref="FrameException">The next frame is oversize, malformed or fails authentication.</exception>
    public static async ValueTask<Frame> ReadFrameAsync(PipeReader reader, FrameDecryptor decryptor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(decryptor);
        while (true)
        {
            ReadResult result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            bool read;
            Frame frame;
            try
            {
                read = decryptor.TryReadFrame(ref buffer, out frame);
            }
            catch
            {
                reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                throw;
            }

            if (read)
            {
                reader.AdvanceTo(buffer.Start);
                return frame;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                throw new EndOfStreamException("Connection closed in the middle of a frame.");
            }
        }
    }
}
