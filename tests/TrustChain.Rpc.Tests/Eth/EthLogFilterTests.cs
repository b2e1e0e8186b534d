using System.Text.Json;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Rpc.Modules.Eth;

namespace TrustChain.Rpc.Tests.Eth;

[TestFixture]
public sealed class EthLogFilterTests
{
    private static readonly string Contract = TestLogContract.At.ToLowerHex();
    private static readonly string Topic = TestLogContract.PingTopic.ToString();
    private EthTestChain _chain = null!;
    private Block _logBlock = null!;
    private ulong _nonce;

    [OneTimeSetUp]
    public async Task Start()
    {
        _chain = await EthTestChain.StartAsync();
        _logBlock = await MineLogs(3, 2);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _chain.DisposeAsync();

    /// <summary>Sends <paramref name="pings"/> log-emitting calls then <paramref name="transfers"/> transfers (key 1), mines one block.</summary>
    private async Task<Block> MineLogs(int pings, int transfers)
    {
        for (int i = 0; i < pings; i++)
        {
            await _chain.SendAsync(_chain.Sign1559(1, _nonce++, TestLogContract.At, 0, data: [0x01, (byte)i], gas: 40_000));
        }

        for (int i = 0; i < transfers; i++)
        {
            await _chain.SendAsync(_chain.Sign1559(1, _nonce++, Address.Parse("0x4444444444444444444444444444444444444444"), 1));
        }

        return _chain.ProduceBlock();
    }

    [Test]
    public async Task GetLogs_returns_positioned_logs_matching_address_and_topics()
    {
        string number = "0x" + _logBlock.Number.ToString("x");
        string sender = "0x" + new string('0', 24) + EthTestChain.DevKeys[1].Address.ToLowerHex()[2..];
        JsonElement logs = await _chain.CallAsync("eth_getLogs", new { fromBlock = number, toBlock = number, address = Contract, topics = new object?[] { Topic, sender } });
        Assert.That(logs.GetArrayLength(), Is.EqualTo(3));
        for (int i = 0; i < 3; i++)
        {
            JsonElement log = logs[i];
            Assert.Multiple(() =>
            {
                Assert.That(log.GetProperty("address").GetString(), Is.EqualTo(Contract));
                Assert.That(log.GetProperty("topics")[0].GetString(), Is.EqualTo(Topic));
                Assert.That(log.GetProperty("topics")[1].GetString(), Is.EqualTo(sender));
                Assert.That(log.GetProperty("data").GetString(), Is.EqualTo("0x01" + i.ToString("x2")));
                Assert.That(log.GetProperty("logIndex").GetString(), Is.EqualTo("0x" + i.ToString("x")));
                Assert.That(log.GetProperty("transactionIndex").GetString(), Is.EqualTo("0x" + i.ToString("x")));
                Assert.That(log.GetProperty("blockHash").GetString(), Is.EqualTo(_logBlock.Hash.ToString()));
                Assert.That(log.GetProperty("blockNumber").GetString(), Is.EqualTo(number));
                Assert.That(log.GetProperty("transactionHash").GetString(), Is.EqualTo(_logBlock.Transactions[i].Hash.ToString()));
                Assert.That(log.GetProperty("removed").GetBoolean(), Is.False);
            });
        }

        JsonElement receipt = await _chain.CallAsync("eth_getTransactionReceipt", _logBlock.Transactions[2].Hash.ToString());
        Assert.That(receipt.GetProperty("logs")[0].GetProperty("logIndex").GetString(), Is.EqualTo("0x2"));
        Assert.That(receipt.GetProperty("gasUsed").GetString(), Is.EqualTo("0x65b0"), "21000 + 2 x 16 + 5000");
        JsonElement byHash = await _chain.CallAsync("eth_getLogs", new { blockHash = _logBlock.Hash.ToString() });
        Assert.That(byHash.GetArrayLength(), Is.EqualTo(3));
    }

    [TestCase("0x1111111111111111111111111111111111111111", null, 0)]
    [TestCase(null, "0x0000000000000000000000000000000000000000000000000000000000000001", 0)]
    [TestCase(null, null, 3)]
    public async Task GetLogs_filters_by_criteria(string? address, string? topic, int expected)
    {
        var criteria = new Dictionary<string, object?> { ["fromBlock"] = "earliest", ["toBlock"] = "latest" };
        if (address is not null)
        {
            criteria["address"] = new[] { address };
        }

        if (topic is not null)
        {
            criteria["topics"] = new object?[] { new[] { topic } };
        }

        JsonElement logs = await _chain.CallAsync("eth_getLogs", criteria);
        Assert.That(logs.GetArrayLength(), Is.EqualTo(expected));
    }

    [Test]
    public async Task GetLogs_range_limit_and_bad_ranges()
    {
        string last = "0x" + EthTestChain.LogRangeLimit.ToString("x");
        JsonElement tooWide = await _chain.ErrorAsync("eth_getLogs", new { fromBlock = "0x0", toBlock = last });
        Assert.That(tooWide.GetProperty("code").GetInt32(), Is.EqualTo(-32000));
        Assert.That(tooWide.GetProperty("message").GetString(), Is.EqualTo($"query exceeds max block range {EthTestChain.LogRangeLimit}"));

        JsonElement inverted = await _chain.ErrorAsync("eth_getLogs", new { fromBlock = "0x5", toBlock = "0x2" });
        Assert.That(inverted.GetProperty("message").GetString(), Is.EqualTo("invalid block range params"));

        JsonElement unknown = await _chain.ErrorAsync("eth_getLogs", new { blockHash = "0x" + new string('7', 64) });
        Assert.That(unknown.GetProperty("message").GetString(), Is.EqualTo("unknown block"));

        JsonElement topics = await _chain.ErrorAsync("eth_getLogs", new { topics = new object?[] { null, null, null, null, null } });
        Assert.That(topics.GetProperty("message").GetString(), Is.EqualTo("invalid argument 0: exceed max topics"));

        JsonElement beyond = await _chain.CallAsync("eth_getLogs", new { fromBlock = "0xfffff", toBlock = "0xfffff" });
        Assert.That(beyond.GetArrayLength(), Is.Zero);
        string justInside = "0x" + (EthTestChain.LogRangeLimit - 1).ToString("x");
        Assert.That((await _chain.CallAsync("eth_getLogs", new { fromBlock = "0x0", toBlock = justInside })).GetArrayLength(), Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public async Task Block_filter_reports_each_new_block_once()
    {
        string id = (await _chain.CallAsync("eth_newBlockFilter")).GetString()!;
        Assert.That(id, Does.StartWith("0x"));
        Assert.That((await _chain.CallAsync("eth_getFilterChanges", id)).GetArrayLength(), Is.Zero);
        Block a = _chain.ProduceBlock();
        Block b = _chain.ProduceBlock();
        JsonElement changes = await _chain.CallAsync("eth_getFilterChanges", id);
        Assert.That(changes.EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { a.Hash.ToString(), b.Hash.ToString() }));
        Assert.That((await _chain.CallAsync("eth_getFilterChanges", id)).GetArrayLength(), Is.Zero);
        Assert.That((await _chain.CallAsync("eth_uninstallFilter", id)).GetBoolean(), Is.True);
        Assert.That((await _chain.CallAsync("eth_uninstallFilter", id)).GetBoolean(), Is.False);
        JsonElement gone = await _chain.ErrorAsync("eth_getFilterChanges", id);
        Assert.That(gone.GetProperty("message").GetString(), Is.EqualTo("filter not found"));
    }

    [Test]
    public async Task Log_filter_reports_new_matching_logs_and_all_logs_on_request()
    {
        string from = "0x" + _logBlock.Number.ToString("x");
        string id = (await _chain.CallAsync("eth_newFilter", new { fromBlock = from, address = Contract })).GetString()!;
        Block mined = await MineLogs(2, 1);
        JsonElement changes = await _chain.CallAsync("eth_getFilterChanges", id);
        Assert.That(changes.GetArrayLength(), Is.EqualTo(2));
        Assert.That(changes[0].GetProperty("blockHash").GetString(), Is.EqualTo(mined.Hash.ToString()));
        Assert.That((await _chain.CallAsync("eth_getFilterChanges", id)).GetArrayLength(), Is.Zero);
        JsonElement all = await _chain.CallAsync("eth_getFilterLogs", id);
        Assert.That(all.GetArrayLength(), Is.EqualTo(5), "3 logs of the first block + 2 new ones");
    }

    [Test]
    public async Task Pending_transaction_filter_sees_pool_additions()
    {
        string id = (await _chain.CallAsync("eth_newPendingTransactionFilter")).GetString()!;
        string hash = await _chain.SendAsync(_chain.Sign1559(1, _nonce++, Address.Parse("0x5555555555555555555555555555555555555555"), 1));
        JsonElement changes = await _chain.CallAsync("eth_getFilterChanges", id);
        Assert.That(changes.EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { hash }));
        JsonElement notLogs = await _chain.ErrorAsync("eth_getFilterLogs", id);
        Assert.That(notLogs.GetProperty("message").GetString(), Is.EqualTo("filter not found"));
        _chain.ProduceBlock();
    }

    [Test]
    public async Task Idle_filters_expire_after_five_minutes()
    {
        string idle = (await _chain.CallAsync("eth_newBlockFilter")).GetString()!;
        string polled = (await _chain.CallAsync("eth_newBlockFilter")).GetString()!;
        _chain.Time.Advance(TimeSpan.FromMinutes(3));
        await _chain.CallAsync("eth_getFilterChanges", polled);
        _chain.Time.Advance(TimeSpan.FromMinutes(3));
        JsonElement expired = await _chain.ErrorAsync("eth_getFilterChanges", idle);
        Assert.That(expired.GetProperty("message").GetString(), Is.EqualTo("filter not found"));
        await _chain.CallAsync("eth_getFilterChanges", polled);
    }
}
