using TrustChain.Core;
using TrustChain.Core.Receipts;

namespace TrustChain.Chain.Execution;

public sealed class SystemCallResult
{
    private SystemCallResult(bool success, ulong gasUsed, byte[] returnData, IReadOnlyList<LogEntry> logs, byte[]? revertData)
    {
        Success = success;
        GasUsed = gasUsed;
        ReturnData = returnData;
        Logs = logs;
        RevertData = revertData;
    }

    public bool Success { get; }

    /// <summary>Gas consumed by the call itself, excluding the transaction's intrinsic gas.</summary>
    public ulong GasUsed { get; }

    public byte[] ReturnData { get; }

    public IReadOnlyList<LogEntry> Logs { get; }

    /// <summary>ABI-encoded revert reason (Solidity <c>Error(string)</c>) when the call failed.</summary>
    public byte[]? RevertData { get; }

    public static SystemCallResult Succeeded(ulong gasUsed, byte[] returnData, IReadOnlyList<LogEntry>? logs = null) =>
        new(true, gasUsed, returnData, logs ?? [], null);

    public static SystemCallResult Reverted(ulong gasUsed, byte[] revertData) =>
        new(false, gasUsed, [], [], revertData);
}
