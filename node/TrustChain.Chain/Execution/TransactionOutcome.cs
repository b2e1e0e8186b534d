using TrustChain.Core;
using TrustChain.Core.Receipts;

namespace TrustChain.Chain.Execution;

/// <summary>Result of applying one includable transaction: it is in the block whatever its status.</summary>
public sealed class TransactionOutcome
{
    public TransactionOutcome(bool success, ulong gasUsed, UInt256 effectiveGasPrice, IReadOnlyList<LogEntry> logs, byte[] returnData, string? error)
    {
        Success = success;
        GasUsed = gasUsed;
        EffectiveGasPrice = effectiveGasPrice;
        Logs = logs;
        ReturnData = returnData;
        Error = error;
    }

    /// <summary>Receipt status 1 (true) or 0 (false).</summary>
    public bool Success { get; }

    public ulong GasUsed { get; }

    public UInt256 EffectiveGasPrice { get; }

    public IReadOnlyList<LogEntry> Logs { get; }

    /// <summary>Return data on success, revert data (Solidity Error(string)) on failure; empty if none.</summary>
    public byte[] ReturnData { get; }

    /// <summary>geth-style failure text ("execution reverted", "out of gas"), null on success.</summary>
    public string? Error { get; }
}
