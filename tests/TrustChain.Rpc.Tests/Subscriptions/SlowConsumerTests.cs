using System.Diagnostics;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using TrustChain.Rpc.Modules.Eth.Subscriptions;

namespace TrustChain.Rpc.Tests.Subscriptions;

/// <summary>
/// A subscriber that stops reading must not make the node buffer without bound: its connection is closed with 1008
/// and a reason, and its subscriptions are released. The client is a raw socket with a tiny receive buffer so that
/// TCP pushes back after a few kilobytes instead of megabytes.
/// </summary>
[TestFixture]
public sealed class SlowConsumerTests
{
    [Test]
    public async Task Client_that_stops_reading_is_closed_with_1008_and_released()
    {
        await using LiveNode node = await LiveNode.StartAsync(new EthSubscriptionOptions { QueueLimit = 16 }, sendQueueLimit: 8);
        using WebSocket socket = await ConnectWithSmallBufferAsync(node.Server.WebSocketUri);
        using var ws = new WsClient(socket);
        string id = (await ws.CallAsync("eth_subscribe", "newHeads")).GetString()!;
        ws.PauseReading();

        const int Blocks = 150;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Blocks; i++)
        {
            node.ProduceBlock();
        }

        TestContext.Out.WriteLine($"{Blocks} blocks in {clock.ElapsedMilliseconds} ms");
        ws.ResumeReading();
        List<System.Text.Json.JsonElement> received = await ws.DrainNotificationsAsync(TimeSpan.FromSeconds(2));
        await ws.Completion;

        TestContext.Out.WriteLine($"delivered {received.Count} of {Blocks} before the close");
        Assert.That(received.Count, Is.LessThan(Blocks), "every notification arrived: the client never fell behind");
        Assert.That(received.All(n => n.GetProperty("subscription").GetString() == id), Is.True);
        Assert.That(ws.CloseStatus, Is.EqualTo(WebSocketCloseStatus.PolicyViolation));
        Assert.That(ws.CloseReason, Does.Contain("too slow"));
        await SubscriptionTests.WaitForAsync(() => node.Module.Subscriptions.ActiveSubscriptions == 0);

        // The node carries on serving others.
        using var other = new WsClient(await node.ConnectAsync());
        await other.CallAsync("eth_subscribe", "newHeads");
        node.ProduceBlock();
        Assert.That((await other.NextNotificationAsync()).GetProperty("result").GetProperty("number").GetString(), Is.EqualTo("0x" + (Blocks + 1).ToString("x")));
    }

    private static async Task<WebSocket> ConnectWithSmallBufferAsync(Uri uri)
    {
        var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096, NoDelay = true };
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var stream = new NetworkStream(tcp, ownsSocket: true);
        string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        string request = $"GET {uri.AbsolutePath} HTTP/1.1\r\nHost: {uri.Host}:{uri.Port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        // Read the handshake answer byte by byte so no frame bytes are swallowed.
        var header = new StringBuilder();
        byte[] one = new byte[1];
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            int read = await stream.ReadAsync(one);
            Assert.That(read, Is.EqualTo(1), "server closed during the handshake");
            header.Append((char)one[0]);
        }

        Assert.That(header.ToString(), Does.StartWith("HTTP/1.1 101"), header.ToString());
        return WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = Timeout.InfiniteTimeSpan });
    }
}
