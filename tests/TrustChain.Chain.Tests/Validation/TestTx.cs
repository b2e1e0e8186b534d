using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;

namespace TrustChain.Chain.Tests.Validation;

/// <summary>Builds transactions signed with Core's signer, re-decoded from their wire bytes so the sender is recovered.</summary>
internal static class TestTx
{
    public const ulong ChainId = 7357;
    public const ulong Gwei = 1_000_000_000;

    public static Transaction Eip1559(
        PrivateKey key,
        ulong nonce,
        UInt256 maxFee,
        UInt256 tip,
        ulong gas = 21_000,
        UInt256 value = default,
        byte[]? data = null,
        ulong chainId = ChainId,
        bool create = false,
        IReadOnlyList<AccessListItem>? accessList = null) =>
        Wire(TransactionSigner.Sign(new Transaction
        {
            Type = TxType.Eip1559,
            ChainId = chainId,
            Nonce = nonce,
            MaxFeePerGas = maxFee,
            MaxPriorityFeePerGas = tip,
            GasLimit = gas,
            To = create ? null : DevKeys.Recipient,
            Value = value,
            Data = data ?? [],
            AccessList = accessList ?? [],
        }, key));

    public static Transaction Legacy(PrivateKey key, ulong nonce, UInt256 gasPrice, ulong? chainId = ChainId, ulong gas = 21_000, UInt256 value = default) =>
        Wire(TransactionSigner.Sign(new Transaction
        {
            Type = TxType.Legacy,
            ChainId = chainId,
            Nonce = nonce,
            GasPrice = gasPrice,
            GasLimit = gas,
            To = DevKeys.Recipient,
            Value = value,
        }, key));

    public static Transaction AccessListTx(PrivateKey key, ulong nonce) =>
        Wire(TransactionSigner.Sign(new Transaction
        {
            Type = TxType.AccessList,
            ChainId = ChainId,
            Nonce = nonce,
            GasPrice = 2 * Gwei,
            GasLimit = 21_000,
            To = DevKeys.Recipient,
        }, key));

    /// <summary>Round trip through the strict decoder: the result has no sender until a validator recovers it.</summary>
    public static Transaction Wire(Transaction signed) => TransactionDecoder.Decode(TransactionEncoder.Encode(signed));
}
