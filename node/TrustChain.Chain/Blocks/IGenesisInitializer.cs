using TrustChain.Chain.Specs;
using TrustChain.Chain.State;

namespace TrustChain.Chain.Blocks;

/// <summary>
/// Writes a module's part of the genesis state (e.g. the genesis validators' stakes into the Staking contract), after
/// the alloc and before the state root is taken. Must be deterministic in the spec alone: every node recomputes
/// genesis to check its data dir, so all nodes of a network need the same initializers in the same order.
/// </summary>
public interface IGenesisInitializer
{
    void Initialize(WorldState state, ChainSpec spec);
}
