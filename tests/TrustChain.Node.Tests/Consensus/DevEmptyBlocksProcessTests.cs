using System.Globalization;
using System.Text.Json;
using TrustChain.Core;
using TrustChain.Node.Cli;
using TrustChain.Node.Dev;
using TrustChain.Node.Tests.Cli;
using TrustChain.Node.Tests.Crash;
using TrustChain.Node.Tests.Testnet;
using static TrustChain.Node.Tests.Testnet.TestnetAwait;

namespace TrustChain.Node.Tests.Consensus;

/// <summary>
/// `trustchain run --dev --dev-empty-blocks false` as a real process (CometBFT create_empty_blocks = false): round 0
/// of the first height runs at start, after that an idle chain does not grow even with a 100 ms block time, while a
/// transaction is still sealed at once, and the node goes idle again right after it. The consensus gauges at
/// /metrics of this running validator show the height it waits on, round 0, step NewHeight.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DevEmptyBlocksProcessTests
{
    private const ulong ChainId = 7357;

    /// <summary>Twenty block times: a node that still made empty blocks would add many in this window.</summary>
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(2);

    private TempDirectory _dir = null!;
    private TestnetNodeProcess _node = null!;

    [OneTimeSetUp]
    public void StartNode()
    {
        _dir = new TempDirectory();
        int rpc = FreePorts.FindRun(1);
        string dataDir = Path.Combine(_dir.Path, "data");
        string argsFile = Path.Combine(_dir.Path, "dev.args");
        File.WriteAllLines(argsFile,
        [
            "run", "--dev", "--datadir", dataDir, "--rpc-port", rpc.ToString(CultureInfo.InvariantCulture),
            "--block-time", "100", "--dev-empty-blocks", "false",
        ]);
        _node = new TestnetNodeProcess(new TestnetNode(0, dataDir, argsFile, 0, rpc, string.Empty, null));
        _node.Start();
    }

    [OneTimeTearDown]
    public void StopNode()
    {
        _node.Dispose();
        _dir.Dispose();
    }

    [Test]
    [Order(1)]
    public async Task Idle_chain_does_not_grow_and_a_transaction_is_sealed_at_once()
    {
        ulong start = await WaitFor(() => _node.TryHeadAsync(), "the dev node's JSON-RPC", [_node]);
        ulong idle = await IdleHead(start);
        Assert.That(idle, Is.LessThanOrEqualTo(1), "only the first height's round 0 may seal an empty block");

        JsonElement hash = await _node.Rpc.CallAsync("eth_sendRawTransaction",
            [new TestSigner(DevAccounts.Get(1), ChainId, 0).SignTransfer(Address.Parse("0x00000000000000000000000000000000000000cc"), 7UL)]);
        JsonElement receipt = await WaitFor(async () =>
        {
            JsonElement r = await _node.Rpc.CallAsync("eth_getTransactionReceipt", [hash.GetString()]);
            return r.ValueKind == JsonValueKind.Null ? (JsonElement?)null : r;
        }, "the transaction to be sealed", [_node]);
        Assert.That(TestnetNodeProcess.Quantity(receipt.GetProperty("blockNumber")), Is.EqualTo(idle + 1));

        Assert.That(await IdleHead(idle + 1), Is.EqualTo(idle + 1), "no empty block follows the transaction's block");
    }

    [Test]
    [Order(2)]
    public async Task Metrics_show_the_height_being_decided_in_round_zero_waiting_for_transactions()
    {
        ulong head = (await _node.TryHeadAsync())!.Value;
        string metrics = await MetricsScrape.FetchAsync(_node.Node.RpcPort);

        Assert.Multiple(() =>
        {
            Assert.That(MetricsScrape.Sample(metrics, "trustchain_consensus_height"), Is.EqualTo(head + 1));
            Assert.That(MetricsScrape.Sample(metrics, "trustchain_consensus_round"), Is.Zero);
            Assert.That(MetricsScrape.Sample(metrics, "trustchain_consensus_step"), Is.Zero, "NewHeight: the commit wait no block time ends");
            Assert.That(metrics, Does.Contain("# TYPE trustchain_consensus_round gauge"));
        });
    }

    /// <summary>Waits out <see cref="IdleWindow"/> and checks that the head did not move from <paramref name="expected"/>.</summary>
    private async Task<ulong> IdleHead(ulong expected)
    {
        // The first height may still be sealing when RPC comes up: settle on the head it reaches, then watch it stay.
        ulong head = expected;
        for (int i = 0; i < 50; i++)
        {
            await Task.Delay(300);
            ulong now = (await _node.TryHeadAsync()) ?? head;
            if (now == head)
            {
                break;
            }

            head = now;
        }

        await Task.Delay(IdleWindow);
        ulong after = (await _node.TryHeadAsync()) ?? throw new AssertionException("the dev node stopped:\n" + _node.Log);
        Assert.That(after, Is.EqualTo(head), $"an idle chain grew from #{head} to #{after}");
        return after;
    }
}
