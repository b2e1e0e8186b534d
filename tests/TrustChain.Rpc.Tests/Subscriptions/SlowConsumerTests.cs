using System.Diagnostics;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
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
        var log = new LogCapture();
        using ILoggerFactory loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(log));
        await using LiveNode node = await LiveNode.StartAsync(new EthSubscriptionOptions { QueueLimit = 16 }, sendQueueLimit: 8, loggerFactory);
        using WebSocket socket = await ConnectWithSmallBufferAsync(node.Server.WebSocketUri);
        using var ws = new WsClient(socket);
        string id = (await ws.CallAsync("eth_subscribe", "newHeads")).GetString()!;
        ws.PauseReading();

        // How many notifications the kernel's socket buffers absorb before the server's queue backs up depends on
        // the machine and its load, so blocks keep coming until the server gives up on the subscriber (bounded).
        const int MaxBlocks = 5_000;
        int blocks = 0;
        var clock = Stopwatch.StartNew();
        while (blocks < MaxBlocks && !log.Contains("client too slow"))
        {
            node.ProduceBlock();
            blocks++;
        }

        TestContext.Out.WriteLine($"{blocks} blocks in {clock.ElapsedMilliseconds} ms");
        Assert.That(log.Contains("client too slow"), Is.True, $"the subscriber was still served after {MaxBlocks} unread blocks");
        ws.ResumeReading();
        List<System.Text.Json.JsonElement> received = await ws.DrainNotificationsAsync(TimeSpan.FromSeconds(2));
        await ws.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        TestContext.Out.WriteLine($"delivered {received.Count} of {blocks} before the close");
        Assert.That(received.Count, Is.LessThan(blocks), "every notification arrived: the client never fell behind");
        Assert.That(received.All(n => n.GetProperty("subscription").GetString() == id), Is.True);
        Assert.That(ws.CloseStatus, Is.EqualTo(WebSocketCloseStatus.PolicyViolation));
        Assert.That(ws.CloseReason, Does.Contain("too slow"));
        await SubscriptionTests.WaitForAsync(() => node.Module.Subscriptions.ActiveSubscriptions == 0);

        // The node carries on serving others.
        using var other = new WsClient(await node.ConnectAsync());
        await other.CallAsync("eth_subscribe", "newHeads");
        node.ProduceBlock();
        Assert.That((await other.NextNotificationAsync()).GetProperty("result").GetProperty("number").GetString(), Is.EqualTo("0x" + (blocks + 1).ToString("x")));
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
