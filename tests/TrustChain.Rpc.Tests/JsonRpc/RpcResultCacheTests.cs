using System.Text;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Tests.JsonRpc;

/// <summary>
/// The cached shortcut against the general dispatcher on the same registry: byte-identical answers for every id
/// shape and params form, one handler run per epoch, metrics still counted, and every other request declined.
/// </summary>
public sealed class RpcResultCacheTests
{
    private static readonly string[] s_ids = ["1", "0", "-7", "1.0", "1e3", "123456789012345678901234567890", "\"abc\"", "\"a\\\"b\\u00e9\"", "\"\"", "null"];

    private object _epoch = new();
    private int _calls;
    private string _value = "0x1";

    [SetUp]
    public void Reset()
    {
        _epoch = new object();
        _calls = 0;
        _value = "0x1";
    }

    public static IEnumerable<TestCaseData> AcceptedShapes()
    {
        foreach (string id in s_ids)
        {
            yield return new TestCaseData($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"test_head\",\"params\":[]}}").SetName($"ParamsEmpty id {id}");
            yield return new TestCaseData($"{{\"method\":\"test_head\",\"id\":{id},\"jsonrpc\":\"2.0\"}}").SetName($"NoParams reordered id {id}");
            yield return new TestCaseData($" {{ \"id\" : {id} , \"jsonrpc\":\"2.0\",\"params\":null,\"method\":\"test_head\" }}\n").SetName($"ParamsNull spaced id {id}");
        }
    }

    public static IEnumerable<TestCaseData> DeclinedShapes()
    {
        yield return new TestCaseData("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_head\"}]").SetName("batch");
        yield return new TestCaseData("{\"jsonrpc\":\"2.0\",\"method\":\"test_head\"}").SetName("notification");
        yield return new TestCaseData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_head\",\"params\":[1]}").SetName("with argument");
        yield return new TestCaseData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_head\",\"params\":{}}").SetName("object params");
        yield return new TestCaseData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_head\",\"params\":\"x\"}").SetName("string params");
        yield return new TestCaseData("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"test_head\"}").SetName("duplicate id");
        yield return new TestCaseData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_head\",\"extra\":true}").SetName("extra member");
        yield return new TestCaseData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_h\\u0065ad\"}").SetName("escaped method");
        yield return new TestCaseData("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"test_head\"}").SetName("wrong version");
        yield return new TestCaseData("{\"id\":1,\"method\":\"test_head\"}").SetName("no version");
        yield return new TestCaseData("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"test_head\"}").SetName("object id");
        yield return new TestCaseData("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"test_head\"}").SetName("bool id");
        yield return new TestCaseData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_head\"} x").SetName("trailing garbage");
        yield return new TestCaseData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_head\"}{}").SetName("two values");
        yield return new TestCaseData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_head\",}").SetName("trailing comma");
        yield return new TestCaseData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_he").SetName("truncated");
        yield return new TestCaseData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_other\"}").SetName("method not cached");
        yield return new TestCaseData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_missing\"}").SetName("method not registered");
        yield return new TestCaseData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\"}").SetName("empty method");
        yield return new TestCaseData("").SetName("empty body");
    }

    [TestCaseSource(nameof(AcceptedShapes))]
    public async Task Cached_answer_is_byte_identical_to_the_general_path(string request)
    {
        RecordingMetrics metrics = new();
        RpcDispatcher dispatcher = CreateDispatcher(metrics);

        string? cached = TryCached(dispatcher, request);
        string? general = await dispatcher.DispatchAsync(request);

        Assert.That(cached, Is.Not.Null, "the shortcut declined a plain parameterless call");
        Assert.That(cached, Is.EqualTo(general));
        Assert.That(metrics.Count("test_head"), Is.EqualTo(2), "both answers are counted");
    }

    [TestCaseSource(nameof(DeclinedShapes))]
    public void Anything_else_is_declined_without_running_or_counting(string request)
    {
        RecordingMetrics metrics = new();
        RpcDispatcher dispatcher = CreateDispatcher(metrics);
        byte[] destination = new byte[512];
        destination.AsSpan().Fill(0xAA);

        bool served = dispatcher.TryWriteCached(Encoding.UTF8.GetBytes(request), destination, RpcTransport.InProcess, null, out int written);

        Assert.That(served, Is.False);
        Assert.That(written, Is.Zero);
        Assert.That(destination.AsSpan().IndexOfAnyExcept((byte)0xAA), Is.EqualTo(-1), "nothing may be written");
        Assert.That(_calls, Is.Zero);
        Assert.That(metrics.Total, Is.Zero);
    }

    [Test]
    public async Task Handler_runs_once_per_epoch_and_a_new_epoch_is_seen_on_the_next_call()
    {
        RpcDispatcher dispatcher = CreateDispatcher(new RecordingMetrics());
        const string request = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"test_head\",\"params\":[]}";

        for (int i = 0; i < 3; i++)
        {
            Assert.That(TryCached(dispatcher, request), Is.EqualTo("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":\"0x1\"}"));
        }

        Assert.That(_calls, Is.EqualTo(1));

        _value = "0x2";
        Assert.That(TryCached(dispatcher, request), Does.Contain("\"0x1\""), "same epoch: the pre-encoded answer stays");
        _epoch = new object();
        Assert.That(TryCached(dispatcher, request), Is.EqualTo("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":\"0x2\"}"));
        Assert.That(_calls, Is.EqualTo(2));
        Assert.That(await dispatcher.DispatchAsync(request), Is.EqualTo("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":\"0x2\"}"));
    }

    [Test]
    public void A_failing_handler_is_not_cached_and_is_left_to_the_general_path()
    {
        var registry = new RpcMethodRegistry();
        int calls = 0;
        registry.Register("test_fails", (_, _, _) =>
        {
            calls++;
            throw RpcException.ServerError("not yet");
        });
        registry.ResultCache.Enable(() => _epoch, "test_fails");
        var dispatcher = new RpcDispatcher(registry, new RpcOptions());
        byte[] request = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_fails\"}"u8.ToArray();

        Assert.That(dispatcher.TryWriteCached(request, new byte[512], RpcTransport.InProcess, null, out _), Is.False);
        Assert.That(dispatcher.TryWriteCached(request, new byte[512], RpcTransport.InProcess, null, out _), Is.False);
        Assert.That(calls, Is.EqualTo(2), "a failure is never remembered");
    }

    [Test]
    public void A_destination_too_small_declines()
    {
        RpcDispatcher dispatcher = CreateDispatcher(new RecordingMetrics());
        byte[] request = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_head\"}"u8.ToArray();

        Assert.That(dispatcher.TryWriteCached(request, new byte[20], RpcTransport.InProcess, null, out int written), Is.False);
        Assert.That(written, Is.Zero);
    }

    [Test]
    public void Enabling_a_method_twice_is_a_wiring_error()
    {
        var cache = new RpcResultCache();
        cache.Enable(() => _epoch, "a_b");

        Assert.That(() => cache.Enable(() => _epoch, "a_b"), Throws.InvalidOperationException.With.Message.Contains("a_b"));
        Assert.That(cache.Count, Is.EqualTo(1));
    }

    private RpcDispatcher CreateDispatcher(IRpcMetrics metrics)
    {
        var registry = new RpcMethodRegistry();
        registry.Register("test_head", (p, _, _) =>
        {
            p.EnsureCountAtMost(0);
            _calls++;
            return new ValueTask<object?>(_value);
        });
        registry.Register("test_other", (_, _, _) => new ValueTask<object?>("other"));
        registry.ResultCache.Enable(() => _epoch, "test_head", "test_missing");
        return new RpcDispatcher(registry, new RpcOptions(), metrics);
    }

    private static string? TryCached(RpcDispatcher dispatcher, string request)
    {
        byte[] destination = new byte[512];
        return dispatcher.TryWriteCached(Encoding.UTF8.GetBytes(request), destination, RpcTransport.InProcess, null, out int written)
            ? Encoding.UTF8.GetString(destination, 0, written)
            : null;
    }

    private sealed class RecordingMetrics : IRpcMetrics
    {
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

        public int Total { get; private set; }

        public void OnRequest(string method, TimeSpan elapsed, bool ok)
        {
            Assert.That(ok, Is.True);
            _counts[method] = Count(method) + 1;
            Total++;
        }

        public int Count(string method) => _counts.TryGetValue(method, out int count) ? count : 0;
    }
}
