using TrustChain.Core.Transactions;

namespace TrustChain.Chain.Execution.Prefetch;

/// <summary>
/// A system contract's state-independent pre-pass over a block's transactions, run before the sequential execution
/// (e.g. verifying Groth16 proofs in parallel into a cache). It may only warm caches whose hits give exactly what the
/// sequential path would compute: a block's result must not depend on whether the pre-pass ran.
/// </summary>
public interface ITransactionPrefetcher
{
    void Prefetch(IReadOnlyList<Transaction> transactions);
}
