using System.IO.Pipelines;

namespace TrustChain.Network.Tests;

internal sealed class DuplexPipe : IDuplexPipe
{
    public DuplexPipe(PipeReader input, PipeWriter output)
    {
        Input = input;
        Output = output;
    }

    public PipeReader Input { get; }

    public PipeWriter Output { get; }

    public static (IDuplexPipe A, IDuplexPipe B) CreatePair()
    {
        Pipe aToB = new();
        Pipe bToA = new();
        return (new DuplexPipe(bToA.Reader, aToB.Writer), new DuplexPipe(aToB.Reader, bToA.Writer));
    }
}
