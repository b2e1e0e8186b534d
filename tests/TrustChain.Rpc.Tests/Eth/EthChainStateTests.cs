using System.Text.Json;
using TrustChain.Core;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Tests.Eth;

[TestFixture]
public sealed class EthChainStateTests
{
    private const string DevAddress = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    private const string GenesisBalance = "0x84595161401484a000000"; // 10^25 wei, from genesis.json
    private EthTestChain _chain = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _chain = await EthTestChain.StartAsync();
        _chain.ProduceBlock();
        _chain.ProduceBlock();
    }

    [OneTimeTearDown]
    public async Task Stop() => await _chain.DisposeAsync();

    [TestCase("eth_chainId", "0x1cbd")]
    [TestCase("net_version", "7357")]
    [TestCase("web3_clientVersion", "TrustChain/v0.1.0/linux-x64/dotnet10")]
    [TestCase("eth_hashrate", "0x0")]
    [TestCase("net_peerCount", "0x0")]
    public async Task Constant_string_results(string method, string expected)
    {
        JsonElement result = await _chain.CallAsync(method);
        Assert.That(result.GetString(), Is.EqualTo(expected));
    }

    [TestCase("eth_syncing", false)]
    [TestCase("eth_mining", false)]
    [TestCase("net_listening", true)]
    public async Task Constant_bool_results(string method, bool expected)
    {
        JsonElement result = await _chain.CallAsync(method);
        Assert.That(result.GetBoolean(), Is.EqualTo(expected));
    }

    [Test]
    public async Task Accounts_is_empty_and_block_number_is_the_head()
    {
        Assert.That((await _chain.CallAsync("eth_accounts")).GetArrayLength(), Is.Zero);
        Assert.That((await _chain.CallAsync("eth_blockNumber")).GetString(), Is.EqualTo(RpcHex.EncodeQuantity(_chain.Chain.Head.Number)));
    }

    // Keccak-256 of "" and of "hello" (published values).
    [TestCase("0x", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [TestCase("0x68656c6c6f", "0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8")]
    public async Task Web3Sha3_hashes_bytes(string input, string expected)
    {
        Assert.That((await _chain.CallAsync("web3_sha3", input)).GetString(), Is.EqualTo(expected));
    }

    [TestCase("latest")]
    [TestCase("safe")]
    [TestCase("finalized")]
    [TestCase("earliest")]
    [TestCase("pending")]
    [TestCase("0x0")]
    public async Task Genesis_balance_is_readable_at_every_tag(string tag)
    {
        JsonElement balance = await _chain.CallAsync("eth_getBalance", DevAddress, tag);
        Assert.That(balance.GetString(), Is.EqualTo(GenesisBalance));
    }

    [Test]
    public async Task Balance_accepts_eip1898_block_objects()
    {
        string hash = _chain.Chain.GetHeader(1)!.Hash.ToString();
        Assert.That((await _chain.CallAsync("eth_getBalance", DevAddress, new { blockHash = hash })).GetString(), Is.EqualTo(GenesisBalance));
        Assert.That((await _chain.CallAsync("eth_getBalance", DevAddress, new { blockNumber = "0x1" })).GetString(), Is.EqualTo(GenesisBalance));
        Assert.That((await _chain.CallAsync("eth_getBalance", DevAddress, hash)).GetString(), Is.EqualTo(GenesisBalance));
    }

    [Test]
    public async Task Unfunded_account_has_zero_balance_and_nonce()
    {
        const string nobody = "0x1111111111111111111111111111111111111111";
        Assert.That((await _chain.CallAsync("eth_getBalance", nobody, "latest")).GetString(), Is.EqualTo("0x0"));
        Assert.That((await _chain.CallAsync("eth_getTransactionCount", nobody, "latest")).GetString(), Is.EqualTo("0x0"));
        Assert.That((await _chain.CallAsync("eth_getTransactionCount", nobody, "pending")).GetString(), Is.EqualTo("0x0"));
    }

    [TestCase("eth_getBalance", "0x5f5e100", -32000, "header not found")]
    [TestCase("eth_getTransactionCount", "0x5f5e100", -32000, "header not found")]
    [TestCase("eth_getCode", "0x5f5e100", -32000, "header not found")]
    [TestCase("eth_getBalance", "0xabababababababababababababababababababababababababababababababab", -32000, "header for hash not found")]
    [TestCase("eth_getBalance", "latests", -32602, "invalid argument 1: hex string without 0x prefix")]
    [TestCase("eth_getBalance", "0x01", -32602, "invalid argument 1: hex number with leading zero digits")]
    public async Task State_at_bad_block_is_a_geth_error(string method, string block, int code, string message)
    {
        JsonElement error = await _chain.ErrorAsync(method, DevAddress, block);
        Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(code));
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo(message));
    }

    [TestCase("0xf39fd6e51aad88f6f4ce6ab8827279cfffb9226", "invalid argument 0: hex string of odd length")]
    [TestCase("f39fd6e51aad88f6f4ce6ab8827279cfffb92266", "invalid argument 0: hex string without 0x prefix")]
    [TestCase("0xf39fd6e51aad88f6f4ce6ab8827279cfffb9226600", "invalid argument 0: hex string has length 42, want 40 for common.Address")]
    public async Task Bad_address_is_invalid_params(string address, string message)
    {
        JsonElement error = await _chain.ErrorAsync("eth_getBalance", address, "latest");
        Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(-32602));
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo(message));
    }

    [Test]
    public async Task Missing_block_argument_is_required_like_geth()
    {
        JsonElement error = await _chain.ErrorAsync("eth_getBalance", DevAddress);
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo("missing value for required argument 1"));
    }

    [Test]
    public async Task Code_is_empty_for_accounts_and_the_marker_for_system_contracts()
    {
        Assert.That((await _chain.CallAsync("eth_getCode", DevAddress, "latest")).GetString(), Is.EqualTo("0x"));
        Assert.That((await _chain.CallAsync("eth_getCode", TestLogContract.At.ToLowerHex(), "latest")).GetString(), Is.EqualTo("0xfe01"));
    }

    [Test]
    public async Task Storage_of_an_unset_slot_is_a_zero_word()
    {
        JsonElement value = await _chain.CallAsync("eth_getStorageAt", TestLogContract.At.ToLowerHex(), "0x5", "latest");
        Assert.That(value.GetString(), Is.EqualTo("0x" + new string('0', 64)));
    }

    [Test]
    public async Task Too_many_arguments_are_refused()
    {
        JsonElement error = await _chain.ErrorAsync("eth_blockNumber", "0x1");
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo("too many arguments, want at most 0"));
    }

    [Test]
    public async Task Block_by_number_shape_matches_the_header()
    {
        JsonElement block = await _chain.CallAsync("eth_getBlockByNumber", "0x1", false);
        var header = _chain.Chain.GetHeader(1)!;
        Assert.Multiple(() =>
        {
            Assert.That(block.GetProperty("number").GetString(), Is.EqualTo("0x1"));
            Assert.That(block.GetProperty("hash").GetString(), Is.EqualTo(header.Hash.ToString()));
            Assert.That(block.GetProperty("parentHash").GetString(), Is.EqualTo(_chain.Chain.GetHeader(0)!.Hash.ToString()));
            Assert.That(block.GetProperty("nonce").GetString(), Is.EqualTo("0x0000000000000000"));
            Assert.That(block.GetProperty("sha3Uncles").GetString(), Is.EqualTo("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347"));
            Assert.That(block.GetProperty("miner").GetString(), Is.EqualTo(DevAddress));
            Assert.That(block.GetProperty("difficulty").GetString(), Is.EqualTo("0x0"));
            Assert.That(block.GetProperty("totalDifficulty").GetString(), Is.EqualTo("0x0"));
            Assert.That(block.GetProperty("mixHash").GetString(), Is.EqualTo("0x" + new string('0', 64)));
            Assert.That(block.GetProperty("gasLimit").GetString(), Is.EqualTo("0x1c9c380"));
            Assert.That(block.GetProperty("gasUsed").GetString(), Is.EqualTo("0x0"));
            Assert.That(block.GetProperty("baseFeePerGas").GetString(), Is.EqualTo(RpcHex.EncodeQuantity((ulong)header.BaseFeePerGas)));
            Assert.That(block.GetProperty("timestamp").GetString(), Is.EqualTo(RpcHex.EncodeQuantity(header.Timestamp / 1000)));
            Assert.That(block.GetProperty("timestampMs").GetString(), Is.EqualTo(RpcHex.EncodeQuantity(header.Timestamp)));
            Assert.That(block.GetProperty("logsBloom").GetString(), Has.Length.EqualTo(2 + 512));
            Assert.That(block.GetProperty("stateRoot").GetString(), Is.EqualTo(header.StateRoot.ToString()));
            Assert.That(block.GetProperty("humanSetRoot").GetString(), Is.EqualTo(header.HumanSetRoot.ToString()));
            Assert.That(block.GetProperty("validatorsHash").GetString(), Is.EqualTo(header.ValidatorsHash.ToString()));
            Assert.That(block.GetProperty("transactions").GetArrayLength(), Is.Zero);
            Assert.That(block.GetProperty("uncles").GetArrayLength(), Is.Zero);
            Assert.That(Convert.ToInt64(block.GetProperty("size").GetString(), 16), Is.GreaterThan(500));
        });
    }

    [Test]
    public async Task Tags_resolve_to_head_or_genesis()
    {
        string head = _chain.Chain.Head.Hash.ToString();
        foreach (string tag in new[] { "latest", "safe", "finalized", "pending" })
        {
            Assert.That((await _chain.CallAsync("eth_getBlockByNumber", tag, false)).GetProperty("hash").GetString(), Is.EqualTo(head), tag);
        }

        Assert.That((await _chain.CallAsync("eth_getBlockByNumber", "earliest", false)).GetProperty("number").GetString(), Is.EqualTo("0x0"));
    }

    [Test]
    public async Task Unknown_blocks_are_null()
    {
        const string unknownHash = "0x1234567890123456789012345678901234567890123456789012345678901234";
        Assert.That((await _chain.CallAsync("eth_getBlockByNumber", "0x3e8", true)).ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That((await _chain.CallAsync("eth_getBlockByHash", unknownHash, false)).ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That((await _chain.CallAsync("eth_getBlockTransactionCountByNumber", "0x3e8")).ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That((await _chain.CallAsync("eth_getBlockTransactionCountByHash", unknownHash)).ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That((await _chain.CallAsync("eth_getUncleCountByBlockNumber", "0x3e8")).ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That((await _chain.CallAsync("eth_getTransactionByBlockNumberAndIndex", "0x1", "0x0")).ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That((await _chain.CallAsync("eth_getTransactionByHash", unknownHash)).ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That((await _chain.CallAsync("eth_getTransactionReceipt", unknownHash)).ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That((await _chain.CallAsync("eth_getUncleCountByBlockNumber", "0x1")).GetString(), Is.EqualTo("0x0"));
    }
}
