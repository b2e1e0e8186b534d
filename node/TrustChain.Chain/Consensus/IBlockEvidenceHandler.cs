using TrustChain.Chain.Execution;
using TrustChain.Chain.State;

namespace TrustChain.Chain.Consensus;

/// <summary>
/// The chain's rule for block evidence, used when building a block (choose what to include) so that the proposer
/// never builds a block the processor would reject. Applying the evidence, and rejecting a block whose evidence is
/// unacceptable (with <see cref="InvalidEvidenceException"/>), is the work of the same module's block hook.
/// </summary>
public interface IBlockEvidenceHandler
{
    /// <summary>
    /// The items of <paramref name="candidates"/> that the block described by <paramref name="block"/> may carry, judged
    /// on its parent's state, in candidate order: invalid, stale, already punished and surplus items are left out.
    /// </summary>
    IReadOnlyList<byte[]> Select(IStateReader parentState, in BlockContext block, IReadOnlyList<byte[]> candidates);
}
