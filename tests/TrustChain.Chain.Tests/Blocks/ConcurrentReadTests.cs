using TrustChain.Core;
using TrustChain.Core.Blocks;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;

namespace TrustChain.Chain.Tests.Blocks;

[TestFixture]
public sealed class ConcurrentReadTests
{
    [Test]
    public void Readers_during_commits_only_see_complete_blocks()
    {
        using TempChain t = new();
        using CancellationTokenSource done = new();
        List<string> failures = [];
        Task reader = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                BlockHeader head = t.Chain.Head;
                Block? block = t.Chain.GetBlock(head.Number);
                ulong nonce = t.Chain.GetState(head).GetAccount(Key1.Address).Nonce;
                if (block is null || block.Hash != head.Hash || nonce != head.Number
                    || (head.Number > 0 && t.Chain.GetTransaction(block.Transactions[0].Hash) is null))
                {
                    lock (failures)
                    {
                        failures.Add($"inconsistent view at head {head.Number}: nonce {nonce}, block {block?.Hash}");
                    }
                }
            }
        });

        for (ulong n = 0; n < 15; n++)
        {
            t.Produce(Transfer(Key1, n, 1));
        }

        done.Cancel();
        reader.Wait();
        Assert.That(failures, Is.Empty);
        Assert.That(t.Chain.Head.Number, Is.EqualTo(15));
    }
}
