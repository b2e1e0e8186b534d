namespace TrustChain.Chain.State;

/// <summary>The state database holds data that violates the tree's invariants (or a node is missing).</summary>
public sealed class StateCorruptionException : Exception
{
    public StateCorruptionException(string message) : base(message)
    {
    }
}
