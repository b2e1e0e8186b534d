using System.Text.Json;
using TrustChain.Chain.Specs;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Tests.Eth;

[TestFixture]
public sealed class EthTransactionTests
{
    private static readonly Address Recipient = Address.Parse("0x2222222222222222222222222222222222222222");
    private EthTestChain _chain = null!;

    [OneTimeSetUp]
    public async Task Start() => _chain = await EthTestChain.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _chain.DisposeAsync();

    private async Task<ulong> PendingNonce(int key) =>
        Convert.ToUInt64((await _chain.CallAsync("eth_getTransactionCount", EthTestChain.DevKeys[key].Address.ToLowerHex(), "pending")).GetString(), 16);

    private async Task<UInt256> Balance(Address address) =>
        UInt256.Parse((await _chain.CallAsync("eth_getBalance", address.ToLowerHex(), "latest")).GetString()!);

    [Test]
    public async Task Transfers_are_mined_with_geth_shaped_receipts_and_exact_balances()
    {
        Address sender = EthTestChain.DevKeys[1].Address;
        UInt256 senderBefore = await Balance(sender);
        UInt256 recipientBefore = await Balance(Recipient);
        ulong nonce = await PendingNonce(1);
        UInt256 value = UInt256.Parse("123456789000000000");
        Transaction dynamicFee = _chain.Sign1559(1, nonce, Recipient, value);
        Transaction legacy = _chain.SignLegacy(1, nonce + 1, Recipient, value, 3 * ChainParameters.OneGwei);

        string hash1 = await _chain.SendAsync(dynamicFee);
        string hash2 = await _chain.SendAsync(legacy);
        Assert.That(hash1, Is.EqualTo(dynamicFee.Hash.ToString()));
        Assert.That(await PendingNonce(1), Is.EqualTo(nonce + 2));

        JsonElement pending = await _chain.CallAsync("eth_getTransactionByHash", hash1);
        Assert.That(pending.GetProperty("blockHash").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(pending.GetProperty("blockNumber").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(pending.GetProperty("transactionIndex").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(pending.GetProperty("gasPrice").GetString(), Is.EqualTo("0x2540be400"), "pending 1559 gasPrice is the fee cap");

        var block = _chain.ProduceBlock();
        Assert.That(block.Transactions, Has.Count.EqualTo(2));
        UInt256 baseFee = block.Header.BaseFeePerGas;

        JsonElement receipt1 = await _chain.CallAsync("eth_getTransactionReceipt", hash1);
        JsonElement receipt2 = await _chain.CallAsync("eth_getTransactionReceipt", hash2);
        UInt256 price1 = UInt256.Min(10 * ChainParameters.OneGwei, baseFee + 2 * ChainParameters.OneGwei);
        UInt256 price2 = 3 * ChainParameters.OneGwei;
        Assert.Multiple(() =>
        {
            Assert.That(receipt1.GetProperty("status").GetString(), Is.EqualTo("0x1"));
            Assert.That(receipt1.GetProperty("type").GetString(), Is.EqualTo("0x2"));
            Assert.That(receipt2.GetProperty("type").GetString(), Is.EqualTo("0x0"));
            Assert.That(receipt1.GetProperty("gasUsed").GetString(), Is.EqualTo("0x5208"));
            Assert.That(receipt1.GetProperty("cumulativeGasUsed").GetString(), Is.EqualTo("0x5208"));
            Assert.That(receipt2.GetProperty("cumulativeGasUsed").GetString(), Is.EqualTo("0xa410"));
            Assert.That(receipt1.GetProperty("effectiveGasPrice").GetString(), Is.EqualTo(price1.ToHexQuantity()));
            Assert.That(receipt2.GetProperty("effectiveGasPrice").GetString(), Is.EqualTo(price2.ToHexQuantity()));
            Assert.That(receipt1.GetProperty("from").GetString(), Is.EqualTo(sender.ToLowerHex()));
            Assert.That(receipt1.GetProperty("to").GetString(), Is.EqualTo(Recipient.ToLowerHex()));
            Assert.That(receipt1.GetProperty("contractAddress").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(receipt1.GetProperty("blockHash").GetString(), Is.EqualTo(block.Hash.ToString()));
            Assert.That(receipt1.GetProperty("blockNumber").GetString(), Is.EqualTo(RpcHex.EncodeQuantity(block.Number)));
            Assert.That(receipt1.GetProperty("transactionIndex").GetString(), Is.EqualTo("0x0"));
            Assert.That(receipt2.GetProperty("transactionIndex").GetString(), Is.EqualTo("0x1"));
            Assert.That(receipt1.GetProperty("transactionHash").GetString(), Is.EqualTo(hash1));
            Assert.That(receipt1.GetProperty("logs").GetArrayLength(), Is.Zero);
        });

        UInt256 spent = value + value + price1 * 21_000 + price2 * 21_000;
        Assert.That(await Balance(sender), Is.EqualTo(senderBefore - spent));
        Assert.That(await Balance(Recipient), Is.EqualTo(recipientBefore + value + value));

        JsonElement mined = await _chain.CallAsync("eth_getTransactionByHash", hash1);
        Assert.Multiple(() =>
        {
            Assert.That(mined.GetProperty("blockHash").GetString(), Is.EqualTo(block.Hash.ToString()));
            Assert.That(mined.GetProperty("from").GetString(), Is.EqualTo(sender.ToLowerHex()));
            Assert.That(mined.GetProperty("to").GetString(), Is.EqualTo(Recipient.ToLowerHex()));
            Assert.That(mined.GetProperty("gasPrice").GetString(), Is.EqualTo(price1.ToHexQuantity()), "mined 1559 gasPrice is effective");
            Assert.That(mined.GetProperty("maxFeePerGas").GetString(), Is.EqualTo("0x2540be400"));
            Assert.That(mined.GetProperty("maxPriorityFeePerGas").GetString(), Is.EqualTo("0x77359400"));
            Assert.That(mined.GetProperty("gas").GetString(), Is.EqualTo("0x5208"));
            Assert.That(mined.GetProperty("nonce").GetString(), Is.EqualTo(RpcHex.EncodeQuantity(nonce)));
            Assert.That(mined.GetProperty("value").GetString(), Is.EqualTo(value.ToHexQuantity()));
            Assert.That(mined.GetProperty("input").GetString(), Is.EqualTo("0x"));
            Assert.That(mined.GetProperty("type").GetString(), Is.EqualTo("0x2"));
            Assert.That(mined.GetProperty("chainId").GetString(), Is.EqualTo("0x1cbd"));
            Assert.That(mined.GetProperty("accessList").GetArrayLength(), Is.Zero);
            Assert.That(mined.GetProperty("yParity").GetString(), Is.EqualTo(mined.GetProperty("v").GetString()));
            Assert.That(mined.GetProperty("r").GetString(), Is.EqualTo(dynamicFee.R.ToHexQuantity()));
            Assert.That(mined.GetProperty("s").GetString(), Is.EqualTo(dynamicFee.S.ToHexQuantity()));
        });

        JsonElement legacyJson = await _chain.CallAsync("eth_getTransactionByBlockHashAndIndex", block.Hash.ToString(), "0x1");
        Assert.That(legacyJson.GetProperty("hash").GetString(), Is.EqualTo(hash2));
        Assert.That(legacyJson.GetProperty("gasPrice").GetString(), Is.EqualTo(price2.ToHexQuantity()));
        Assert.That(legacyJson.TryGetProperty("maxFeePerGas", out _), Is.False);
        Assert.That(legacyJson.TryGetProperty("yParity", out _), Is.False);
        Assert.That(legacyJson.GetProperty("v").GetString(), Is.EqualTo(legacy.V.ToHexQuantity()));

        JsonElement full = await _chain.CallAsync("eth_getBlockByNumber", RpcHex.EncodeQuantity(block.Number), true);
        Assert.That(full.GetProperty("transactions")[0].GetProperty("hash").GetString(), Is.EqualTo(hash1));
        Assert.That(full.GetProperty("gasUsed").GetString(), Is.EqualTo("0xa410"));
        JsonElement hashes = await _chain.CallAsync("eth_getBlockByHash", block.Hash.ToString(), false);
        Assert.That(hashes.GetProperty("transactions")[1].GetString(), Is.EqualTo(hash2));
        Assert.That((await _chain.CallAsync("eth_getBlockTransactionCountByHash", block.Hash.ToString())).GetString(), Is.EqualTo("0x2"));
        JsonElement byNumber = await _chain.CallAsync("eth_getTransactionByBlockNumberAndIndex", "latest", "0x0");
        Assert.That(byNumber.GetProperty("hash").GetString(), Is.EqualTo(hash1));
    }

    [TestCase("0xf8", "rlp: ")]
    [TestCase("0x02c0", "rlp: ")]
    [TestCase("0xc0", "rlp: ")]
    [TestCase("0x05c0", "transaction type not supported")]
    [TestCase("0x", "rlp: ")]
    public async Task Malformed_raw_transactions_are_rlp_errors(string raw, string messagePrefix)
    {
        JsonElement error = await _chain.ErrorAsync("eth_sendRawTransaction", raw);
        Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(-32000));
        Assert.That(error.GetProperty("message").GetString(), Does.StartWith(messagePrefix));
    }

    [Test]
    public async Task Raw_transaction_without_hex_prefix_is_invalid_params()
    {
        JsonElement error = await _chain.ErrorAsync("eth_sendRawTransaction", "f86b");
        Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(-32602));
    }

    [TestCase("wrongChainId", "invalid chain id for signer")]
    [TestCase("zeroR", "invalid sender")]
    [TestCase("highS", "invalid sender")]
    [TestCase("insufficientFunds", "insufficient funds for gas * price + value")]
    [TestCase("gasTooLow", "intrinsic gas too low: gas 20000, minimum needed 21000")]
    [TestCase("feeBelowBaseFee", "max fee per gas less than block base fee")]
    [TestCase("oversized", "oversized data")]
    [TestCase("tipAboveCap", "max priority fee per gas higher than max fee per gas")]
    public async Task Invalid_transactions_get_geth_errors_and_change_nothing(string kind, string messageStart)
    {
        const int key = 2;
        ulong nonce = await PendingNonce(key);
        int pendingBefore = _chain.Pool.PendingCount + _chain.Pool.QueuedCount;
        Transaction tx = kind switch
        {
            "wrongChainId" => _chain.Sign1559(key, nonce, Recipient, 1, chainId: 1),
            "zeroR" => Resign(_chain.Sign1559(key, nonce, Recipient, 1), zeroR: true),
            "highS" => Resign(_chain.Sign1559(key, nonce, Recipient, 1), zeroR: false),
            "insufficientFunds" => _chain.Sign1559(key, nonce, Recipient, UInt256.Parse("100000000000000000000000000")),
            "gasTooLow" => _chain.Sign1559(key, nonce, Recipient, 1, gas: 20_000),
            "feeBelowBaseFee" => _chain.Sign1559(key, nonce, Recipient, 1, maxFee: 7, tip: 7),
            "oversized" => _chain.Sign1559(key, nonce, Recipient, 1, data: new byte[140_000], gas: 29_000_000),
            "tipAboveCap" => _chain.Sign1559(key, nonce, Recipient, 1, maxFee: 2 * ChainParameters.OneGwei, tip: 3 * ChainParameters.OneGwei),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        JsonElement error = await _chain.ErrorAsync("eth_sendRawTransaction", Hex.ToHexString(TransactionEncoder.Encode(tx)));
        Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(-32000));
        Assert.That(error.GetProperty("message").GetString(), Does.StartWith(messageStart));
        Assert.That(_chain.Pool.PendingCount + _chain.Pool.QueuedCount, Is.EqualTo(pendingBefore));
        Assert.That(await PendingNonce(key), Is.EqualTo(nonce));
    }

    private static Transaction Resign(Transaction tx, bool zeroR) => zeroR
        ? tx.WithSignature(tx.V, UInt256.Zero, tx.S, null)
        : tx.WithSignature(tx.V, tx.R, EcdsaSignature.CurveOrder - tx.S, null);

    [Test]
    public async Task Nonce_too_low_after_mining_and_already_known_in_pool()
    {
        const int key = 3;
        ulong nonce = await PendingNonce(key);
        Transaction first = _chain.Sign1559(key, nonce, Recipient, 5);
        await _chain.SendAsync(first);
        JsonElement known = await _chain.ErrorAsync("eth_sendRawTransaction", Hex.ToHexString(TransactionEncoder.Encode(first)));
        Assert.That(known.GetProperty("message").GetString(), Is.EqualTo("already known"));
        _chain.ProduceBlock();

        Transaction stale = _chain.Sign1559(key, nonce, Recipient, 6);
        JsonElement error = await _chain.ErrorAsync("eth_sendRawTransaction", Hex.ToHexString(TransactionEncoder.Encode(stale)));
        Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(-32000));
        Assert.That(error.GetProperty("message").GetString(),
            Is.EqualTo($"nonce too low: address {EthTestChain.DevKeys[key].Address}, tx: {nonce} state: {nonce + 1}"));
    }

    [Test]
    public async Task Nonce_gap_is_queued_not_pending()
    {
        const int key = 0;
        ulong nonce = await PendingNonce(key);
        Transaction gapped = _chain.Sign1559(key, nonce + 3, Recipient, 1);
        string hash = await _chain.SendAsync(gapped);
        Assert.That(await PendingNonce(key), Is.EqualTo(nonce), "a queued tx does not advance the pending nonce");
        JsonElement tx = await _chain.CallAsync("eth_getTransactionByHash", hash);
        Assert.That(tx.GetProperty("blockHash").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(tx.GetProperty("nonce").GetString(), Is.EqualTo(RpcHex.EncodeQuantity(nonce + 3)));
        _chain.ProduceBlock();
        Assert.That((await _chain.CallAsync("eth_getTransactionReceipt", hash)).ValueKind, Is.EqualTo(JsonValueKind.Null));
    }
}
