using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>The requested state root was never committed here or is older than the retained history.</summary>
public sealed class StateRootNotFoundException : Exception
{
    public StateRootNotFoundException(Hash256 root, string message) : base(message)
    {
        Root = root;
    }

    public Hash256 Root { get; }
}
