using TrustChain.Chain.Specs;
using TrustChain.Chain.State;

namespace TrustChain.Chain.Blocks;

/// <summary>
/// Where validator sets change: at every epoch boundary (number % epochLength == 0) the set that votes on the next
/// epoch is read from that block's post-state, and the boundary header commits to it in nextValidatorsHash.
/// </summary>
public interface IValidatorSetSource
{
    /// <summary>The set voting on heights (boundary, boundary + epochLength], in its canonical order.</summary>
    /// <param name="boundaryState">The state after the boundary block's execution.</param>
    IReadOnlyList<GenesisValidator> GetNextValidators(IStateReader boundaryState, ulong boundary);
}
