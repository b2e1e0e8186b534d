using System.Text.Json;
using TrustChain.Chain.Specs;
using TrustChain.Core;
using TrustChain.Core.Blocks;

namespace TrustChain.Rpc.Tests.Eth;

[TestFixture]
public sealed class EthFeeTests
{
    private static readonly Address Recipient = Address.Parse("0x6666666666666666666666666666666666666666");
    private EthTestChain _chain = null!;
    private Block _mixed = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _chain = await EthTestChain.StartAsync();
        _chain.ProduceBlock();
        // Tips 1, 3 and 5 gwei from three senders (none is the proposer, key 0).
        await _chain.SendAsync(_chain.Sign1559(1, 0, Recipient, 1, tip: 1 * ChainParameters.OneGwei));
        await _chain.SendAsync(_chain.Sign1559(2, 0, Recipient, 1, tip: 3 * ChainParameters.OneGwei));
        await _chain.SendAsync(_chain.Sign1559(3, 0, TestLogContract.At, 0, data: [0x01], gas: 40_000, tip: 5 * ChainParameters.OneGwei));
        _mixed = _chain.ProduceBlock();
        _chain.ProduceBlock();
    }

    [OneTimeTearDown]
    public async Task Stop() => await _chain.DisposeAsync();

    [Test]
    public async Task Priority_fee_is_the_oracle_percentile_and_gas_price_adds_the_base_fee()
    {
        // 20-block window: 3 empty blocks sample the default 1 gwei, the mixed block samples 1, 3, 5 gwei;
        // sorted [1,1,1,1,3,5] gwei, index (6-1)*60/100 = 3 -> 1 gwei.
        JsonElement tip = await _chain.CallAsync("eth_maxPriorityFeePerGas");
        Assert.That(tip.GetString(), Is.EqualTo("0x3b9aca00"));
        JsonElement price = await _chain.CallAsync("eth_gasPrice");
        UInt256 expected = _chain.Chain.Head.BaseFeePerGas + ChainParameters.OneGwei;
        Assert.That(price.GetString(), Is.EqualTo(expected.ToHexQuantity()));
    }

    [Test]
    public async Task Fee_history_has_count_plus_one_base_fees_ratios_and_rewards()
    {
        string newest = "0x" + _mixed.Number.ToString("x");
        JsonElement history = await _chain.CallAsync("eth_feeHistory", "0x2", newest, new[] { 0.0, 50.0, 100.0 });
        Assert.That(history.GetProperty("oldestBlock").GetString(), Is.EqualTo("0x" + (_mixed.Number - 1).ToString("x")));
        JsonElement baseFees = history.GetProperty("baseFeePerGas");
        Assert.That(baseFees.GetArrayLength(), Is.EqualTo(3));
        Assert.That(baseFees[1].GetString(), Is.EqualTo(_mixed.Header.BaseFeePerGas.ToHexQuantity()));
        Assert.That(baseFees[2].GetString(), Is.EqualTo(_chain.Chain.GetHeader(_mixed.Number + 1)!.BaseFeePerGas.ToHexQuantity()));
        JsonElement ratios = history.GetProperty("gasUsedRatio");
        Assert.That(ratios[0].GetDouble(), Is.Zero);
        Assert.That(ratios[1].GetDouble(), Is.EqualTo((double)_mixed.Header.GasUsed / _mixed.Header.GasLimit));

        // Gas by tip: 21000 @1, 21000 @3, 26016 @5 gwei (total 68016). 0% -> 1, 50% (34008) -> 3, 100% -> 5 gwei.
        JsonElement rewards = history.GetProperty("reward");
        Assert.That(rewards[0].EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "0x0", "0x0", "0x0" }));
        Assert.That(rewards[1].EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "0x3b9aca00", "0xb2d05e00", "0x12a05f200" }));
    }

    [Test]
    public async Task Fee_history_accepts_decimal_counts_and_omits_rewards_without_percentiles()
    {
        JsonElement history = await _chain.CallAsync("eth_feeHistory", 100, "latest", Array.Empty<double>());
        ulong head = _chain.Chain.Head.Number;
        Assert.That(history.GetProperty("oldestBlock").GetString(), Is.EqualTo("0x0"));
        Assert.That(history.GetProperty("baseFeePerGas").GetArrayLength(), Is.EqualTo((int)head + 2));
        Assert.That(history.TryGetProperty("reward", out _), Is.False);
    }

    [TestCase(new[] { 50.0, 10.0 }, "invalid reward percentile: #0:50.000000 >= #1:10.000000")]
    [TestCase(new[] { 101.0 }, "invalid reward percentile: 101.000000")]
    public async Task Fee_history_rejects_bad_percentiles(double[] percentiles, string message)
    {
        JsonElement error = await _chain.ErrorAsync("eth_feeHistory", "0x1", "latest", percentiles);
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo(message));
    }

    [Test]
    public async Task Fee_history_beyond_head_is_an_error()
    {
        JsonElement error = await _chain.ErrorAsync("eth_feeHistory", "0x1", "0x3e8", Array.Empty<double>());
        Assert.That(error.GetProperty("message").GetString(), Does.StartWith("request beyond head block"));
    }
}
