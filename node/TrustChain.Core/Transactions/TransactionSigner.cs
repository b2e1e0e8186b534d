using TrustChain.Core.Crypto;

namespace TrustChain.Core.Transactions;

public static class TransactionSigner
{
    /// <summary>
    /// Signs and returns a new transaction with v set per type: legacy EIP-155 v = recId + 35 + 2·chainId,
    /// unprotected legacy (ChainId null) v = 27 + recId, typed v = yParity. Sender is set to the key's address.
    /// </summary>
    public static Transaction Sign(Transaction unsigned, PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(unsigned);
        ArgumentNullException.ThrowIfNull(key);
        EcdsaSignature signature = key.Sign(TransactionEncoder.SigningHash(unsigned));
        UInt256 v = unsigned.Type switch
        {
            TxType.Legacy when unsigned.ChainId is { } chainId =>
                new UInt256(chainId) * 2 + new UInt256(35UL + signature.RecoveryId),
            TxType.Legacy => new UInt256(27UL + signature.RecoveryId),
            _ => new UInt256(signature.RecoveryId),
        };
        return unsigned.WithSignature(v, signature.R, signature.S, key.Address);
    }
}
