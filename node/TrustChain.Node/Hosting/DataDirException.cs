namespace TrustChain.Node.Hosting;

/// <summary>The data dir is in a state the command cannot work with (e.g. initialised for another network).</summary>
public sealed class DataDirException : Exception
{
    public DataDirException(string message) : base(message)
    {
    }
}
