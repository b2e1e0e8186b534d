using Microsoft.Extensions.Logging;

namespace TrustChain.Rpc.Hosting;

/// <summary>Sends the embedded web host's logs to the node's logger factory (after the host's own level filters).</summary>
internal sealed class ForwardingLoggerProvider : ILoggerProvider
{
    private readonly ILoggerFactory _target;

    public ForwardingLoggerProvider(ILoggerFactory target)
    {
        _target = target;
    }

    public ILogger CreateLogger(string categoryName) => _target.CreateLogger(categoryName);

    public void Dispose()
    {
    }
}
