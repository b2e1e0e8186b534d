using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace TrustChain.Rpc.Tests.Subscriptions;

/// <summary>
/// JSON-RPC over a WebSocket: a background reader feeds every message into a queue, calls pick their response by id
/// and keep the notifications that arrive in between.
/// </summary>
public sealed class WsClient : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);
    private readonly Channel<JsonElement> _incoming = Channel.CreateUnbounded<JsonElement>();
    private readonly Queue<JsonElement> _notifications = new();
    private readonly Task _reader;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private int _nextId;

    public WsClient(WebSocket socket)
    {
        Socket = socket;
        _reader = Task.Run(ReadLoopAsync);
    }

    public WebSocket Socket { get; }

    /// <summary>Close status the server sent, once the reader has seen the close frame.</summary>
    public WebSocketCloseStatus? CloseStatus { get; private set; }

    public string? CloseReason { get; private set; }

    public Task Completion => _reader;

    public async Task<JsonElement> CallRawAsync(string method, params object?[] args)
    {
        int id = ++_nextId;
        string body = JsonSerializer.Serialize(new Dictionary<string, object?> { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = args });
        await Socket.SendAsync(Encoding.UTF8.GetBytes(body), WebSocketMessageType.Text, true, CancellationToken.None);
        while (true)
        {
            JsonElement message = await NextMessageAsync(s_timeout);
            if (message.TryGetProperty("id", out JsonElement got) && got.ValueKind == JsonValueKind.Number && got.GetInt32() == id)
            {
                return message;
            }

            _notifications.Enqueue(message);
        }
    }

    public async Task<JsonElement> CallAsync(string method, params object?[] args)
    {
        JsonElement response = await CallRawAsync(method, args);
        Assert.That(response.TryGetProperty("error", out JsonElement error), Is.False, $"{method} failed: {error}");
        return response.GetProperty("result");
    }

    public async Task<JsonElement> ErrorAsync(string method, params object?[] args)
    {
        JsonElement response = await CallRawAsync(method, args);
        Assert.That(response.TryGetProperty("error", out JsonElement error), Is.True, $"{method} unexpectedly succeeded: {response}");
        return error;
    }

    /// <summary>Next eth_subscription notification's params ({subscription, result}).</summary>
    public async Task<JsonElement> NextNotificationAsync()
    {
        JsonElement message = _notifications.Count > 0 ? _notifications.Dequeue() : await NextMessageAsync(s_timeout);
        Assert.That(message.GetProperty("jsonrpc").GetString(), Is.EqualTo("2.0"));
        Assert.That(message.TryGetProperty("id", out _), Is.False, $"expected a notification, got {message}");
        Assert.That(message.GetProperty("method").GetString(), Is.EqualTo("eth_subscription"));
        return message.GetProperty("params");
    }

    /// <summary>Collects notification params until <paramref name="quiet"/> passes without a message.</summary>
    public async Task<List<JsonElement>> DrainNotificationsAsync(TimeSpan quiet)
    {
        List<JsonElement> result = [];
        while (_notifications.Count > 0)
        {
            result.Add(_notifications.Dequeue().GetProperty("params"));
        }

        while (true)
        {
            using var cts = new CancellationTokenSource(quiet);
            try
            {
                JsonElement message = await _incoming.Reader.ReadAsync(cts.Token);
                result.Add(message.GetProperty("params"));
            }
            catch (OperationCanceledException)
            {
                return result;
            }
            catch (ChannelClosedException)
            {
                return result;
            }
        }
    }

    /// <summary>Stops taking messages off the socket (after the current one), so the server sees a client that does not read.</summary>
    public void PauseReading() => _reading.Wait();

    public void ResumeReading() => _reading.Release();

    public void Dispose() => Socket.Dispose();

    private async Task<JsonElement> NextMessageAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _incoming.Reader.ReadAsync(cts.Token);
    }

    private async Task ReadLoopAsync()
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        try
        {
            while (true)
            {
                await _reading.WaitAsync();
                _reading.Release();
                WebSocketReceiveResult received = await Socket.ReceiveAsync(chunk, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    CloseStatus = received.CloseStatus;
                    CloseReason = received.CloseStatusDescription;
                    // Answer the close handshake as browsers and the ws package do.
                    if (Socket.State == WebSocketState.CloseReceived)
                    {
                        await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, CancellationToken.None);
                    }

                    return;
                }

                buffer.Write(chunk, 0, received.Count);
                if (received.EndOfMessage)
                {
                    _incoming.Writer.TryWrite(JsonDocument.Parse(buffer.ToArray()).RootElement.Clone());
                    buffer.SetLength(0);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Socket gone; readers see the channel complete.
        }
        finally
        {
            _incoming.Writer.TryComplete();
        }
    }
}
