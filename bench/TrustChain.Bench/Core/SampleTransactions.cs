using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;

namespace TrustChain.Bench.Core;

/// <summary>Signed transfers from the first dev key, shared by the Core benchmarks.</summary>
public static class SampleTransactions
{
    public static readonly PrivateKey DevKey = new("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    public static Transaction Eip1559Transfer(ulong nonce) => TransactionSigner.Sign(new Transaction
    {
        Type = TxType.Eip1559,
        ChainId = 7357,
        Nonce = nonce,
        MaxPriorityFeePerGas = 1_000_000_000UL,
        MaxFeePerGas = 3_000_000_000UL,
        GasLimit = 21_000,
        To = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
        Value = 1_000_000_000_000_000UL,
    }, DevKey);
}
