using System.Text.Json;
using TrustChain.Chain.Specs;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Transactions;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Modules.Eth.Subscriptions;
using TrustChain.Rpc.Tests.Eth;

namespace TrustChain.Rpc.Tests.Subscriptions;

/// <summary>eth_subscribe / eth_unsubscribe with a real ClientWebSocket against a real chain and server.</summary>
[TestFixture]
public sealed class SubscriptionTests
{
    private static readonly TimeSpan s_quiet = TimeSpan.FromMilliseconds(300);
    private static readonly Address s_recipient = Address.Parse("0x00000000000000000000000000000000000000b0");

    // geth's newHeads (RPCMarshalHeader) fields for a post-London header without withdrawals.
    private static readonly string[] s_gethHeaderFields =
    [
        "baseFeePerGas", "difficulty", "extraData", "gasLimit", "gasUsed", "hash", "logsBloom", "miner", "mixHash", "nonce",
        "number", "parentHash", "receiptsRoot", "sha3Uncles", "stateRoot", "timestamp", "transactionsRoot",
    ];

    private LiveNode _node = null!;
    private ulong[] _nonces = null!;

    [SetUp]
    public async Task Start()
    {
        _node = await LiveNode.StartAsync(new EthSubscriptionOptions { MaxSubscriptionsPerConnection = 4 });
        _nonces = new ulong[EthTestChain.DevKeys.Length];
    }

    [TearDown]
    public async Task Stop() => await _node.DisposeAsync();

    [Test]
    public async Task NewHeads_delivers_each_committed_header_in_the_block_shape()
    {
        using var ws = new WsClient(await _node.ConnectAsync());
        string id = (await ws.CallAsync("eth_subscribe", "newHeads")).GetString()!;
        Assert.That(id, Does.Match("^0x[0-9a-f]{1,32}$"));

        Block[] blocks = [_node.ProduceBlock(), _node.ProduceBlock(), _node.ProduceBlock()];
        foreach (Block block in blocks)
        {
            JsonElement notification = await ws.NextNotificationAsync();
            Assert.That(notification.GetProperty("subscription").GetString(), Is.EqualTo(id));
            JsonElement head = notification.GetProperty("result");
            foreach (string field in s_gethHeaderFields)
            {
                Assert.That(head.TryGetProperty(field, out _), Is.True, $"newHeads lacks {field}");
            }

            Assert.That(head.TryGetProperty("transactions", out _), Is.False, "a header carries no transactions");
            // Every header field must agree with eth_getBlockByNumber for the same block.
            JsonElement fromRpc = (await _node.HttpCallAsync("eth_getBlockByNumber", RpcHex.EncodeQuantity(block.Number), false)).GetProperty("result");
            foreach (JsonProperty property in head.EnumerateObject())
            {
                Assert.That(property.Value.GetString(), Is.EqualTo(fromRpc.GetProperty(property.Name).GetString()), property.Name);
            }

            Assert.That(head.GetProperty("hash").GetString(), Is.EqualTo(block.Hash.ToString()));
        }
    }

    [Test]
    public async Task Logs_match_address_and_topics_like_eth_getLogs()
    {
        using var ws = new WsClient(await _node.ConnectAsync());
        Address caller = EthTestChain.DevKeys[1].Address;
        string callerTopic = new Hash256(caller.ToWord32()).ToString();
        string matching = (await ws.CallAsync("eth_subscribe", "logs", new { address = TestLogContract.At.ToString(), topics = new object?[] { TestLogContract.PingTopic.ToString(), new[] { callerTopic } } })).GetString()!;
        string otherTopic = (await ws.CallAsync("eth_subscribe", "logs", new { topics = new object?[] { null, Hash256.Zero.ToString() } })).GetString()!;
        string otherAddress = (await ws.CallAsync("eth_subscribe", "logs", new { address = new[] { s_recipient.ToString() } })).GetString()!;
        string everything = (await ws.CallAsync("eth_subscribe", "logs")).GetString()!;

        await SendAsync(Sign(1, TestLogContract.At, 0, [0x01, 0xAA], 100_000));
        await SendAsync(Sign(2, s_recipient, 5, [], 21_000));
        await SendAsync(Sign(3, TestLogContract.At, 0, [0x01, 0xBB], 100_000));
        Block block = _node.ProduceBlock();
        Assert.That(block.Transactions, Has.Count.EqualTo(3));

        List<JsonElement> received = await ws.DrainNotificationsAsync(s_quiet);
        string[] bySubscription = [.. received.Select(n => n.GetProperty("subscription").GetString()!)];
        Assert.That(bySubscription, Has.None.EqualTo(otherTopic).And.None.EqualTo(otherAddress));
        Assert.That(bySubscription.Count(s => s == matching), Is.EqualTo(1));
        Assert.That(bySubscription.Count(s => s == everything), Is.EqualTo(2));

        JsonElement all = (await _node.HttpCallAsync("eth_getLogs", new { blockHash = block.Hash.ToString() })).GetProperty("result");
        JsonElement[] everyLog = [.. received.Where(n => n.GetProperty("subscription").GetString() == everything).Select(n => n.GetProperty("result"))];
        Assert.That(everyLog.Select(l => l.GetRawText()), Is.EqualTo(all.EnumerateArray().Select(l => l.GetRawText())));
        JsonElement mine = received.Single(n => n.GetProperty("subscription").GetString() == matching).GetProperty("result");
        Assert.That(mine.GetRawText(), Is.EqualTo(all[0].GetRawText()));
        Assert.That(mine.GetProperty("removed").GetBoolean(), Is.False);
        Assert.That(mine.GetProperty("topics")[1].GetString(), Is.EqualTo(callerTopic));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task NewPendingTransactions_sends_hashes_or_full_objects(bool full)
    {
        using var ws = new WsClient(await _node.ConnectAsync());
        string id = (await ws.CallAsync("eth_subscribe", full ? ["newPendingTransactions", true] : new object?[] { "newPendingTransactions" })).GetString()!;
        Transaction tx = Sign(2, s_recipient, 7, [], 21_000);
        await SendAsync(tx);

        JsonElement notification = await ws.NextNotificationAsync();
        Assert.That(notification.GetProperty("subscription").GetString(), Is.EqualTo(id));
        JsonElement result = notification.GetProperty("result");
        if (!full)
        {
            Assert.That(result.GetString(), Is.EqualTo(tx.Hash.ToString()));
            return;
        }

        Assert.That(result.GetProperty("hash").GetString(), Is.EqualTo(tx.Hash.ToString()));
        Assert.That(result.GetProperty("from").GetString(), Is.EqualTo(EthTestChain.DevKeys[2].Address.ToString().ToLowerInvariant()));
        Assert.That(result.GetProperty("blockHash").ValueKind, Is.EqualTo(JsonValueKind.Null));
        JsonElement byHash = (await _node.HttpCallAsync("eth_getTransactionByHash", tx.Hash.ToString())).GetProperty("result");
        Assert.That(result.GetRawText(), Is.EqualTo(byHash.GetRawText()));
    }

    [Test]
    public async Task Unsubscribe_stops_notifications_and_unknown_ids_fail()
    {
        using var ws = new WsClient(await _node.ConnectAsync());
        string id = (await ws.CallAsync("eth_subscribe", "newHeads")).GetString()!;
        _node.ProduceBlock();
        Assert.That((await ws.NextNotificationAsync()).GetProperty("subscription").GetString(), Is.EqualTo(id));

        Assert.That((await ws.CallAsync("eth_unsubscribe", id)).GetBoolean(), Is.True);
        JsonElement error = await ws.ErrorAsync("eth_unsubscribe", id);
        Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(RpcErrorCodes.ServerError));
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo("subscription not found"));

        _node.ProduceBlock();
        Assert.That(await ws.DrainNotificationsAsync(s_quiet), Is.Empty);
        Assert.That(_node.Module.Subscriptions.ActiveSubscriptions, Is.Zero);
    }

    [Test]
    public async Task Another_connection_cannot_unsubscribe_my_subscription()
    {
        using var mine = new WsClient(await _node.ConnectAsync());
        using var theirs = new WsClient(await _node.ConnectAsync());
        string id = (await mine.CallAsync("eth_subscribe", "newHeads")).GetString()!;
        Assert.That((await theirs.ErrorAsync("eth_unsubscribe", id)).GetProperty("message").GetString(), Is.EqualTo("subscription not found"));
        _node.ProduceBlock();
        Assert.That((await mine.NextNotificationAsync()).GetProperty("subscription").GetString(), Is.EqualTo(id));
    }

    [TestCase("[\"foo\"]", RpcErrorCodes.MethodNotFound, "no \"foo\" subscription in eth namespace")]
    [TestCase("[\"newHeads\", {}]", RpcErrorCodes.InvalidParams, "invalid argument 1: newHeads takes no parameters")]
    [TestCase("[\"logs\", {\"fromBlock\": \"0x1\"}]", RpcErrorCodes.InvalidParams, "invalid argument 1: logs subscription takes only address and topics (no blockHash, fromBlock or toBlock)")]
    [TestCase("[\"logs\", {\"address\": \"0x12\"}]", RpcErrorCodes.InvalidParams, null)]
    [TestCase("[\"logs\", {\"topics\": [\"0x1\"]}]", RpcErrorCodes.InvalidParams, "invalid argument 1: invalid topic(s)")]
    [TestCase("[\"newPendingTransactions\", \"yes\"]", RpcErrorCodes.InvalidParams, null)]
    [TestCase("[]", RpcErrorCodes.InvalidParams, null)]
    public async Task Bad_subscribe_requests_get_geth_errors_and_create_nothing(string parameters, int code, string? message)
    {
        using var ws = new WsClient(await _node.ConnectAsync());
        JsonElement response = await ws.CallRawAsync("eth_subscribe", JsonDocument.Parse(parameters).RootElement.EnumerateArray().Select(e => (object?)e).ToArray());
        JsonElement error = response.GetProperty("error");
        Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(code), error.ToString());
        if (message is not null)
        {
            Assert.That(error.GetProperty("message").GetString(), Is.EqualTo(message));
        }

        Assert.That(_node.Module.Subscriptions.ActiveSubscriptions, Is.Zero);
    }

    [Test]
    public async Task Subscribe_over_http_is_refused()
    {
        JsonElement error = (await _node.HttpCallAsync("eth_subscribe", "newHeads")).GetProperty("error");
        Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(RpcErrorCodes.MethodNotFound));
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo("notifications not supported"));
    }

    [Test]
    public async Task Per_connection_limit_is_enforced_and_released()
    {
        using var ws = new WsClient(await _node.ConnectAsync());
        List<string> ids = [];
        for (int i = 0; i < 4; i++)
        {
            ids.Add((await ws.CallAsync("eth_subscribe", "newHeads")).GetString()!);
        }

        JsonElement error = await ws.ErrorAsync("eth_subscribe", "newHeads");
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo("too many subscriptions on this connection (limit 4)"));

        // The cap is per connection: another socket still subscribes.
        using (var other = new WsClient(await _node.ConnectAsync()))
        {
            await other.CallAsync("eth_subscribe", "newHeads");
            Assert.That(_node.Module.Subscriptions.ActiveSubscriptions, Is.EqualTo(5));
        }

        await ws.CallAsync("eth_unsubscribe", ids[0]);
        await ws.CallAsync("eth_subscribe", "logs");
        await WaitForAsync(() => _node.Module.Subscriptions.ActiveSubscriptions == 4);
    }

    [Test]
    public async Task Closing_the_socket_releases_its_subscriptions()
    {
        var ws = new WsClient(await _node.ConnectAsync());
        await ws.CallAsync("eth_subscribe", "newHeads");
        await ws.CallAsync("eth_subscribe", "newPendingTransactions");
        Assert.That(_node.Module.Subscriptions.ActiveSubscriptions, Is.EqualTo(2));
        await ws.Socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        await ws.Completion;
        ws.Dispose();
        await WaitForAsync(() => _node.Module.Subscriptions.ActiveSubscriptions == 0);
        _node.ProduceBlock();
    }

    internal static async Task WaitForAsync(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.That(condition(), Is.True, "condition not reached within 5 s");
    }

    private Transaction Sign(int key, Address to, ulong value, byte[] data, ulong gas) =>
        TransactionSigner.Sign(new Transaction
        {
            Type = TxType.Eip1559,
            ChainId = _node.Chain.Spec.ChainId,
            Nonce = _nonces[key]++,
            MaxFeePerGas = 10 * ChainParameters.OneGwei,
            MaxPriorityFeePerGas = 2 * ChainParameters.OneGwei,
            GasLimit = gas,
            To = to,
            Value = value,
            Data = data,
        }, EthTestChain.DevKeys[key]);

    private async Task SendAsync(Transaction tx)
    {
        JsonElement response = await _node.HttpCallAsync("eth_sendRawTransaction", Hex.ToHexString(TransactionEncoder.Encode(tx)));
        Assert.That(response.TryGetProperty("error", out JsonElement error), Is.False, error.ToString());
    }
}
