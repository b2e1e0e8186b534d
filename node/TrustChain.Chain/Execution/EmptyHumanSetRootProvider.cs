using TrustChain.Chain.State;
using TrustChain.Core;

namespace TrustChain.Chain.Execution;

/// <summary>
/// The provider in force while no HumanRegistry is registered: there is no human set, so its root is the zero hash.
/// </summary>
public sealed class EmptyHumanSetRootProvider : IHumanSetRootProvider
{
    public static readonly EmptyHumanSetRootProvider Instance = new();

    private EmptyHumanSetRootProvider()
    {
    }

    public Hash256 GetHumanSetRoot(IStateReader postState) => Hash256.Zero;
}
