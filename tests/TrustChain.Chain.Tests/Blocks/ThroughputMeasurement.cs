using System.Diagnostics;
using System.Text.Json.Nodes;
using TrustChain.Chain.Blocks;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;

namespace TrustChain.Chain.Tests.Blocks;

/// <summary>One-off, by-hand measurement (not a timed test): 10,000 transfers from 1,000 senders in one block.</summary>
[TestFixture]
[Explicit("measurement, run by hand")]
public sealed class ThroughputMeasurement
{
    [Test]
    public void Ten_thousand_transfers_from_a_thousand_senders()
    {
        const int senders = 1_000;
        const int perSender = 10;
        PrivateKey[] keys = new PrivateKey[senders];
        for (int i = 0; i < senders; i++)
        {
            keys[i] = new PrivateKey(Keccak256.Compute(BitConverter.GetBytes(i + 1)).Bytes);
        }

        var spec = ModifiedSpec(json =>
        {
            json["gasLimit"] = 300_000_000;
            JsonObject alloc = json["alloc"]!.AsObject();
            foreach (PrivateKey key in keys)
            {
                alloc[key.Address.ToString()] = new JsonObject { ["balance"] = "1000000000000000000000" };
            }
        });

        List<Transaction> txs = new(senders * perSender);
        for (int n = 0; n < perSender; n++)
        {
            for (int i = 0; i < senders; i++)
            {
                Address to = keys[(i + 1) % senders].Address;
                txs.Add(Transfer(keys[i], (ulong)n, 1_000 + (ulong)n, to: to));
            }
        }

        // The pool recovers senders on submission, before a block is built; the wire copy below starts without them.
        Stopwatch recovery = Stopwatch.StartNew();
        foreach (Transaction tx in txs)
        {
            SenderRecovery.TryRecover(tx, 7357, out _);
        }

        TestContext.Out.WriteLine($"sequential sender recovery: {recovery.Elapsed.TotalMilliseconds * 1000 / txs.Count:F0} µs/tx");

        using TempChain producer = new(spec);
        using TempChain follower = new(spec);
        Stopwatch sw = Stopwatch.StartNew();
        ExecutedBlock built = producer.Chain.BuildBlock(Proposer, producer.Chain.Head.Timestamp + 1000, null, txs);
        TimeSpan build = sw.Elapsed;
        sw.Restart();
        producer.Chain.Commit(built.Block, CommitFor(built.Block), built);
        TimeSpan commit = sw.Elapsed;

        Block received = BlockDecoder.Decode(BlockEncoder.Encode(built.Block));
        sw.Restart();
        ExecutedBlock replayed = follower.Chain.ProcessBlock(received);
        TimeSpan process = sw.Elapsed;
        sw.Restart();
        follower.Chain.Commit(received, CommitFor(received), replayed);
        TimeSpan followerCommit = sw.Elapsed;

        Assert.That(built.Block.Transactions, Has.Count.EqualTo(senders * perSender));
        Assert.That(follower.Chain.Head.Hash, Is.EqualTo(producer.Chain.Head.Hash));
        double total = (build + commit).TotalSeconds;
        TestContext.Out.WriteLine($"build+execute {build.TotalMilliseconds:F0} ms, commit {commit.TotalMilliseconds:F0} ms, " +
            $"=> {txs.Count / total:F0} tx/s (proposer path)");
        TestContext.Out.WriteLine($"validate (incl. {txs.Count} sender recoveries) {process.TotalMilliseconds:F0} ms, commit {followerCommit.TotalMilliseconds:F0} ms, " +
            $"=> {txs.Count / (process + followerCommit).TotalSeconds:F0} tx/s (validator path)");
    }
}
