using System.IO.Pipelines;

namespace TrustChain.Network.Transport;

/// <summary>Wraps a stream (an outbound <see cref="System.Net.Sockets.NetworkStream"/>) as the same <see cref="IDuplexPipe"/> Kestrel hands to inbound connections.</summary>
public sealed class StreamDuplexPipe : IDuplexPipe
{
    public StreamDuplexPipe(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Input = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 4 * 1024, leaveOpen: true));
        Output = PipeWriter.Create(stream, new StreamPipeWriterOptions(minimumBufferSize: 64 * 1024, leaveOpen: true));
    }

    public PipeReader Input { get; }

    public PipeWriter Output { get; }
}
