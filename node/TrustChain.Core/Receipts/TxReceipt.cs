using TrustChain.Core.Transactions;

namespace TrustChain.Core.Receipts;

/// <summary>
/// A transaction receipt. Only Type, StatusCode, CumulativeGasUsed, Bloom and Logs are consensus data
/// (see <see cref="ReceiptCodec"/>); the rest is derived context filled in for RPC and indexing.
/// </summary>
public sealed class TxReceipt
{
    public TxType TxType { get; init; }

    /// <summary>1 = success, 0 = failure.</summary>
    public byte StatusCode { get; init; }

    public ulong CumulativeGasUsed { get; init; }

    public ulong GasUsed { get; init; }

    public Bloom Bloom { get; init; } = new();

    public IReadOnlyList<LogEntry> Logs { get; init; } = [];

    public Hash256 TxHash { get; init; }

    public Address? ContractAddress { get; init; }

    public UInt256 EffectiveGasPrice { get; init; }

    public Hash256 BlockHash { get; init; }

    public ulong BlockNumber { get; init; }

    public int TxIndex { get; init; }

    public Address Sender { get; init; }

    public Address? Recipient { get; init; }

    /// <summary>Revert reason or error description when StatusCode is 0.</summary>
    public string? Error { get; init; }

    public bool Succeeded => StatusCode == 1;
}
