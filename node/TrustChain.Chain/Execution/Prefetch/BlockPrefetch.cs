using TrustChain.Core.Transactions;

namespace TrustChain.Chain.Execution.Prefetch;

/// <summary>Runs every installed system contract's <see cref="ITransactionPrefetcher"/> before a block executes.</summary>
public static class BlockPrefetch
{
    public static void Run(SystemContractRegistry contracts, IReadOnlyList<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(transactions);
        if (transactions.Count == 0)
        {
            return;
        }

        foreach (ISystemContract contract in contracts.Contracts)
        {
            if (contract is ITransactionPrefetcher prefetcher)
            {
                prefetcher.Prefetch(transactions);
            }
        }
    }
}
