using System.Globalization;
using System.Text;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;

namespace TrustChain.Bench.Load;

/// <summary>
/// Signs every transfer up front. Senders take turns (sender i % n, its next nonce), so each sender's nonces reach the
/// node in order and any prefix of the plan is a valid nonce sequence per sender.
/// </summary>
public static class TransferPlan
{
    public static SignedTransfer[] Create(IReadOnlyList<PrivateKey> senders, IReadOnlyList<ulong> startNonces, int count, ulong chainId,
        ulong maxFeePerGas, ulong maxPriorityFeePerGas, int seed)
    {
        Random random = new(seed);
        Span<byte> recipient = stackalloc byte[Address.Length];
        SignedTransfer[] plan = new SignedTransfer[count];
        for (int i = 0; i < count; i++)
        {
            int s = i % senders.Count;
            random.NextBytes(recipient);
            Transaction signed = TransactionSigner.Sign(new Transaction
            {
                Type = TxType.Eip1559,
                ChainId = chainId,
                Nonce = startNonces[s] + (ulong)(i / senders.Count),
                MaxPriorityFeePerGas = maxPriorityFeePerGas,
                MaxFeePerGas = maxFeePerGas,
                GasLimit = 21_000,
                To = new Address(recipient),
                Value = 1_000_000_000UL,
            }, senders[s]);
            string raw = Hex.ToHexString(TransactionEncoder.Encode(signed));
            byte[] request = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"{{\"jsonrpc\":\"2.0\",\"id\":{i},\"method\":\"eth_sendRawTransaction\",\"params\":[\"{raw}\"]}}"));
            plan[i] = new SignedTransfer(i, signed.Hash, request);
        }

        return plan;
    }
}
