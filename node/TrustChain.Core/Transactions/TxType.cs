namespace TrustChain.Core.Transactions;

public enum TxType : byte
{
    Legacy = 0,
    AccessList = 1,
    Eip1559 = 2,
}
