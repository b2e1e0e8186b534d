using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Tests.Transport;

[TestFixture]
public sealed class HttpTransportTests
{
    private RpcTestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await RpcTestServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public async Task SingleRequest_ReturnsResultWithEchoedId()
    {
        JsonElement response = await _server.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"test_add","params":["0xff","0x1"]}""");
        Assert.That(response.GetProperty("jsonrpc").GetString(), Is.EqualTo("2.0"));
        Assert.That(response.GetProperty("id").GetInt32(), Is.EqualTo(1));
        Assert.That(response.GetProperty("result").GetString(), Is.EqualTo("0x100"));
        Assert.That(response.TryGetProperty("error", out _), Is.False);
    }

    [Test]
    public async Task Echo_ReturnsStructuredParamUnchanged()
    {
        JsonElement response = await _server.CallAsync("""{"jsonrpc":"2.0","id":2,"method":"test_echo","params":[{"a":[1,"x",null],"b":true}]}""");
        Assert.That(response.GetProperty("result").GetRawText(), Is.EqualTo("""{"a":[1,"x",null],"b":true}"""));
    }

    [Test]
    public async Task ObjectResult_IsSerialisedCamelCase()
    {
        JsonElement response = await _server.CallAsync("""{"jsonrpc":"2.0","id":3,"method":"test_object"}""");
        Assert.That(response.GetProperty("result").GetRawText(), Is.EqualTo("""{"blockNumber":"0x1","values":[1,2],"missing":null}"""));
    }

    [Test]
    public async Task RawJsonResult_IsWrittenVerbatim()
    {
        JsonElement response = await _server.CallAsync("""{"jsonrpc":"2.0","id":3,"method":"test_raw","params":[]}""");
        Assert.That(response.GetProperty("result").GetRawText(), Is.EqualTo("""{"pre":[true,null]}"""));
    }

    [Test]
    public async Task Notification_RunsButGetsEmptyBody()
    {
        int before = _server.Module.Recorded;
        (HttpStatusCode status, string body) = await _server.PostAsync("""{"jsonrpc":"2.0","method":"test_record","params":[]}""");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Is.Empty);
        Assert.That(_server.Module.Recorded, Is.EqualTo(before + 1));
    }

    [TestCase("1")]
    [TestCase("-7")]
    [TestCase("1.5")]
    [TestCase("1e3")]
    [TestCase("12345678901234567890123")]
    [TestCase("\"abc\"")]
    [TestCase("\"0x1\"")]
    [TestCase("\"\"")]
    [TestCase("\"\\u00e9t\\\"e\"")]
    [TestCase("null")]
    public async Task Id_IsEchoedExactly(string id)
    {
        JsonElement response = await _server.CallAsync($$"""{"jsonrpc":"2.0","id":{{id}},"method":"test_add","params":["0x1","0x1"]}""");
        Assert.That(response.GetProperty("id").GetRawText(), Is.EqualTo(id));
        Assert.That(response.GetProperty("result").GetString(), Is.EqualTo("0x2"));
    }

    [TestCase("{")]
    [TestCase("not json")]
    [TestCase("""{"jsonrpc":"2.0","id":1,"method":"test_echo",}""")]
    [TestCase("""[{"jsonrpc":"2.0","id":1,"method":"test_echo"}""")]
    [TestCase("")]
    public async Task InvalidJson_IsParseError(string body)
    {
        JsonElement response = await _server.CallAsync(body);
        RpcTestServer.AssertError(response, RpcErrorCodes.ParseError, "parse error");
    }

    [TestCase("1", "null")]
    [TestCase("\"text\"", "null")]
    [TestCase("{}", "null")]
    [TestCase("""{"jsonrpc":"1.0","id":5,"method":"test_echo"}""", "5")]
    [TestCase("""{"jsonrpc":2,"id":5,"method":"test_echo"}""", "5")]
    [TestCase("""{"id":5,"method":"test_echo"}""", "5")]
    [TestCase("""{"method":"test_record"}""", "null")]
    [TestCase("""{"jsonrpc":"2.0","id":"a"}""", "\"a\"")]
    [TestCase("""{"jsonrpc":"2.0","id":6,"method":5}""", "6")]
    [TestCase("""{"jsonrpc":"2.0","id":6,"method":""}""", "6")]
    [TestCase("""{"jsonrpc":"2.0","id":{"x":1},"method":"test_echo"}""", "null")]
    [TestCase("""{"jsonrpc":"2.0","id":[1],"method":"test_echo"}""", "null")]
    [TestCase("""{"jsonrpc":"2.0","id":true,"method":"test_echo"}""", "null")]
    public async Task InvalidRequestObject_IsInvalidRequest(string body, string expectedId)
    {
        int before = _server.Module.Recorded;
        JsonElement response = await _server.CallAsync(body);
        RpcTestServer.AssertError(response, RpcErrorCodes.InvalidRequest, "invalid request", expectedId);
        Assert.That(_server.Module.Recorded, Is.EqualTo(before), "an invalid request must not run");
    }

    [Test]
    public async Task UnknownMethod_HasGethMessage()
    {
        JsonElement response = await _server.CallAsync("""{"jsonrpc":"2.0","id":9,"method":"foo_bar","params":[]}""");
        RpcTestServer.AssertError(response, RpcErrorCodes.MethodNotFound, "the method foo_bar does not exist/is not available", "9");
    }

    [Test]
    public async Task UnknownMethod_AsNotification_GetsNoResponse()
    {
        (HttpStatusCode status, string body) = await _server.PostAsync("""{"jsonrpc":"2.0","method":"foo_bar"}""");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Is.Empty);
    }

    [TestCase("""["5","0x1"]""", "invalid argument 0: hex string without 0x prefix")]
    [TestCase("""["0x01","0x1"]""", "invalid argument 0: hex number with leading zero digits")]
    [TestCase("""["0x1","0x"]""", "invalid argument 1: hex string \"0x\"")]
    [TestCase("""["0x1","0xzz"]""", "invalid argument 1: invalid hex string")]
    [TestCase("""["0x10000000000000000","0x1"]""", "invalid argument 0: hex number > 64 bits")]
    [TestCase("""[1,"0x1"]""", "invalid argument 0: json: cannot unmarshal non-string into Go value of type hexutil.Uint64")]
    [TestCase("""["0x1"]""", "missing value for required argument 1")]
    [TestCase("""["0x1",null]""", "missing value for required argument 1")]
    [TestCase("""["0x1","0x2","0x3"]""", "too many arguments, want at most 2")]
    [TestCase("""{"a":"0x1"}""", "non-array args")]
    [TestCase("5", "non-array args")]
    [TestCase("\"0x1\"", "non-array args")]
    public async Task InvalidParams_AreReportedLikeGeth(string parameters, string message)
    {
        JsonElement response = await _server.CallAsync($$"""{"jsonrpc":"2.0","id":4,"method":"test_add","params":{{parameters}}}""");
        RpcTestServer.AssertError(response, RpcErrorCodes.InvalidParams, message, "4");
    }

    [Test]
    public async Task ServerError_KeepsCodeAndMessage()
    {
        JsonElement response = await _server.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"test_fail"}""");
        RpcTestServer.AssertError(response, RpcErrorCodes.ServerError, "nonce too low", "1");
    }

    [Test]
    public async Task Revert_IsCode3WithHexData()
    {
        JsonElement response = await _server.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"test_revert"}""");
        RpcTestServer.AssertError(response, RpcErrorCodes.ExecutionReverted, "execution reverted: boom", "1");
        Assert.That(response.GetProperty("error").GetProperty("data").GetString(), Is.EqualTo("0x" + Convert.ToHexStringLower(TestRpcModule.RevertData)));
    }

    [Test]
    public async Task UnexpectedException_IsGenericInternalError()
    {
        (HttpStatusCode status, string body) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_crash"}""");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        RpcTestServer.AssertError(JsonDocument.Parse(body).RootElement, RpcErrorCodes.InternalError, "internal error", "1");
        Assert.That(body, Does.Not.Contain("secret").And.Not.Contain("at TrustChain"));
    }

    [Test]
    public async Task SlowHandler_TimesOutWithMinus32002()
    {
        var watch = Stopwatch.StartNew();
        JsonElement response = await _server.CallAsync("""{"jsonrpc":"2.0","id":"t","method":"test_slow","params":["0x2710"]}""");
        RpcTestServer.AssertError(response, RpcErrorCodes.Timeout, "request timed out", "\"t\"");
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task HandlerWithinBudget_IsNotTimedOut()
    {
        JsonElement response = await _server.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"test_slow","params":["0xa"]}""");
        Assert.That(response.GetProperty("result").GetString(), Is.EqualTo("done"));
    }

    [Test]
    public async Task SubscribeOverHttp_IsNotSupported()
    {
        JsonElement response = await _server.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"test_subscribe","params":["0x1"]}""");
        RpcTestServer.AssertError(response, RpcErrorCodes.MethodNotFound, "notifications not supported", "1");
    }

    [Test]
    public async Task OversizeBody_Is413()
    {
        string padding = new(' ', 20 * 1024);
        (HttpStatusCode status, string body) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":[1]}""" + padding);
        Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(body, Does.StartWith("content length too large"));
    }

    [Test]
    public async Task OversizeChunkedBody_Is413()
    {
        byte[] payload = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":[1]}""", 400)) + "]");
        using var content = new StreamContent(new MemoryStream(payload));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, string.Empty) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using HttpResponseMessage response = await _server.Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [TestCase("GET", HttpStatusCode.OK)]
    [TestCase("PUT", HttpStatusCode.MethodNotAllowed)]
    [TestCase("DELETE", HttpStatusCode.MethodNotAllowed)]
    public async Task HttpMethods_AreHandled(string method, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), string.Empty);
        using HttpResponseMessage response = await _server.Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        if (expected == HttpStatusCode.OK)
        {
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("JSON-RPC"));
        }
    }

    [TestCase("text/plain", HttpStatusCode.UnsupportedMediaType)]
    [TestCase("application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    [TestCase("application/json-rpc", HttpStatusCode.OK)]
    [TestCase("application/JSON", HttpStatusCode.OK)]
    public async Task ContentType_IsChecked(string contentType, HttpStatusCode expected)
    {
        (HttpStatusCode status, _) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_add","params":["0x1","0x1"]}""", contentType);
        Assert.That(status, Is.EqualTo(expected));
    }

    [Test]
    public async Task ExtraEndpoint_MappedByHook_IsServed()
    {
        using HttpResponseMessage response = await _server.Client.GetAsync(new Uri(_server.Server.HttpUri, "/health"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("ok"));
    }

    [Test]
    public async Task ConcurrentRequests_AllAnsweredCorrectly()
    {
        const int Workers = 32;
        const int PerWorker = 40;
        var tasks = new Task[Workers];
        for (int w = 0; w < Workers; w++)
        {
            int worker = w;
            tasks[w] = Task.Run(async () =>
            {
                for (int i = 0; i < PerWorker; i++)
                {
                    int id = worker * 1000 + i;
                    JsonElement response = await _server.CallAsync($$"""{"jsonrpc":"2.0","id":{{id}},"method":"test_add","params":["{{RpcHex.EncodeQuantity((ulong)worker)}}","{{RpcHex.EncodeQuantity((ulong)i)}}"]}""");
                    Assert.That(response.GetProperty("id").GetInt32(), Is.EqualTo(id));
                    Assert.That(response.GetProperty("result").GetString(), Is.EqualTo(RpcHex.EncodeQuantity((ulong)(worker + i))));
                }
            });
        }

        await Task.WhenAll(tasks);
    }
}
