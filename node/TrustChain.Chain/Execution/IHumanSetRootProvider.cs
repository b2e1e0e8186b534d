using TrustChain.Chain.State;
using TrustChain.Core;

namespace TrustChain.Chain.Execution;

/// <summary>Supplies the header's humanSetRoot from the post-execution state of a block.</summary>
public interface IHumanSetRootProvider
{
    Hash256 GetHumanSetRoot(IStateReader postState);
}
