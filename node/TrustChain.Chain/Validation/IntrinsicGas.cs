using TrustChain.Core.Transactions;

namespace TrustChain.Chain.Validation;

/// <summary>
/// Gas charged before execution (DESIGN §3.1): 21,000 + 16 per non-zero and 4 per zero calldata byte, plus the
/// EIP-2930 costs of any access list (type 2 transactions may carry one). Contract creation has no cost here because
/// creation transactions are rejected (there is no EVM).
/// </summary>
public static class IntrinsicGas
{
    public const ulong TransactionBase = 21_000;
    public const ulong ZeroByte = 4;
    public const ulong NonZeroByte = 16;
    public const ulong AccessListAddress = 2_400;
    public const ulong AccessListStorageKey = 1_900;

    public static ulong Calculate(Transaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ulong gas = TransactionBase + CalldataCost(tx.Data);
        IReadOnlyList<AccessListItem> accessList = tx.AccessList;
        for (int i = 0; i < accessList.Count; i++)
        {
            gas += AccessListAddress + AccessListStorageKey * (ulong)accessList[i].StorageKeys.Count;
        }

        return gas;
    }

    public static ulong CalldataCost(ReadOnlySpan<byte> data)
    {
        // Count is vectorised; byte counts are bounded by array length, so the products cannot overflow.
        ulong zeros = (ulong)data.Count((byte)0);
        ulong nonZeros = (ulong)data.Length - zeros;
        return zeros * ZeroByte + nonZeros * NonZeroByte;
    }
}
