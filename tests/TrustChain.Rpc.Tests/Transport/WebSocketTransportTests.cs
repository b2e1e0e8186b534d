using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Tests.Transport;

[TestFixture]
public sealed class WebSocketTransportTests
{
    private static readonly TimeSpan s_receiveTimeout = TimeSpan.FromSeconds(5);
    private RpcTestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await RpcTestServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public async Task Request_GetsResponse()
    {
        using ClientWebSocket socket = await ConnectAsync();
        await SendAsync(socket, """{"jsonrpc":"2.0","id":11,"method":"test_add","params":["0x20","0x2"]}""");
        JsonElement response = await ReceiveJsonAsync(socket);
        Assert.That(response.GetProperty("id").GetInt32(), Is.EqualTo(11));
        Assert.That(response.GetProperty("result").GetString(), Is.EqualTo("0x22"));
    }

    [Test]
    public async Task Batch_And_Errors_WorkOverWebSocket()
    {
        using ClientWebSocket socket = await ConnectAsync();
        await SendAsync(socket, """[{"jsonrpc":"2.0","id":1,"method":"test_add","params":["0x1","0x1"]},{"jsonrpc":"2.0","id":2,"method":"nope"}]""");
        JsonElement response = await ReceiveJsonAsync(socket);
        Assert.That(response.GetArrayLength(), Is.EqualTo(2));
        Assert.That(response[0].GetProperty("result").GetString(), Is.EqualTo("0x2"));
        RpcTestServer.AssertError(response[1], RpcErrorCodes.MethodNotFound, "the method nope does not exist/is not available", "2");

        await SendAsync(socket, "{oops");
        RpcTestServer.AssertError(await ReceiveJsonAsync(socket), RpcErrorCodes.ParseError, "parse error");

        // The connection survives bad input.
        await SendAsync(socket, """{"jsonrpc":"2.0","id":3,"method":"test_add","params":["0x1","0x2"]}""");
        Assert.That((await ReceiveJsonAsync(socket)).GetProperty("result").GetString(), Is.EqualTo("0x3"));
    }

    [Test]
    public async Task Subscription_IdArrivesBeforeNotifications_InOrder()
    {
        using ClientWebSocket socket = await ConnectAsync();
        await SendAsync(socket, """{"jsonrpc":"2.0","id":7,"method":"test_subscribe","params":["0x3"]}""");

        JsonElement response = await ReceiveJsonAsync(socket);
        Assert.That(response.GetProperty("id").GetInt32(), Is.EqualTo(7));
        string subscriptionId = response.GetProperty("result").GetString()!;
        Assert.That(subscriptionId, Does.Match("^0x[0-9a-f]{1,32}$"));

        for (int i = 0; i < 3; i++)
        {
            JsonElement notification = await ReceiveJsonAsync(socket);
            Assert.That(notification.GetProperty("jsonrpc").GetString(), Is.EqualTo("2.0"));
            Assert.That(notification.TryGetProperty("id", out _), Is.False);
            Assert.That(notification.GetProperty("method").GetString(), Is.EqualTo("eth_subscription"));
            JsonElement parameters = notification.GetProperty("params");
            Assert.That(parameters.GetProperty("subscription").GetString(), Is.EqualTo(subscriptionId));
            Assert.That(parameters.GetProperty("result").GetString(), Is.EqualTo(RpcHex.EncodeQuantity((ulong)i)));
        }

        await SendAsync(socket, $$"""{"jsonrpc":"2.0","id":8,"method":"test_unsubscribe","params":["{{subscriptionId}}"]}""");
        Assert.That((await ReceiveJsonAsync(socket)).GetProperty("result").GetBoolean(), Is.True);
        await SendAsync(socket, $$"""{"jsonrpc":"2.0","id":9,"method":"test_unsubscribe","params":["{{subscriptionId}}"]}""");
        Assert.That((await ReceiveJsonAsync(socket)).GetProperty("result").GetBoolean(), Is.False);
    }

    [Test]
    public async Task ClosingSocket_RemovesItsSubscriptions()
    {
        int before = _server.Module.ActiveSubscriptions;
        using (ClientWebSocket socket = await ConnectAsync())
        {
            await SendAsync(socket, """{"jsonrpc":"2.0","id":1,"method":"test_subscribe","params":["0x0"]}""");
            await ReceiveJsonAsync(socket);
            await SendAsync(socket, """{"jsonrpc":"2.0","id":2,"method":"test_subscribe","params":["0x0"]}""");
            await ReceiveJsonAsync(socket);
            Assert.That(_server.Module.ActiveSubscriptions, Is.EqualTo(before + 2));
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }

        var deadline = DateTime.UtcNow + s_receiveTimeout;
        while (_server.Module.ActiveSubscriptions != before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.That(_server.Module.ActiveSubscriptions, Is.EqualTo(before));
    }

    [Test]
    public async Task OversizeMessage_ClosesWith1009()
    {
        using ClientWebSocket socket = await ConnectAsync();
        string big = """{"jsonrpc":"2.0","id":1,"method":"test_echo","params":[""" + "\"" + new string('x', 5000) + "\"]}";
        await SendAsync(socket, big);
        var buffer = new byte[1024];
        using var timeout = new CancellationTokenSource(s_receiveTimeout);
        WebSocketReceiveResult result = await socket.ReceiveAsync(buffer, timeout.Token);
        Assert.That(result.MessageType, Is.EqualTo(WebSocketMessageType.Close));
        Assert.That(socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.MessageTooBig));
    }

    [Test]
    public async Task ConcurrentCallsOnOneSocket_AllAnswered()
    {
        using ClientWebSocket socket = await ConnectAsync();
        const int Count = 50;
        for (int i = 0; i < Count; i++)
        {
            await SendAsync(socket, $$"""{"jsonrpc":"2.0","id":{{i}},"method":"test_add","params":["0x1","{{RpcHex.EncodeQuantity((ulong)i)}}"]}""");
        }

        var seen = new Dictionary<int, string>();
        for (int i = 0; i < Count; i++)
        {
            JsonElement response = await ReceiveJsonAsync(socket);
            seen[response.GetProperty("id").GetInt32()] = response.GetProperty("result").GetString()!;
        }

        Assert.That(seen, Has.Count.EqualTo(Count));
        for (int i = 0; i < Count; i++)
        {
            Assert.That(seen[i], Is.EqualTo(RpcHex.EncodeQuantity((ulong)i + 1)));
        }
    }

    [Test]
    public void DisallowedOrigin_CannotUpgrade()
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "https://evil.example");
        Assert.ThrowsAsync<WebSocketException>(async () => await socket.ConnectAsync(_server.Server.WebSocketUri, CancellationToken.None));
    }

    private async Task<ClientWebSocket> ConnectAsync()
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(_server.Server.WebSocketUri, CancellationToken.None);
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<JsonElement> ReceiveJsonAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(s_receiveTimeout);
        using var message = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            WebSocketReceiveResult result = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.That(result.MessageType, Is.EqualTo(WebSocketMessageType.Text));
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
            }
        }
    }
}
