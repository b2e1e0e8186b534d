using TrustChain.Core.Crypto;
using TrustChain.Core.Rlp;

namespace TrustChain.Core.Transactions;

/// <summary>
/// Strict decoder for signed transactions (legacy list or type || rlp). Rejects non-canonical RLP, scalars
/// with leading zeros or longer than their field allows, bad address sizes, wrong element counts and
/// trailing bytes, throwing <see cref="TransactionDecodeException"/>. Signature validity and the sender
/// are checked separately by <see cref="SenderRecovery"/>.
/// </summary>
public static class TransactionDecoder
{
    public static Transaction Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
        {
            throw new TransactionDecodeException(TxErrors.RlpError, "empty transaction");
        }

        try
        {
            Transaction tx;
            byte first = raw[0];
            if (first >= 0xC0)
            {
                tx = DecodeLegacy(raw);
            }
            else if (first == (byte)TxType.AccessList || first == (byte)TxType.Eip1559)
            {
                tx = DecodeTyped((TxType)first, raw[1..]);
            }
            else if (first < 0x80)
            {
                throw new TransactionDecodeException(TxErrors.TypeNotSupported, $"transaction type 0x{first:x2} is not supported");
            }
            else
            {
                throw new TransactionDecodeException(TxErrors.RlpError, "a transaction must be an RLP list or a typed envelope");
            }

            tx.SetHash(Keccak256.Compute(raw));
            return tx;
        }
        catch (RlpException e)
        {
            throw new TransactionDecodeException(TxErrors.RlpError, e.Message, e);
        }
    }

    /// <summary>Decodes a transaction as it appears in a block body (legacy list or typed bytes wrapped as an RLP string).</summary>
    public static Transaction DecodeFromBlock(ref RlpReader reader)
    {
        if (reader.IsNextList)
        {
            return Decode(reader.ReadEncodedItem());
        }

        ReadOnlySpan<byte> typed = reader.ReadBytes();
        if (typed.IsEmpty || typed[0] >= 0x80)
        {
            throw new TransactionDecodeException(TxErrors.RlpError, "a wrapped block transaction must be a typed envelope");
        }

        return Decode(typed);
    }

    private static Transaction DecodeLegacy(ReadOnlySpan<byte> raw)
    {
        RlpReader outer = new(raw);
        RlpReader r = outer.ReadList();
        if (outer.HasMore)
        {
            throw new TransactionDecodeException(TxErrors.RlpTrailingBytes, $"{raw.Length - outer.Position} bytes after the transaction");
        }

        ulong nonce = ReadULong(ref r, "NONCE");
        UInt256 gasPrice = ReadUInt256(ref r, "GASPRICE", "GASPRICE_OVERFLOW");
        ulong gasLimit = ReadULong(ref r, "GASLIMIT");
        Address? to = ReadTo(ref r);
        UInt256 value = ReadUInt256(ref r, "VALUE", "VALUE_OVERFLOW");
        byte[] data = ReadData(ref r);
        UInt256 v = ReadUInt256(ref r, "V", TxErrors.InvalidSignature);
        UInt256 rr = ReadUInt256(ref r, "R", TxErrors.InvalidSignature);
        UInt256 s = ReadUInt256(ref r, "S", TxErrors.InvalidSignature);
        CheckNoMore(ref r);

        // EIP-155: v = chainId*2 + 35 + yParity; v of 27/28 means unprotected. Other small v stay chain-less
        // and fail signature validation later.
        ulong? chainId = null;
        if (v >= 35)
        {
            UInt256 id = (v - 35) >> 1;
            if (!id.IsUInt64)
            {
                throw new TransactionDecodeException(TxErrors.InvalidChainId, "chain id derived from v does not fit in 64 bits");
            }

            chainId = id.U0;
        }

        return new Transaction
        {
            Type = TxType.Legacy,
            ChainId = chainId,
            Nonce = nonce,
            GasPrice = gasPrice,
            GasLimit = gasLimit,
            To = to,
            Value = value,
            Data = data,
            V = v,
            R = rr,
            S = s,
        };
    }

    private static Transaction DecodeTyped(TxType type, ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty || payload[0] < 0xC0)
        {
            throw new TransactionDecodeException(TxErrors.RlpError, "typed transaction payload must be an RLP list");
        }

        RlpReader outer = new(payload);
        RlpReader r = outer.ReadList();
        if (outer.HasMore)
        {
            throw new TransactionDecodeException(TxErrors.RlpTrailingBytes, $"{payload.Length - outer.Position} bytes after the transaction");
        }

        ulong chainId = ReadULong(ref r, "CHAINID", TxErrors.InvalidChainId);
        ulong nonce = ReadULong(ref r, "NONCE");
        UInt256 gasPrice = UInt256.Zero;
        UInt256 maxPriority = UInt256.Zero;
        UInt256 maxFee = UInt256.Zero;
        if (type == TxType.AccessList)
        {
            gasPrice = ReadUInt256(ref r, "GASPRICE", "GASPRICE_OVERFLOW");
        }
        else
        {
            maxPriority = ReadUInt256(ref r, "PRIORITY_FEE", "PRIORITY_OVERFLOW");
            maxFee = ReadUInt256(ref r, "BASEFEE", "GASPRICE_OVERFLOW");
        }

        ulong gasLimit = ReadULong(ref r, "GASLIMIT");
        Address? to = ReadTo(ref r);
        UInt256 value = ReadUInt256(ref r, "VALUE", "VALUE_OVERFLOW");
        byte[] data = ReadData(ref r);
        IReadOnlyList<AccessListItem> accessList = ReadAccessList(ref r);
        UInt256 yParity = ReadUInt256(ref r, "V", TxErrors.InvalidSignature);
        UInt256 rr = ReadUInt256(ref r, "R", TxErrors.InvalidSignature);
        UInt256 s = ReadUInt256(ref r, "S", TxErrors.InvalidSignature);
        CheckNoMore(ref r);

        return new Transaction
        {
            Type = type,
            ChainId = chainId,
            Nonce = nonce,
            GasPrice = gasPrice,
            MaxPriorityFeePerGas = maxPriority,
            MaxFeePerGas = maxFee,
            GasLimit = gasLimit,
            To = to,
            Value = value,
            Data = data,
            AccessList = accessList,
            V = yParity,
            R = rr,
            S = s,
        };
    }

    private static void EnsureItem(ref RlpReader r, string field)
    {
        if (!r.HasMore)
        {
            throw new TransactionDecodeException(TxErrors.RlpTooFewElements, $"missing field {field}");
        }
    }

    private static void CheckNoMore(ref RlpReader r)
    {
        if (r.HasMore)
        {
            throw new TransactionDecodeException(TxErrors.RlpTooManyElements, "unexpected extra fields");
        }
    }

    private static ReadOnlySpan<byte> ReadScalar(ref RlpReader r, string field, int maxBytes, string overflowReason)
    {
        EnsureItem(ref r, field);
        if (r.IsNextList)
        {
            throw new TransactionDecodeException(TxErrors.RlpError, $"field {field} must be a scalar, found a list");
        }

        ReadOnlySpan<byte> bytes = r.ReadBytes();
        if (bytes.Length > 0 && bytes[0] == 0)
        {
            throw new TransactionDecodeException(TxErrors.LeadingZerosPrefix + field, $"field {field} has leading zero bytes");
        }

        if (bytes.Length > maxBytes)
        {
            throw new TransactionDecodeException(overflowReason, $"field {field} is {bytes.Length} bytes, at most {maxBytes} allowed");
        }

        return bytes;
    }

    private static ulong ReadULong(ref RlpReader r, string field, string? overflowReason = null)
    {
        ReadOnlySpan<byte> bytes = ReadScalar(ref r, field, 8, overflowReason ?? field + "_OVERFLOW");
        ulong value = 0;
        foreach (byte b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    private static UInt256 ReadUInt256(ref RlpReader r, string field, string overflowReason) =>
        new(ReadScalar(ref r, field, 32, overflowReason));

    private static Address? ReadTo(ref RlpReader r)
    {
        EnsureItem(ref r, "TO");
        if (r.IsNextList)
        {
            throw new TransactionDecodeException(TxErrors.RlpInvalidTo, "field TO must be bytes, found a list");
        }

        ReadOnlySpan<byte> bytes = r.ReadBytes();
        return bytes.Length switch
        {
            0 => null,
            Address.Length => new Address(bytes),
            _ => throw new TransactionDecodeException(TxErrors.RlpInvalidTo, $"field TO must be 0 or 20 bytes, got {bytes.Length}"),
        };
    }

    private static byte[] ReadData(ref RlpReader r)
    {
        EnsureItem(ref r, "DATA");
        if (r.IsNextList)
        {
            throw new TransactionDecodeException(TxErrors.RlpError, "field DATA must be bytes, found a list");
        }

        return r.ReadByteArray();
    }

    private static IReadOnlyList<AccessListItem> ReadAccessList(ref RlpReader r)
    {
        EnsureItem(ref r, "ACCESS_LIST");
        if (!r.IsNextList)
        {
            throw new TransactionDecodeException(TxErrors.RlpInvalidAccessList, "access list must be a list");
        }

        RlpReader list = r.ReadList();
        List<AccessListItem> items = [];
        while (list.HasMore)
        {
            if (!list.IsNextList)
            {
                throw new TransactionDecodeException(TxErrors.RlpInvalidAccessList, "access list entry must be a list");
            }

            RlpReader entry = list.ReadList();
            if (!entry.HasMore || entry.IsNextList)
            {
                throw new TransactionDecodeException(TxErrors.RlpInvalidAccessList, "access list entry must start with an address");
            }

            ReadOnlySpan<byte> address = entry.ReadBytes();
            if (address.Length != Address.Length)
            {
                throw new TransactionDecodeException(TxErrors.RlpInvalidAccessList, $"access list address must be 20 bytes, got {address.Length}");
            }

            if (!entry.HasMore || !entry.IsNextList)
            {
                throw new TransactionDecodeException(TxErrors.RlpInvalidAccessList, "access list entry must have a storage key list");
            }

            RlpReader keys = entry.ReadList();
            List<Hash256> storageKeys = [];
            while (keys.HasMore)
            {
                if (keys.IsNextList)
                {
                    throw new TransactionDecodeException(TxErrors.RlpInvalidAccessList, "storage key must be bytes");
                }

                ReadOnlySpan<byte> key = keys.ReadBytes();
                if (key.Length != Hash256.Length)
                {
                    throw new TransactionDecodeException(TxErrors.RlpInvalidAccessList, $"storage key must be 32 bytes, got {key.Length}");
                }

                storageKeys.Add(new Hash256(key));
            }

            if (entry.HasMore)
            {
                throw new TransactionDecodeException(TxErrors.RlpInvalidAccessList, "access list entry has extra fields");
            }

            items.Add(new AccessListItem(new Address(address), storageKeys));
        }

        return items;
    }
}
