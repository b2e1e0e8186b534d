using System.Text;
using TrustChain.Rpc.Hosting;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Tests.Eth;

namespace TrustChain.Rpc.Tests.Hosting;

/// <summary>
/// The connection-level fast lane against Kestrel's own HTTP path: two servers on the same chain and method registry,
/// one with the lane and one without, get the same raw bytes on one connection each and must answer byte for byte
/// the same (apart from the Date value). The lane's counters show which requests it answered and where it handed the
/// connection to Kestrel.
/// </summary>
public sealed class FastLaneHttpTests
{
    private static readonly string[] s_methods = ["eth_blockNumber", "eth_chainId", "net_version", "eth_gasPrice"];
    private static readonly string[] s_ids = ["7", "\"req-1\"", "null", "1.5", "18446744073709551616"];

    private EthTestChain _chain = null!;
    private RpcServer _general = null!;

    private RpcServer Lane => _chain.Server;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _chain = await EthTestChain.StartAsync();
        _general = new RpcServer(new RpcOptions { Port = 0, EnableHttpFastLane = false }, _chain.Server.Methods);
        await _general.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _general.DisposeAsync();
        await _chain.DisposeAsync();
    }

    private static IEnumerable<TestCaseData> FastCalls() =>
        from method in s_methods
        from id in s_ids
        select new TestCaseData(method, id).SetArgDisplayNames(method, id);

    [TestCaseSource(nameof(FastCalls))]
    public async Task A_cached_call_is_answered_by_the_lane_with_kestrels_bytes(string method, string id)
    {
        byte[] request = RawHttpExchange.Post(RawHttpExchange.Call(method, id));

        (long answered, long handedOver, IReadOnlyList<string> responses) = await CompareAsync(x => x.SendAsync(request), 1);

        Assert.That(answered, Is.EqualTo(1));
        Assert.That(handedOver, Is.Zero);
        Assert.That(responses[0], Does.StartWith("HTTP/1.1 200 OK\r\nContent-Length: "));
        Assert.That(responses[0], Does.Contain($"\r\n\r\n{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":\""));
    }

    [TestCase("Connection: keep-alive\r\nAccept: */*\r\nAccept-Encoding: gzip, deflate\r\nUser-Agent: ethers/6.13.4 (node)\r\n", "application/json")]
    [TestCase("connection: Keep-Alive\r\nx-empty:\r\nX-Tabbed:\tvalue\t\r\n", "application/json; charset=utf-8")]
    [TestCase("", "application/json-rpc")]
    [TestCase("", "APPLICATION/JSONREQUEST")]
    public async Task Ordinary_client_headers_stay_in_the_lane_with_kestrels_bytes(string headers, string contentType)
    {
        byte[] body = Encoding.UTF8.GetBytes(RawHttpExchange.Call("eth_blockNumber", "3"));
        byte[] request = [.. Encoding.ASCII.GetBytes($"POST / HTTP/1.1\r\nHost: localhost:8545\r\n{headers}Content-Type: {contentType}\r\nContent-Length: {body.Length}\r\n\r\n"), .. body];

        (long answered, long handedOver, IReadOnlyList<string> responses) = await CompareAsync(x => x.SendAsync(request), 1);

        Assert.That(answered, Is.EqualTo(1));
        Assert.That(handedOver, Is.Zero);
        Assert.That(responses[0], Does.Not.Contain("Connection:"));
    }

    [Test]
    public async Task The_lane_follows_the_head_and_survives_keep_alive_across_blocks()
    {
        byte[] request = RawHttpExchange.Post(RawHttpExchange.Call("eth_blockNumber"));
        await using RawHttpExchange exchange = await RawHttpExchange.ConnectAsync(Lane.HttpUri);
        long before = Lane.FastLaneRequests;
        for (int i = 0; i < 3; i++)
        {
            ulong head = _chain.Chain.Head.Number;
            await exchange.SendAsync(request);
            IReadOnlyList<string> responses = await exchange.ReadResponsesAsync(1);
            Assert.That(responses[0], Does.EndWith($"\"result\":\"0x{head:x}\"}}"));
            _chain.ProduceBlock();
        }

        Assert.That(Lane.FastLaneRequests - before, Is.EqualTo(3));
    }

    [Test]
    public async Task A_keep_alive_sequence_mixing_lane_and_kestrel_requests_matches()
    {
        byte[][] requests =
        [
            RawHttpExchange.Post(RawHttpExchange.Call("eth_blockNumber", "1")),
            RawHttpExchange.Post(RawHttpExchange.Call("eth_chainId", "\"a\"")),
            RawHttpExchange.Post(RawHttpExchange.Call("eth_getBalance", "2", "[\"0x0000000000000000000000000000000000000001\",\"latest\"]")),
            RawHttpExchange.Post(RawHttpExchange.Call("eth_blockNumber", "3")),
            RawHttpExchange.Post("[" + RawHttpExchange.Call("eth_blockNumber", "4") + "," + RawHttpExchange.Call("net_version", "5") + "]"),
            RawHttpExchange.Post(RawHttpExchange.Call("net_version", "6")),
        ];

        (long answered, long handedOver, IReadOnlyList<string> responses) = await CompareAsync(async x =>
        {
            foreach (byte[] request in requests)
            {
                await x.SendAsync(request);
                await Task.Delay(20);
            }
        }, requests.Length);

        // The lane answers until the first request it does not; from there on the connection is Kestrel's.
        Assert.That(answered, Is.EqualTo(2));
        Assert.That(handedOver, Is.EqualTo(1));
        Assert.That(responses[2], Does.Contain("\"id\":2,\"result\":\"0x"));
        Assert.That(responses[4], Does.Contain("[{\"jsonrpc\":\"2.0\",\"id\":4,"));
    }

    private static IEnumerable<TestCaseData> SplitPoints()
    {
        int head = RawHttpExchange.Post(RawHttpExchange.Call("eth_blockNumber")).Length - RawHttpExchange.Call("eth_blockNumber").Length;
        yield return new TestCaseData(new[] { 3 }).SetArgDisplayNames("inside the method");
        yield return new TestCaseData(new[] { 12 }).SetArgDisplayNames("inside the request line");
        yield return new TestCaseData(new[] { 30 }).SetArgDisplayNames("inside the headers");
        yield return new TestCaseData(new[] { head - 2 }).SetArgDisplayNames("inside the blank line");
        yield return new TestCaseData(new[] { head }).SetArgDisplayNames("between head and body");
        yield return new TestCaseData(new[] { head + 10, head + 20 }).SetArgDisplayNames("twice inside the body");
    }

    [TestCaseSource(nameof(SplitPoints))]
    public async Task A_request_split_across_tcp_writes_goes_to_kestrel_and_matches(int[] cuts)
    {
        byte[] request = RawHttpExchange.Post(RawHttpExchange.Call("eth_blockNumber", "9"));
        byte[] next = RawHttpExchange.Post(RawHttpExchange.Call("eth_chainId", "10"));

        (long answered, long handedOver, IReadOnlyList<string> responses) = await CompareAsync(async x =>
        {
            await x.SendAsync(next);
            await Task.Delay(50);
            await x.SendSplitAsync(request, cuts);
            await Task.Delay(20);
            await x.SendAsync(next);
        }, 3);

        // The first whole request is the lane's; the split one is handed over rather than waited for (Kestrel's
        // header timeout then applies), and the rest of the connection stays with Kestrel. On a loaded machine the
        // server may only read after every piece has arrived, and then the lane rightly answers all three.
        Assert.That((answered, handedOver), Is.EqualTo((1L, 1L)).Or.EqualTo((3L, 0L)));
        Assert.That(responses[1], Does.Contain("\"id\":9,\"result\":\"0x"));
    }

    [Test]
    public async Task Pipelined_requests_in_one_write_are_answered_in_order()
    {
        byte[] pipelined =
        [
            .. RawHttpExchange.Post(RawHttpExchange.Call("eth_blockNumber", "1")),
            .. RawHttpExchange.Post(RawHttpExchange.Call("eth_chainId", "2")),
            .. RawHttpExchange.Post(RawHttpExchange.Call("eth_gasPrice", "3")),
            .. RawHttpExchange.Post(RawHttpExchange.Call("eth_getBlockByNumber", "4", "[\"0x0\",false]")),
            .. RawHttpExchange.Post(RawHttpExchange.Call("net_version", "5")),
        ];

        (long answered, long handedOver, IReadOnlyList<string> responses) = await CompareAsync(x => x.SendAsync(pipelined), 5);

        Assert.That(answered, Is.EqualTo(3));
        Assert.That(handedOver, Is.EqualTo(1));
        for (int i = 0; i < responses.Count; i++)
        {
            Assert.That(responses[i], Does.Contain($"\"id\":{i + 1},\"result\":"));
        }
    }

    [Test]
    public async Task Many_pipelined_requests_crossing_buffer_segments_all_match()
    {
        // ~170 bytes each: 60 of them span several 4 KB pipe segments, so some requests straddle a segment boundary.
        byte[] pipelined = Enumerable.Range(0, 60)
            .SelectMany(i => RawHttpExchange.Post(RawHttpExchange.Call(s_methods[i % s_methods.Length], i.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .ToArray();

        (long answered, long handedOver, IReadOnlyList<string> responses) = await CompareAsync(x => x.SendAsync(pipelined), 60);

        Assert.That(answered, Is.EqualTo(60));
        Assert.That(handedOver, Is.Zero);
        Assert.That(responses, Has.Count.EqualTo(60));
    }

    private static IEnumerable<TestCaseData> KestrelRequests()
    {
        string call = RawHttpExchange.Call("eth_blockNumber", "5");
        byte[] body = Encoding.UTF8.GetBytes(call);
        yield return Case("Origin (CORS)", RawHttpExchange.Post(call, extraHeaders: "Origin: https://dapp.example\r\n"));
        yield return Case("Connection: close", RawHttpExchange.Post(call, extraHeaders: "Connection: close\r\n"));
        yield return Case("HTTP/1.0", RawHttpExchange.Post(call, version: "HTTP/1.0"));
        yield return Case("unknown path", RawHttpExchange.Post(call, path: "/nope"));
        yield return Case("query string", RawHttpExchange.Post(call, path: "/?x=1"));
        yield return Case("GET", Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        yield return Case("text/plain", [.. Encoding.ASCII.GetBytes($"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\n\r\n"), .. body]);
        yield return Case("no Content-Type", [.. Encoding.ASCII.GetBytes($"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {body.Length}\r\n\r\n"), .. body]);
        yield return Case("no Host", [.. Encoding.ASCII.GetBytes($"POST / HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n"), .. body]);
        yield return Case("two Content-Lengths", [.. Encoding.ASCII.GetBytes($"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nContent-Length: {body.Length}\r\n\r\n"), .. body]);
        yield return Case("chunked", [.. Encoding.ASCII.GetBytes($"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{body.Length:x}\r\n"), .. body, .. "\r\n0\r\n\r\n"u8.ToArray()]);
        yield return Case("body over the limit", Encoding.ASCII.GetBytes("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 6000000\r\n\r\n"));
        yield return Case("header with a bare LF", [.. Encoding.ASCII.GetBytes($"POST / HTTP/1.1\r\nHost: 127.0.0.1\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n"), .. body]);
        yield return Case("batch", RawHttpExchange.Post($"[{call}]"));
        yield return Case("notification", RawHttpExchange.Post("{\"jsonrpc\":\"2.0\",\"method\":\"eth_blockNumber\",\"params\":[]}"));
        yield return Case("arguments", RawHttpExchange.Post(RawHttpExchange.Call("eth_blockNumber", "5", "[1]")));
        yield return Case("escaped method name", RawHttpExchange.Post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"eth_block\\u004eumber\"}"));
        yield return Case("unknown method", RawHttpExchange.Post(RawHttpExchange.Call("eth_nope", "5")));
        yield return Case("malformed JSON", RawHttpExchange.Post("{\"jsonrpc\":\"2.0\",\"id\":5,"));

        static TestCaseData Case(string name, byte[] request) => new TestCaseData(request).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(KestrelRequests))]
    public async Task A_request_the_lane_does_not_answer_gets_kestrels_answer_after_a_lane_request(byte[] request)
    {
        byte[] fast = RawHttpExchange.Post(RawHttpExchange.Call("eth_blockNumber", "1"));

        (long answered, long handedOver, IReadOnlyList<string> responses) = await CompareAsync(async x =>
        {
            await x.SendAsync(fast);
            await Task.Delay(50);
            await x.SendAsync(request);
        }, 2);

        Assert.That(answered, Is.EqualTo(1));
        Assert.That(handedOver, Is.EqualTo(1));
        Assert.That(responses, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Connection_close_is_honoured_on_both_paths()
    {
        byte[] request = RawHttpExchange.Post(RawHttpExchange.Call("eth_blockNumber"), extraHeaders: "Connection: close\r\n");
        foreach (RpcServer server in new[] { Lane, _general })
        {
            await using RawHttpExchange exchange = await RawHttpExchange.ConnectAsync(server.HttpUri);
            await exchange.SendAsync(request);
            IReadOnlyList<string> responses = await exchange.ReadResponsesAsync(1);
            Assert.That(responses[0], Does.Contain("Connection: close\r\n"));
            Assert.That(await exchange.WaitForCloseAsync(TimeSpan.FromSeconds(20)), Is.True);
        }
    }

    [Test]
    public async Task A_websocket_upgrade_after_a_lane_request_is_accepted_by_kestrel()
    {
        byte[] fast = RawHttpExchange.Post(RawHttpExchange.Call("eth_blockNumber", "1"));
        byte[] upgrade = Encoding.ASCII.GetBytes(
            "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");

        (long answered, long handedOver, IReadOnlyList<string> responses) = await CompareAsync(async x =>
        {
            await x.SendAsync(fast);
            await Task.Delay(50);
            await x.SendAsync(upgrade);
        }, 2);

        Assert.That(answered, Is.EqualTo(1));
        Assert.That(handedOver, Is.EqualTo(1));
        Assert.That(responses[1], Does.StartWith("HTTP/1.1 101 Switching Protocols\r\n"));
        // RFC 6455's sample key and accept value.
        Assert.That(responses[1], Does.Contain("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
    }

    [Test]
    public async Task Concurrent_keep_alive_connections_all_get_their_own_answers()
    {
        long before = Lane.FastLaneRequests;
        string head = $"\"result\":\"0x{_chain.Chain.Head.Number:x}\"";
        Task[] clients = Enumerable.Range(0, 16).Select(async c =>
        {
            await using RawHttpExchange exchange = await RawHttpExchange.ConnectAsync(Lane.HttpUri);
            for (int i = 0; i < 25; i++)
            {
                string id = $"\"c{c}-{i}\"";
                await exchange.SendAsync(RawHttpExchange.Post(RawHttpExchange.Call("eth_blockNumber", id)));
                IReadOnlyList<string> responses = await exchange.ReadResponsesAsync(1);
                Assert.That(responses[0], Does.EndWith($"{{\"jsonrpc\":\"2.0\",\"id\":{id},{head}}}"));
            }
        }).ToArray();

        await Task.WhenAll(clients);

        Assert.That(Lane.FastLaneRequests - before, Is.EqualTo(16 * 25));
    }

    /// <summary>Runs the same client script against the lane server and the Kestrel-only server; asserts equal answers.</summary>
    private async Task<(long Answered, long HandedOver, IReadOnlyList<string> Responses)> CompareAsync(Func<RawHttpExchange, Task> script, int responses)
    {
        long answered = Lane.FastLaneRequests;
        long handedOver = Lane.FastLaneHandOvers;
        IReadOnlyList<string> lane = await RunAsync(Lane, script, responses);
        answered = Lane.FastLaneRequests - answered;
        handedOver = Lane.FastLaneHandOvers - handedOver;
        IReadOnlyList<string> general = await RunAsync(_general, script, responses);

        Assert.That(general, Has.Count.EqualTo(responses));
        Assert.That(lane.Select(RawHttpExchange.WithoutDate), Is.EqualTo(general.Select(RawHttpExchange.WithoutDate)));
        Assert.That(_general.FastLaneRequests, Is.Zero);
        return (answered, handedOver, lane);
    }

    private static async Task<IReadOnlyList<string>> RunAsync(RpcServer server, Func<RawHttpExchange, Task> script, int responses)
    {
        await using RawHttpExchange exchange = await RawHttpExchange.ConnectAsync(server.HttpUri);
        await script(exchange);
        return await exchange.ReadResponsesAsync(responses);
    }
}
