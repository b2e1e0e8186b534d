using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;

namespace TrustChain.Node.Tests.Crash;

/// <summary>Signs plain EIP-1559 transfers with Core and keeps a local nonce per sender.</summary>
public sealed class TestSigner
{
    public static readonly UInt256 MaxFee = 10_000_000_000UL;
    public static readonly UInt256 Tip = 1_000_000_000UL;

    private readonly ulong _chainId;

    public TestSigner(PrivateKey key, ulong chainId, ulong nonce)
    {
        Key = key;
        _chainId = chainId;
        Nonce = nonce;
    }

    public PrivateKey Key { get; }

    public ulong Nonce { get; set; }

    public string SignTransfer(Address to, UInt256 value)
    {
        Transaction tx = TransactionSigner.Sign(
            new Transaction
            {
                Type = TxType.Eip1559,
                ChainId = _chainId,
                Nonce = Nonce,
                MaxPriorityFeePerGas = Tip,
                MaxFeePerGas = MaxFee,
                GasLimit = 21_000,
                To = to,
                Value = value,
            },
            Key);
        return Hex.ToHexString(TransactionEncoder.Encode(tx));
    }
}
