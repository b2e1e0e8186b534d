namespace TrustChain.Consensus.Tendermint;

/// <summary>The private validator refused to sign: it would conflict with, or regress behind, what it already signed.</summary>
public sealed class DoubleSignRefusedException : InvalidOperationException
{
    public DoubleSignRefusedException(string message) : base(message)
    {
    }
}
