using System.Text.Json;
using TrustChain.Core.Transactions;

namespace TrustChain.Core.Tests.Transactions;

/// <summary>ethereum/tests TransactionTests, judged by their latest fork (Cancun) result, chain id 1.</summary>
public class TransactionVectorTests
{
    private const ulong ChainId = 1;

    public static IEnumerable<TestCaseData> Vectors()
    {
        foreach (string file in Directory.GetFiles(VectorFiles.SourcePathOf("transactions"), "*.json").Order(StringComparer.Ordinal))
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (JsonProperty test in doc.RootElement.EnumerateObject())
            {
                JsonElement cancun = test.Value.GetProperty("result").GetProperty("Cancun");
                string? exception = cancun.TryGetProperty("exception", out JsonElement ex) ? ex.GetString() : null;
                string? hash = cancun.TryGetProperty("hash", out JsonElement h) ? h.GetString() : null;
                string? sender = cancun.TryGetProperty("sender", out JsonElement s) ? s.GetString() : null;
                yield return new TestCaseData(test.Value.GetProperty("txbytes").GetString()!, exception, hash, sender)
                    .SetName("tx_" + test.Name);
            }
        }
    }

    [TestCaseSource(nameof(Vectors))]
    public void Vector_DecodesOrRejects(string txBytes, string? exception, string? hash, string? sender)
    {
        byte[] raw = Hex.FromHexString(txBytes);
        string? reason;
        Transaction? tx = null;
        try
        {
            tx = TransactionDecoder.Decode(raw);
            reason = TransactionValidator.Validate(tx, ChainId);
        }
        catch (TransactionDecodeException e)
        {
            reason = e.Reason;
        }

        if (exception is null)
        {
            Assert.That(reason, Is.Null);
            Assert.That(tx!.Hash.ToString(), Is.EqualTo(hash));
            Assert.That(tx.Sender?.ToLowerHex(), Is.EqualTo(sender));
            // Canonical input must re-encode byte for byte.
            Assert.That(TransactionEncoder.Encode(tx), Is.EqualTo(raw));
        }
        else
        {
            Assert.That(reason, Is.Not.Null);
            // retesteth marks some variants with a suffix such as "_2"; the base reason must match.
            Assert.That(exception["TransactionException.".Length..], Does.StartWith(reason!));
        }
    }
}
