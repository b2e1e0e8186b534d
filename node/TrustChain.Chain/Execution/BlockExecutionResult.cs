using TrustChain.Core;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;

namespace TrustChain.Chain.Execution;

/// <summary>What executing a block's transactions produced; the roots are what its header must carry.</summary>
public sealed class BlockExecutionResult
{
    public BlockExecutionResult(IReadOnlyList<Transaction> included, IReadOnlyList<TxReceipt> receipts, ulong gasUsed, Bloom logsBloom,
        Hash256 stateRoot, Hash256 transactionsRoot, Hash256 receiptsRoot, Hash256 humanSetRoot, int skipped)
    {
        Included = included;
        Receipts = receipts;
        GasUsed = gasUsed;
        LogsBloom = logsBloom;
        StateRoot = stateRoot;
        TransactionsRoot = transactionsRoot;
        ReceiptsRoot = receiptsRoot;
        HumanSetRoot = humanSetRoot;
        Skipped = skipped;
    }

    public IReadOnlyList<Transaction> Included { get; }

    /// <summary>Receipts without block hash (unknown until the header is sealed).</summary>
    public IReadOnlyList<TxReceipt> Receipts { get; }

    public ulong GasUsed { get; }

    public Bloom LogsBloom { get; }

    public Hash256 StateRoot { get; }

    public Hash256 TransactionsRoot { get; }

    public Hash256 ReceiptsRoot { get; }

    public Hash256 HumanSetRoot { get; }

    /// <summary>Candidates left out because they were not includable (builder only; always 0 when validating).</summary>
    public int Skipped { get; }
}
