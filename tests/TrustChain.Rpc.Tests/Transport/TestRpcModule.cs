using System.Text.Json;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Tests.Transport;

/// <summary>Small module exercising every transport path: results, errors, slowness, big answers, subscriptions.</summary>
public sealed class TestRpcModule : IRpcModule
{
    public static readonly byte[] RevertData = Convert.FromHexString("08c379a00000000000000000000000000000000000000000000000000000000000000020");

    private int _recorded;
    private int _activeSubscriptions;

    public int Recorded => Volatile.Read(ref _recorded);

    public int ActiveSubscriptions => Volatile.Read(ref _activeSubscriptions);

    public void Register(RpcMethodRegistry registry)
    {
        registry.Register("test_echo", static (p, _, _) => new ValueTask<object?>(p.GetRequired(0)));
        registry.Register("test_add", static (p, _, _) =>
        {
            p.EnsureCountAtMost(2);
            ulong a = p.GetQuantity(0);
            ulong b = p.GetQuantity(1);
            return new ValueTask<object?>(RpcHex.EncodeQuantity(a + b));
        });
        registry.Register("test_record", (_, _, _) =>
        {
            Interlocked.Increment(ref _recorded);
            return new ValueTask<object?>((object?)null);
        });
        registry.Register("test_recorded", (_, _, _) => new ValueTask<object?>((long)Recorded));
        registry.Register("test_fail", static (_, _, _) => throw RpcException.ServerError("nonce too low"));
        registry.Register("test_revert", static (_, _, _) => throw RpcException.ExecutionReverted("boom", RevertData));
        registry.Register("test_crash", static (_, _, _) => throw new InvalidOperationException("secret internal detail"));
        registry.Register("test_slow", static async (p, _, ct) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(p.GetQuantity(0)), ct);
            return "done";
        });
        registry.Register("test_blob", static (p, _, _) => new ValueTask<object?>(new string('a', (int)p.GetQuantity(0))));
        registry.Register("test_object", static (_, _, _) => new ValueTask<object?>(new SampleResult("0x1", [1, 2], null)));
        registry.Register("test_raw", static (_, _, _) => new ValueTask<object?>(new RawJson("{\"pre\":[true,null]}"u8.ToArray())));
        registry.Register("test_subscribe", (p, ctx, _) =>
        {
            ulong count = p.GetQuantity(0);
            var subscription = new CountingSubscription(this);
            string id = ctx.Subscribe(subscription);
            Interlocked.Increment(ref _activeSubscriptions);
            // Pushed before the response is written: the transport must still deliver the id first.
            for (ulong i = 0; i < count; i++)
            {
                subscription.Notify(RpcHex.EncodeQuantity(i));
            }

            return new ValueTask<object?>(id);
        });
        registry.Register("test_unsubscribe", static (p, ctx, _) => new ValueTask<object?>(ctx.Unsubscribe(p.GetString(0))));
    }

    public sealed record SampleResult(string BlockNumber, int[] Values, string? Missing);

    private sealed class CountingSubscription : RpcSubscription
    {
        private readonly TestRpcModule _owner;

        public CountingSubscription(TestRpcModule owner)
        {
            _owner = owner;
        }

        protected override void OnClosed() => Interlocked.Decrement(ref _owner._activeSubscriptions);
    }
}
