using TrustChain.Chain.Blocks;
using TrustChain.Chain.Persistence;
using TrustChain.Chain.Tests.Blocks;
using TrustChain.Chain.Tests.Execution;
using TrustChain.Core;
using TrustChain.Core.Transactions;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;

namespace TrustChain.Chain.Tests.Persistence;

/// <summary>
/// Blocks 1..6 on a chain with the Ping contract. Block n: key1 pings (0x01) when n is odd, key2 pongs (0x02) when
/// n % 3 == 0, plus a plain transfer (no logs) in every block. Block 6 also has a reverted call (its logs dropped).
/// </summary>
[TestFixture]
public sealed class LogQueryTests
{
    private TempChain _t = null!;

    [OneTimeSetUp]
    public void SetUp()
    {
        _t = new TempChain(options: () =>
        {
            BlockchainOptions options = new() { MaxLogBlockRange = 100, MaxLogResults = 4 };
            options.SystemContracts.Register(new PingContract());
            return options;
        });
        ulong n1 = 0, n2 = 0, n0 = 0;
        for (int n = 1; n <= 6; n++)
        {
            List<Transaction> txs = [Transfer(Key0, n0++, 1)];
            if (n % 2 == 1)
            {
                txs.Add(Transfer(Key1, n1++, 0, to: PingContract.ContractAddress, gas: 50_000, data: [0x01]));
            }

            if (n % 3 == 0)
            {
                txs.Add(Transfer(Key2, n2++, 0, to: PingContract.ContractAddress, gas: 50_000, data: [0x02]));
            }

            if (n == 6)
            {
                txs.Add(Transfer(Key1, n1++, 0, to: PingContract.ContractAddress, gas: 50_000, data: [0xFF]));
            }

            _t.Produce([.. txs]);
        }
    }

    [OneTimeTearDown]
    public void TearDown() => _t.Dispose();

    private static readonly Hash256 Other = TrustChain.Core.Crypto.Keccak256.Compute("other"u8);

    private static IEnumerable<TestCaseData> Filters()
    {
        Address ping = PingContract.ContractAddress;
        Hash256 k1 = PingContract.Word(Key1.Address);
        Hash256 k2 = PingContract.Word(Key2.Address);
        yield return new TestCaseData(new LogFilter(1, 3, [ping]), new ulong[] { 1, 3, 3 }).SetName("by address");
        yield return new TestCaseData(new LogFilter(1, 6, topics: [[PingContract.PingTopic]]), new ulong[] { 1, 3, 5 }).SetName("by topic0");
        yield return new TestCaseData(new LogFilter(1, 6, topics: [null, [k2]]), new ulong[] { 3, 6 }).SetName("any topic0, topic1 = key2");
        yield return new TestCaseData(new LogFilter(2, 6, topics: [[PingContract.PongTopic, PingContract.PingTopic], [k1, k2]]), new ulong[] { 3, 3, 5, 6 }).SetName("OR lists at two positions");
        yield return new TestCaseData(new LogFilter(1, 6, topics: [[PingContract.PongTopic], [k1]]), Array.Empty<ulong>()).SetName("positions intersect to nothing");
        yield return new TestCaseData(new LogFilter(1, 6, [Key0.Address]), Array.Empty<ulong>()).SetName("address with no logs");
        yield return new TestCaseData(new LogFilter(4, 5), new ulong[] { 5 }).SetName("unrestricted range");
        yield return new TestCaseData(new LogFilter(5, 1000), new ulong[] { 5, 6 }).SetName("range clamped to head");
        yield return new TestCaseData(new LogFilter(1, 6, topics: [[Other]]), Array.Empty<ulong>()).SetName("unknown topic");
        yield return new TestCaseData(new LogFilter(1, 6, topics: [null, null, [k1]]), Array.Empty<ulong>()).SetName("topic position beyond the logs' topics");
    }

    [TestCaseSource(nameof(Filters))]
    public void Filter_returns_exactly_the_matching_logs_in_order(LogFilter filter, ulong[] expectedBlocks)
    {
        IReadOnlyList<FilteredLog> logs = _t.Chain.GetLogs(filter);
        Assert.That(logs.Select(l => l.BlockNumber), Is.EqualTo(expectedBlocks));
        foreach (FilteredLog log in logs)
        {
            Assert.That(filter.Matches(log.Log), Is.True);
            var receipts = _t.Chain.GetReceipts(log.BlockHash)!;
            Assert.That(receipts[log.TransactionIndex].TxHash, Is.EqualTo(log.TransactionHash));
            Assert.That(receipts[log.TransactionIndex].Logs.Any(l => l.Address == log.Log.Address
                && l.Topics.SequenceEqual(log.Log.Topics) && l.Data.AsSpan().SequenceEqual(log.Log.Data)), Is.True);
        }
    }

    [Test]
    public void Log_positions_count_across_the_whole_block()
    {
        FilteredLog[] block3 = _t.Chain.GetLogs(new LogFilter(3, 3)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(block3.Select(l => l.LogIndex), Is.EqualTo(new[] { 0, 1 }));
            Assert.That(block3.Select(l => l.TransactionIndex), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(block3[0].Log.Topics[0], Is.EqualTo(PingContract.PingTopic));
            Assert.That(block3[1].Log.Topics[0], Is.EqualTo(PingContract.PongTopic));
        });
    }

    [Test]
    public void Block_bloom_reflects_its_logs()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_t.Chain.GetHeader(1)!.LogsBloom.Matches(PingContract.ContractAddress), Is.True);
            Assert.That(_t.Chain.GetHeader(2)!.LogsBloom.IsEmpty, Is.True);
            Assert.That(_t.Chain.GetHeader(6)!.LogsBloom.Matches(PingContract.PongTopic), Is.True);
        });
    }

    [Test]
    public void Limits_are_enforced_with_clear_errors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => _t.Chain.GetLogs(new LogFilter(1, 6)), Throws.TypeOf<LogQueryException>().With.Message.Contains("more than 4 results"));
            Assert.That(() => _t.Chain.GetLogs(new LogFilter(0, 5_000, topics: [[PingContract.PongTopic]])), Throws.Nothing, "clamped to the head first");
            Assert.That(() => new LogFilter(5, 4), Throws.ArgumentException.With.Message.Contains("invalid block range"));
            Assert.That(() => new LogFilter(1, 2, topics: [null, null, null, null, null]), Throws.ArgumentException);
        });
    }

    [Test]
    public void Block_range_limit_applies_after_clamping()
    {
        using TempChain t = new(options: () => new BlockchainOptions { MaxLogBlockRange = 2 });
        t.Produce();
        t.Produce();
        t.Produce();
        Assert.That(() => t.Chain.GetLogs(new LogFilter(0, 3)), Throws.TypeOf<LogQueryException>().With.Message.Contains("block range too large"));
        Assert.That(t.Chain.GetLogs(new LogFilter(2, 3)), Is.Empty);
    }
}
