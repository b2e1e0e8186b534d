using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>An account as stored in the state tree: value = RLP [nonce, balance]. Absent = <see cref="Empty"/>.</summary>
public readonly record struct Account(ulong Nonce, UInt256 Balance)
{
    public static readonly Account Empty;

    /// <summary>An empty account is not stored at all, so touching an account never changes the root.</summary>
    public bool IsEmpty => Nonce == 0 && Balance.IsZero;
}
