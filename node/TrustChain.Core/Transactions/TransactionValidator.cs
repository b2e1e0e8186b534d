namespace TrustChain.Core.Transactions;

/// <summary>Stateless checks that need no account state: fee caps, gas×price overflow, signature and chain id.</summary>
public static class TransactionValidator
{
    /// <summary>Returns null when valid, otherwise a <see cref="TxErrors"/> reason. Sets Sender on success.</summary>
    public static string? Validate(Transaction tx, ulong chainId, bool allowUnprotected = true)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (tx.Type == TxType.Eip1559 && tx.MaxPriorityFeePerGas > tx.MaxFeePerGas)
        {
            return TxErrors.PriorityGreaterThanMaxFee;
        }

        if (UInt256.MultiplyOverflow(tx.FeeCap, new UInt256(tx.GasLimit), out _))
        {
            return TxErrors.GasLimitPriceProductOverflow;
        }

        if (!allowUnprotected && tx.ChainId is null)
        {
            return TxErrors.UnprotectedNotAllowed;
        }

        return SenderRecovery.TryRecover(tx, chainId, out string? error) is null ? error : null;
    }
}
