using TrustChain.Core.Crypto;

namespace TrustChain.Core.Transactions;

/// <summary>
/// Validates the signature fields of a transaction and recovers its sender: v must be valid for the type
/// (27/28, chainId*2+35/36, or yParity 0/1), 1 ≤ r, s &lt; n, s ≤ n/2 (EIP-2), and the chain id must match.
/// On success <see cref="Transaction.Sender"/> is set.
/// </summary>
public static class SenderRecovery
{
    /// <summary>Recovers without checking the chain id (only internal consistency).</summary>
    public static Address? TryRecover(Transaction tx) => TryRecover(tx, expectedChainId: null, out _);

    /// <param name="expectedChainId">The node's chain id; null skips the check. Unprotected legacy transactions pass.</param>
    public static Address? TryRecover(Transaction tx, ulong? expectedChainId, out string? error)
    {
        ArgumentNullException.ThrowIfNull(tx);
        error = ValidateSignatureFields(tx, expectedChainId);
        if (error is not null)
        {
            return null;
        }

        EcdsaSignature signature = new(tx.R, tx.S, (byte)tx.RecoveryId);
        Address? sender = Ecdsa.EcRecover(TransactionEncoder.SigningHash(tx), signature);
        if (sender is null)
        {
            error = TxErrors.InvalidSignature;
            return null;
        }

        tx.Sender = sender;
        return sender;
    }

    private static string? ValidateSignatureFields(Transaction tx, ulong? expectedChainId)
    {
        if (tx.Type == TxType.Legacy)
        {
            bool unprotected = tx.V == 27 || tx.V == 28;
            if (!unprotected && tx.V < 35)
            {
                return TxErrors.InvalidSignature;
            }

            if (!unprotected && expectedChainId is { } legacyExpected && tx.ChainId != legacyExpected)
            {
                return TxErrors.InvalidChainId;
            }
        }
        else
        {
            if (expectedChainId is { } typedExpected && tx.ChainId != typedExpected)
            {
                return TxErrors.InvalidChainId;
            }

            if (tx.RecoveryId < 0)
            {
                return TxErrors.InvalidSignature;
            }
        }

        if (tx.R.IsZero || tx.S.IsZero || tx.R >= EcdsaSignature.CurveOrder || tx.S >= EcdsaSignature.CurveOrder
            || !EcdsaSignature.IsLowSValue(tx.S))
        {
            return TxErrors.InvalidSignature;
        }

        return null;
    }
}
