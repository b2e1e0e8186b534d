using System.Net;
using System.Text.Json;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Tests.Transport;

[TestFixture]
public sealed class BatchTests
{
    private RpcTestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await RpcTestServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public async Task MixedBatch_KeepsOrderAndSkipsNotifications()
    {
        int before = _server.Module.Recorded;
        JsonElement response = await _server.CallAsync("""
            [
              {"jsonrpc":"2.0","id":1,"method":"test_add","params":["0x1","0x2"]},
              {"jsonrpc":"2.0","method":"test_record"},
              {"id":3,"method":"test_add","params":["0x1","0x2"]},
              {"jsonrpc":"2.0","id":"four","method":"nope_missing"},
              5,
              {"jsonrpc":"2.0","id":6,"method":"test_fail"},
              {"jsonrpc":"2.0","id":7,"method":"test_add","params":["0x2","0x2"]}
            ]
            """);

        Assert.That(response.ValueKind, Is.EqualTo(JsonValueKind.Array));
        JsonElement[] items = response.EnumerateArray().ToArray();
        Assert.That(items, Has.Length.EqualTo(6));
        Assert.That(items[0].GetProperty("result").GetString(), Is.EqualTo("0x3"));
        Assert.That(items[0].GetProperty("id").GetInt32(), Is.EqualTo(1));
        RpcTestServer.AssertError(items[1], RpcErrorCodes.InvalidRequest, "invalid request", "3");
        RpcTestServer.AssertError(items[2], RpcErrorCodes.MethodNotFound, "the method nope_missing does not exist/is not available", "\"four\"");
        RpcTestServer.AssertError(items[3], RpcErrorCodes.InvalidRequest, "invalid request");
        RpcTestServer.AssertError(items[4], RpcErrorCodes.ServerError, "nonce too low", "6");
        Assert.That(items[5].GetProperty("result").GetString(), Is.EqualTo("0x4"));
        Assert.That(_server.Module.Recorded, Is.EqualTo(before + 1), "the notification in the batch must run");
    }

    [Test]
    public async Task OnlyNotifications_GiveEmptyBody()
    {
        int before = _server.Module.Recorded;
        (HttpStatusCode status, string body) = await _server.PostAsync("""[{"jsonrpc":"2.0","method":"test_record"},{"jsonrpc":"2.0","method":"test_record"}]""");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Is.Empty);
        Assert.That(_server.Module.Recorded, Is.EqualTo(before + 2));
    }

    [Test]
    public async Task EmptyBatch_IsSingleInvalidRequest()
    {
        JsonElement response = await _server.CallAsync(" [ ] ");
        Assert.That(response.ValueKind, Is.EqualTo(JsonValueKind.Object));
        RpcTestServer.AssertError(response, RpcErrorCodes.InvalidRequest, "empty batch");
    }

    [Test]
    public async Task OversizeBatch_IsRejectedWithoutRunning()
    {
        int before = _server.Module.Recorded;
        var calls = new List<string> { """{"jsonrpc":"2.0","method":"test_record"}""" };
        for (int i = 0; i < 10; i++)
        {
            calls.Add($$"""{"jsonrpc":"2.0","id":{{i + 100}},"method":"test_record"}""");
        }

        JsonElement response = await _server.CallAsync("[" + string.Join(",", calls) + "]");
        Assert.That(response.ValueKind, Is.EqualTo(JsonValueKind.Array));
        Assert.That(response.GetArrayLength(), Is.EqualTo(1));
        RpcTestServer.AssertError(response[0], RpcErrorCodes.InvalidRequest, "batch too large", "100");
        Assert.That(_server.Module.Recorded, Is.EqualTo(before));
    }

    [Test]
    public async Task BatchAtLimit_IsServed()
    {
        string batch = "[" + string.Join(",", Enumerable.Range(0, 10).Select(i => $$"""{"jsonrpc":"2.0","id":{{i}},"method":"test_add","params":["0x1","{{RpcHex.EncodeQuantity((ulong)i)}}"]}""")) + "]";
        JsonElement response = await _server.CallAsync(batch);
        Assert.That(response.GetArrayLength(), Is.EqualTo(10));
        for (int i = 0; i < 10; i++)
        {
            Assert.That(response[i].GetProperty("result").GetString(), Is.EqualTo(RpcHex.EncodeQuantity((ulong)i + 1)));
        }
    }

    [Test]
    public async Task BatchResponseOverLimit_RemainingCallsGetResponseTooLarge()
    {
        // Limit is 2000 bytes: the first 1500-byte answer fits, the second crosses it, the rest are refused.
        string blob = """{"jsonrpc":"2.0","id":ID,"method":"test_blob","params":["0x5dc"]}""";
        string batch = "[" + string.Join(",", Enumerable.Range(1, 4).Select(i => blob.Replace("ID", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))) + "]";
        JsonElement response = await _server.CallAsync(batch);
        Assert.That(response.GetArrayLength(), Is.EqualTo(4));
        Assert.That(response[0].GetProperty("result").GetString(), Has.Length.EqualTo(1500));
        Assert.That(response[1].GetProperty("result").GetString(), Has.Length.EqualTo(1500));
        RpcTestServer.AssertError(response[2], RpcErrorCodes.ResponseTooLarge, "response too large", "3");
        RpcTestServer.AssertError(response[3], RpcErrorCodes.ResponseTooLarge, "response too large", "4");
    }

    [Test]
    public async Task BatchPastDeadline_RemainingCallsTimeOut()
    {
        JsonElement response = await _server.CallAsync("""
            [
              {"jsonrpc":"2.0","id":1,"method":"test_slow","params":["0x2710"]},
              {"jsonrpc":"2.0","id":2,"method":"test_add","params":["0x1","0x1"]}
            ]
            """);
        RpcTestServer.AssertError(response[0], RpcErrorCodes.Timeout, "request timed out", "1");
        RpcTestServer.AssertError(response[1], RpcErrorCodes.Timeout, "request timed out", "2");
    }
}
