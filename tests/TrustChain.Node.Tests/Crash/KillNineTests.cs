using System.Text.Json;
using TrustChain.Chain.Specs;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.Dev;
using TrustChain.Node.Tests.Cli;
using TrustChain.Node.Tx;

namespace TrustChain.Node.Tests.Crash;

/// <summary>
/// kill -9 the real node at random moments while transfers flow, restart it on the same data dir, and check that
/// no committed block was lost and the stored chain is exactly consistent (DESIGN §3.4).
/// </summary>
[NonParallelizable]
public class KillNineTests
{
    private const int Kills = 4;
    private const int BlockTimeMs = 100;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Test]
    [CancelAfter(120_000)]
    public async Task KillNine_AtRandomMoments_LosesNoCommittedBlock(CancellationToken cancellationToken)
    {
        int seed = Environment.TickCount;
        TestContext.Out.WriteLine($"seed {seed}");
        Random random = new(seed);
        ChainSpec spec = ChainSpec.Load(RepoPaths.Genesis);
        Address[] recipients = [.. Enumerable.Range(0, 4).Select(_ => PrivateKey.Generate().Address), DevAccounts.Get(9).Address];
        using TempDirectory temp = new();
        string dataDir = temp.Combine("data");
        ulong lastSeen = 0;
        int sent = 0;

        for (int round = 0; round < Kills; round++)
        {
            using DevNodeProcess node = DevNodeProcess.Start(dataDir, BlockTimeMs);
            using JsonRpcClient rpc = new(node.WaitForRpc(StartTimeout));
            ulong head = await BlockNumber(rpc, cancellationToken);
            Assert.That(head, Is.GreaterThanOrEqualTo(lastSeen), $"round {round}: the restarted node's head is behind the last head seen");

            TestSigner[] signers = await CreateSigners(rpc, spec.ChainId, cancellationToken);
            using CancellationTokenSource stopSending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task<(int Sent, ulong Seen)> sending = SendUntilCancelled(rpc, signers, recipients, random.Next(), stopSending.Token);
            await Task.Delay(random.Next(300, 2000), cancellationToken);
            node.KillHard();
            await stopSending.CancelAsync();
            (int roundSent, ulong seen) = await sending;
            sent += roundSent;
            lastSeen = Math.Max(lastSeen, seen);

            ulong audited = ChainAudit.Verify(dataDir, spec, lastSeen);
            TestContext.Out.WriteLine($"round {round}: killed after {roundSent} sends, last head seen {seen}, head on disk {audited}");
        }

        Assert.That(sent, Is.GreaterThan(0), "the test must have sent transactions");
        using (DevNodeProcess node = DevNodeProcess.Start(dataDir, BlockTimeMs))
        {
            using JsonRpcClient rpc = new(node.WaitForRpc(StartTimeout));
            ulong restartHead = await BlockNumber(rpc, cancellationToken);
            Assert.That(restartHead, Is.GreaterThanOrEqualTo(lastSeen));

            // The engine first finishes the height its WAL was in, which may commit a transfer sent before the kill;
            // nonces are read after that block so the new transfer does not reuse one.
            while (await BlockNumber(rpc, cancellationToken) <= restartHead)
            {
                await Task.Delay(20, cancellationToken);
            }

            // Still producing after the crashes: a new transfer gets mined.
            TestSigner[] signers = await CreateSigners(rpc, spec.ChainId, cancellationToken);
            string hash = (await rpc.CallAsync("eth_sendRawTransaction", [signers[0].SignTransfer(recipients[0], 1)], cancellationToken)).GetString()!;
            JsonElement receipt = default;
            for (int i = 0; i < 100 && receipt.ValueKind != JsonValueKind.Object; i++)
            {
                await Task.Delay(50, cancellationToken);
                receipt = await rpc.CallAsync("eth_getTransactionReceipt", [hash], cancellationToken);
            }

            Assert.That(receipt.ValueKind, Is.EqualTo(JsonValueKind.Object), "transfer after restart was not mined\n--- node log ---\n" + node.Log);
            Assert.That(receipt.GetProperty("status").GetString(), Is.EqualTo("0x1"));
            lastSeen = await BlockNumber(rpc, cancellationToken);

            Assert.That(node.Terminate(TimeSpan.FromSeconds(30)), Is.Zero, "graceful shutdown on SIGTERM exits with 0");
            Assert.That(node.Log, Does.Contain("Stopped at head"));
        }

        ChainAudit.Verify(dataDir, spec, lastSeen);
    }

    private static async Task<ulong> BlockNumber(JsonRpcClient rpc, CancellationToken cancellationToken) =>
        RpcQuantity.ToUInt64(await rpc.CallAsync("eth_blockNumber", [], cancellationToken), "eth_blockNumber");

    private static async Task<TestSigner[]> CreateSigners(JsonRpcClient rpc, ulong chainId, CancellationToken cancellationToken)
    {
        TestSigner[] signers = new TestSigner[4];
        for (int i = 0; i < signers.Length; i++)
        {
            PrivateKey key = DevAccounts.Get(i + 1);
            ulong nonce = RpcQuantity.ToUInt64(await rpc.CallAsync("eth_getTransactionCount", [key.Address.ToLowerHex(), "latest"], cancellationToken), "nonce");
            signers[i] = new TestSigner(key, chainId, nonce);
        }

        return signers;
    }

    /// <summary>Round-robin transfers until cancelled or the node dies; returns how many were accepted and the highest head seen.</summary>
    private static async Task<(int Sent, ulong Seen)> SendUntilCancelled(
        JsonRpcClient rpc, TestSigner[] signers, Address[] recipients, int seed, CancellationToken cancellationToken)
    {
        Random random = new(seed);
        int sent = 0;
        ulong seen = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                foreach (TestSigner signer in signers)
                {
                    UInt256 value = (ulong)random.NextInt64(1, 1_000_000_000_000_000);
                    await rpc.CallAsync("eth_sendRawTransaction", [signer.SignTransfer(recipients[random.Next(recipients.Length)], value)], cancellationToken);
                    signer.Nonce++;
                    sent++;
                }

                seen = Math.Max(seen, await BlockNumber(rpc, cancellationToken));
                await Task.Delay(random.Next(0, 15), cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or JsonRpcClientException)
        {
            // The node was killed under us: that is the point of the test.
        }

        return (sent, seen);
    }
}
