using System.Text.Json;
using TrustChain.Core;
using TrustChain.Rpc.Modules.Eth;

namespace TrustChain.Rpc.Tests.Eth;

[TestFixture]
public sealed class EthCallTests
{
    private const string From = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private const string Plain = "0x3333333333333333333333333333333333333333";
    private static readonly string Contract = TestLogContract.At.ToLowerHex();
    private EthTestChain _chain = null!;

    [OneTimeSetUp]
    public async Task Start() => _chain = await EthTestChain.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _chain.DisposeAsync();

    [Test]
    public async Task Call_returns_the_system_contract_result_and_changes_no_state()
    {
        JsonElement result = await _chain.CallAsync("eth_call", new { from = From, to = Contract, input = "0x01aa" }, "latest");
        Assert.That(result.GetString(), Is.EqualTo("0x" + new string('0', 63) + "1"));
        JsonElement slot = await _chain.CallAsync("eth_getStorageAt", Contract, "0x0", "latest");
        Assert.That(slot.GetString(), Is.EqualTo("0x" + new string('0', 64)), "eth_call must not persist the contract's write");
    }

    [TestCase("0x99aabb", "0x99aabb")]
    [TestCase("0x", "0x")]
    public async Task Echo_call_returns_its_input(string data, string expected)
    {
        JsonElement result = await _chain.CallAsync("eth_call", new { to = Contract, data });
        Assert.That(result.GetString(), Is.EqualTo(expected));
    }

    [Test]
    public async Task Revert_is_code_3_with_reason_and_data()
    {
        JsonElement error = await _chain.ErrorAsync("eth_call", new { from = From, to = Contract, data = "0x02" }, "latest");
        Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(3));
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo("execution reverted: nope"));
        Assert.That(error.GetProperty("data").GetString(), Is.EqualTo(Hex.ToHexString(TestLogContract.ErrorString("nope"))));
    }

    [Test]
    public async Task Call_with_data_to_a_plain_account_fails_and_without_data_returns_empty()
    {
        JsonElement error = await _chain.ErrorAsync("eth_call", new { from = From, to = Plain, data = "0x1234" }, "latest");
        Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(3));
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo("execution reverted: " + CallSimulator.NoCodeReason));
        Assert.That((await _chain.CallAsync("eth_call", new { from = From, to = Plain }, "latest")).GetString(), Is.EqualTo("0x"));
    }

    [Test]
    public async Task Call_value_beyond_balance_is_insufficient_funds()
    {
        JsonElement error = await _chain.ErrorAsync("eth_call", new { from = Plain, to = Contract, value = "0x1" }, "latest");
        Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(-32000));
        Assert.That(error.GetProperty("message").GetString(), Does.StartWith("insufficient funds for gas * price + value: address "));
    }

    [Test]
    public async Task Call_out_of_gas_and_intrinsic_errors()
    {
        JsonElement oog = await _chain.ErrorAsync("eth_call", new { to = Contract, data = "0x03" }, "latest");
        Assert.That(oog.GetProperty("message").GetString(), Does.StartWith("out of gas"));
        JsonElement low = await _chain.ErrorAsync("eth_call", new { to = Contract, data = "0x01", gas = "0x5000" }, "latest");
        Assert.That(low.GetProperty("message").GetString(), Is.EqualTo("intrinsic gas too low: have 20480, want 21016"));
    }

    [TestCase(null, "0x5208")] // plain transfer: 21000
    [TestCase("0x01", "0x65a0")] // 21000 + 16 (one non-zero byte) + 5000 the contract reports
    [TestCase("0x0100", "0x65a4")] // + 4 for a zero byte
    [TestCase("0x07", "0x5600")] // echo: 21000 + 16 + 1000
    public async Task EstimateGas_is_intrinsic_plus_contract_cost(string? data, string expected)
    {
        object args = data is null ? new { from = From, to = Plain, value = "0x1" } : new { from = From, to = Contract, data };
        JsonElement result = await _chain.CallAsync("eth_estimateGas", args);
        Assert.That(result.GetString(), Is.EqualTo(expected));
    }

    [Test]
    public async Task EstimateGas_errors_like_geth()
    {
        JsonElement revert = await _chain.ErrorAsync("eth_estimateGas", new { from = From, to = Contract, data = "0x02" });
        Assert.That(revert.GetProperty("code").GetInt32(), Is.EqualTo(3));
        Assert.That(revert.GetProperty("message").GetString(), Is.EqualTo("execution reverted: nope"));

        JsonElement funds = await _chain.ErrorAsync("eth_estimateGas", new { from = Plain, to = From, value = "0x1", maxFeePerGas = "0x3b9aca00" });
        Assert.That(funds.GetProperty("message").GetString(), Is.EqualTo("insufficient funds for transfer"));

        JsonElement cap = await _chain.ErrorAsync("eth_estimateGas", new { from = From, to = Contract, data = "0x01", gas = "0x5300" });
        Assert.That(cap.GetProperty("message").GetString(), Is.EqualTo("gas required exceeds allowance (21248)"));
    }

    [Test]
    public async Task Malformed_call_objects_are_invalid_params()
    {
        JsonElement both = await _chain.ErrorAsync("eth_call", new { to = Contract, data = "0x01", input = "0x02" });
        Assert.That(both.GetProperty("code").GetInt32(), Is.EqualTo(-32602));
        Assert.That(both.GetProperty("message").GetString(), Does.Contain("both \"data\" and \"input\" are set"));

        JsonElement gas = await _chain.ErrorAsync("eth_call", new { to = Contract, gas = "10" });
        Assert.That(gas.GetProperty("message").GetString(), Does.Contain("hex string without 0x prefix"));

        JsonElement creation = await _chain.ErrorAsync("eth_call", new { from = From, data = "0x6000" });
        Assert.That(creation.GetProperty("message").GetString(), Does.StartWith("contract creation not supported"));
    }
}
