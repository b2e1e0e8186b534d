using TrustChain.Chain.Blocks;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;

namespace TrustChain.Chain.Tests.Blocks;

/// <summary>
/// A follower validating a peer's block recovers senders on all cores once the block is big enough (64+ transactions)
/// and one by one below that. Both paths must agree: same senders, same rejections, nothing written on rejection.
/// </summary>
[TestFixture]
public sealed class ParallelSenderRecoveryTests
{
    private const int Large = 80;
    private const int Small = 4;

    [TestCase(Small)]
    [TestCase(Large)]
    public void Recovered_senders_are_the_signers_and_the_block_is_valid(int count)
    {
        using TempChain producer = new();
        using TempChain follower = new();
        Transaction[] signed = Transfers(count);
        Block built = producer.Chain.BuildBlock(Proposer, producer.Chain.Head.Timestamp + 1000, null, signed).Block;
        Assert.That(built.Transactions, Has.Count.EqualTo(count));

        // Fresh wire copies carry no sender: the follower must recover every one.
        Transaction[] received = built.Transactions.Select(Wire).ToArray();
        Assert.That(received.All(tx => tx.Sender is null), Is.True);
        ExecutedBlock executed = follower.Chain.ProcessBlock(new Block(built.Header, received, built.LastCommit, built.Evidence));

        Assert.Multiple(() =>
        {
            Assert.That(executed.Block.Hash, Is.EqualTo(built.Hash));
            for (int i = 0; i < count; i++)
            {
                Assert.That(received[i].Sender, Is.EqualTo(SignerOf(i).Address), $"sender of tx {i}");
            }
        });
    }

    private static IEnumerable<TestCaseData> BadSignatures()
    {
        foreach (int count in new[] { Small, Large })
        {
            yield return new TestCaseData(count, (Func<Transaction, Transaction>)HighS, "invalid sender")
                .SetName($"high-s signature in a block of {count}");
            yield return new TestCaseData(count, (Func<Transaction, Transaction>)FlippedParity, "nonce too high")
                .SetName($"wrong y-parity (recovers a fresh address whose nonce is 0) in a block of {count}");
        }
    }

    [TestCaseSource(nameof(BadSignatures))]
    public void A_bad_signature_is_rejected_the_same_way_on_both_paths_and_nothing_is_written(int count,
        Func<Transaction, Transaction> corrupt, string reason)
    {
        using TempChain producer = new();
        using TempChain follower = new();
        Block built = producer.Chain.BuildBlock(Proposer, producer.Chain.Head.Timestamp + 1000, null, Transfers(count)).Block;
        Transaction[] received = built.Transactions.Select(Wire).ToArray();
        int victim = count / 2;
        received[victim] = corrupt(received[victim]);
        Hash256 rootBefore = follower.Chain.Head.StateRoot;

        InvalidBlockException e = Assert.Throws<InvalidBlockException>(
            () => follower.Chain.ProcessBlock(new Block(built.Header, received, built.LastCommit, built.Evidence)))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Reason, Does.Contain(reason));
            Assert.That(e.Reason, Does.Contain(received[victim].Hash.ToString()));
            Assert.That(follower.Chain.Head.Number, Is.EqualTo(0));
            Assert.That(follower.Chain.HeadState.StateRoot, Is.EqualTo(rootBefore));
            Assert.That(follower.Chain.HeadState.GetAccount(Key1.Address).Nonce, Is.EqualTo(0));
        });
    }

    // Two signers alternate so each keeps its nonces in order within the block.
    private static Transaction[] Transfers(int count)
    {
        Transaction[] txs = new Transaction[count];
        for (int i = 0; i < count; i++)
        {
            txs[i] = Transfer(SignerOf(i), (ulong)(i / 2), 1);
        }

        return txs;
    }

    private static PrivateKey SignerOf(int index) => index % 2 == 0 ? Key1 : Key2;

    // (r, n - s) with the other parity is the same signature in its malleable form; EIP-2 forbids it.
    private static Transaction HighS(Transaction tx) => WithSignature(tx, tx.V.IsZero ? UInt256.One : UInt256.Zero, EcdsaSignature.CurveOrder - tx.S);

    private static Transaction FlippedParity(Transaction tx) => WithSignature(tx, tx.V.IsZero ? UInt256.One : UInt256.Zero, tx.S);

    private static Transaction WithSignature(Transaction tx, UInt256 v, UInt256 s) => new()
    {
        Type = tx.Type,
        ChainId = tx.ChainId,
        Nonce = tx.Nonce,
        MaxPriorityFeePerGas = tx.MaxPriorityFeePerGas,
        MaxFeePerGas = tx.MaxFeePerGas,
        GasLimit = tx.GasLimit,
        To = tx.To,
        Value = tx.Value,
        Data = tx.Data,
        V = v,
        R = tx.R,
        S = s,
    };
}
