using TrustChain.Core.Crypto;
using TrustChain.Core.Rlp;
using static TrustChain.Core.Rlp.Rlp;

namespace TrustChain.Core.Transactions;

/// <summary>
/// Canonical encodings. Signed form: legacy = rlp([nonce, gasPrice, gas, to, value, data, v, r, s]);
/// typed = type || rlp([...fields, yParity, r, s]). Signing preimage: legacy EIP-155
/// rlp([nonce, gasPrice, gas, to, value, data, chainId, 0, 0]), pre-155 the first six fields, typed
/// type || rlp([...fields]) without the signature.
/// </summary>
public static class TransactionEncoder
{
    public static int GetEncodedLength(Transaction tx)
    {
        int list = LengthOfList(FieldsLength(tx, forSigning: false));
        return tx.Type == TxType.Legacy ? list : 1 + list;
    }

    /// <summary>The signed encoding (what eth_sendRawTransaction carries and what the hash covers).</summary>
    public static byte[] Encode(Transaction tx)
    {
        byte[] result = new byte[GetEncodedLength(tx)];
        Encode(tx, result);
        return result;
    }

    public static void Encode(Transaction tx, Span<byte> destination) => Write(tx, destination, forSigning: false);

    /// <summary>The preimage whose keccak is signed.</summary>
    public static byte[] EncodeForSigning(Transaction tx)
    {
        int list = LengthOfList(FieldsLength(tx, forSigning: true));
        byte[] result = new byte[tx.Type == TxType.Legacy ? list : 1 + list];
        Write(tx, result, forSigning: true);
        return result;
    }

    public static Hash256 SigningHash(Transaction tx) => Keccak256.Compute(EncodeForSigning(tx));

    /// <summary>Length inside a block body: legacy as its list, typed wrapped as an RLP byte string.</summary>
    public static int LengthInBlock(Transaction tx)
    {
        int encoded = GetEncodedLength(tx);
        return tx.Type == TxType.Legacy ? encoded : LengthOfHeader(encoded) + encoded;
    }

    public static void WriteInBlock(ref RlpWriter writer, Transaction tx)
    {
        byte[] encoded = Encode(tx);
        if (tx.Type == TxType.Legacy)
        {
            writer.WriteEncoded(encoded);
        }
        else
        {
            writer.WriteBytes(encoded);
        }
    }

    public static int AccessListLength(IReadOnlyList<AccessListItem> accessList) => LengthOfList(AccessListContentLength(accessList));

    private static int AccessListContentLength(IReadOnlyList<AccessListItem> accessList)
    {
        int total = 0;
        for (int i = 0; i < accessList.Count; i++)
        {
            AccessListItem item = accessList[i];
            total += LengthOfList(1 + Address.Length + LengthOfList(item.StorageKeys.Count * (1 + Hash256.Length)));
        }

        return total;
    }

    private static void WriteAccessList(ref RlpWriter writer, IReadOnlyList<AccessListItem> accessList)
    {
        writer.WriteListHeader(AccessListContentLength(accessList));
        for (int i = 0; i < accessList.Count; i++)
        {
            AccessListItem item = accessList[i];
            int keysLength = item.StorageKeys.Count * (1 + Hash256.Length);
            writer.WriteListHeader(1 + Address.Length + LengthOfList(keysLength));
            writer.WriteAddress(item.Address);
            writer.WriteListHeader(keysLength);
            for (int k = 0; k < item.StorageKeys.Count; k++)
            {
                writer.WriteHash(item.StorageKeys[k]);
            }
        }
    }

    private static ulong RequireChainId(Transaction tx) =>
        tx.ChainId ?? throw new InvalidOperationException($"A type-{(byte)tx.Type} transaction requires a chain id.");

    private static int FieldsLength(Transaction tx, bool forSigning)
    {
        int common = LengthOf(tx.Nonce) + LengthOf(tx.GasLimit) + LengthOf(tx.To) + LengthOf(tx.Value) + LengthOf(tx.Data);
        int signature = LengthOf(tx.V) + LengthOf(tx.R) + LengthOf(tx.S);
        switch (tx.Type)
        {
            case TxType.Legacy:
                common += LengthOf(tx.GasPrice);
                if (!forSigning)
                {
                    return common + signature;
                }

                return tx.ChainId is { } chainId ? common + LengthOf(chainId) + 2 : common;
            case TxType.AccessList:
                common += LengthOf(RequireChainId(tx)) + LengthOf(tx.GasPrice) + AccessListLength(tx.AccessList);
                return forSigning ? common : common + signature;
            case TxType.Eip1559:
                common += LengthOf(RequireChainId(tx)) + LengthOf(tx.MaxPriorityFeePerGas) + LengthOf(tx.MaxFeePerGas) + AccessListLength(tx.AccessList);
                return forSigning ? common : common + signature;
            default:
                throw new InvalidOperationException($"Unsupported transaction type {tx.Type}.");
        }
    }

    private static void Write(Transaction tx, Span<byte> destination, bool forSigning)
    {
        RlpWriter writer = new(destination);
        if (tx.Type != TxType.Legacy)
        {
            writer.WriteEncoded([(byte)tx.Type]);
        }

        writer.WriteListHeader(FieldsLength(tx, forSigning));
        switch (tx.Type)
        {
            case TxType.Legacy:
                writer.WriteUInt64(tx.Nonce);
                writer.WriteUInt256(tx.GasPrice);
                writer.WriteUInt64(tx.GasLimit);
                writer.WriteAddress(tx.To);
                writer.WriteUInt256(tx.Value);
                writer.WriteBytes(tx.Data);
                if (forSigning)
                {
                    if (tx.ChainId is { } chainId)
                    {
                        writer.WriteUInt64(chainId);
                        writer.WriteUInt64(0);
                        writer.WriteUInt64(0);
                    }
                }
                else
                {
                    WriteSignature(ref writer, tx);
                }

                break;
            case TxType.AccessList:
                writer.WriteUInt64(RequireChainId(tx));
                writer.WriteUInt64(tx.Nonce);
                writer.WriteUInt256(tx.GasPrice);
                writer.WriteUInt64(tx.GasLimit);
                writer.WriteAddress(tx.To);
                writer.WriteUInt256(tx.Value);
                writer.WriteBytes(tx.Data);
                WriteAccessList(ref writer, tx.AccessList);
                if (!forSigning)
                {
                    WriteSignature(ref writer, tx);
                }

                break;
            case TxType.Eip1559:
                writer.WriteUInt64(RequireChainId(tx));
                writer.WriteUInt64(tx.Nonce);
                writer.WriteUInt256(tx.MaxPriorityFeePerGas);
                writer.WriteUInt256(tx.MaxFeePerGas);
                writer.WriteUInt64(tx.GasLimit);
                writer.WriteAddress(tx.To);
                writer.WriteUInt256(tx.Value);
                writer.WriteBytes(tx.Data);
                WriteAccessList(ref writer, tx.AccessList);
                if (!forSigning)
                {
                    WriteSignature(ref writer, tx);
                }

                break;
        }

        if (!writer.IsFull)
        {
            throw new InvalidOperationException("Transaction encoding length mismatch.");
        }
    }

    private static void WriteSignature(ref RlpWriter writer, Transaction tx)
    {
        writer.WriteUInt256(tx.V);
        writer.WriteUInt256(tx.R);
        writer.WriteUInt256(tx.S);
    }
}
