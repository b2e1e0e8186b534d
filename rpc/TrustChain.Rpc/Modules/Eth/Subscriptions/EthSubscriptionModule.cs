using Microsoft.AspNetCore.Http;
using TrustChain.Rpc.Hosting;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth.Subscriptions;

/// <summary>
/// eth_subscribe ("newHeads", "logs", "newPendingTransactions") and eth_unsubscribe over WebSocket, with geth's
/// shapes and errors and a per-connection subscription cap. Registered by <see cref="EthRpcModule"/>.
/// </summary>
public sealed class EthSubscriptionModule : IRpcModule
{
    private readonly EthRpcContext _context;
    private readonly EthSubscriptionOptions _options;
    private readonly SubscriptionLimiter _limiter;

    public EthSubscriptionModule(EthRpcContext context, EthSubscriptionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _options = options ?? new EthSubscriptionOptions();
        _options.Validate();
        _limiter = new SubscriptionLimiter(_options.MaxSubscriptionsPerConnection);
    }

    /// <summary>Live subscriptions over all connections (for the metrics gauge).</summary>
    public int ActiveSubscriptions => _limiter.Total;

    public void Register(RpcMethodRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register("eth_subscribe", (p, ctx, _) => new ValueTask<object?>(Subscribe(p, ctx)));
        registry.Register("eth_unsubscribe", (p, ctx, _) =>
        {
            p.EnsureCountAtMost(1);
            string id = p.GetString(0);
            return ctx.Unsubscribe(id)
                ? new ValueTask<object?>(true)
                : throw RpcException.ServerError("subscription not found");
        });
    }

    private string Subscribe(RpcParams p, RpcContext ctx)
    {
        p.EnsureCountAtMost(2);
        string kind = p.GetString(0);
        if (!ctx.SupportsSubscriptions)
        {
            throw new RpcException(RpcErrorCodes.MethodNotFound, "notifications not supported");
        }

        RpcSubscriptionFactory create = kind switch
        {
            "newHeads" => NewHeads(p),
            "logs" => Logs(p),
            "newPendingTransactions" => PendingTransactions(p),
            _ => throw new RpcException(RpcErrorCodes.MethodNotFound, $"no \"{kind}\" subscription in eth namespace"),
        };

        string connection = ctx.HttpContext?.Connection.Id ?? string.Empty;
        if (!_limiter.TryAcquire(connection))
        {
            throw RpcException.ServerError($"too many subscriptions on this connection (limit {_options.MaxSubscriptionsPerConnection})");
        }

        Action release = () => _limiter.Release(connection);
        EthSubscription subscription;
        try
        {
            subscription = create();
            ctx.Subscribe(subscription);
        }
        catch
        {
            release();
            throw;
        }

        subscription.Start(ctx.HttpContext?.Features.Get<IRpcConnectionCloser>(), release);
        return subscription.Id;
    }

    private RpcSubscriptionFactory NewHeads(RpcParams p)
    {
        if (!p.IsMissing(1))
        {
            throw RpcException.InvalidArgument(1, "newHeads takes no parameters");
        }

        return () => (new NewHeadsSubscription(_context.Chain, _options.QueueLimit));
    }

    private RpcSubscriptionFactory Logs(RpcParams p)
    {
        LogFilterCriteria criteria = p.IsMissing(1) ? new LogFilterCriteria() : LogFilterCriteria.Parse(p, 1);
        if (criteria.BlockHash is not null || criteria.FromBlock != BlockParameter.Latest || criteria.ToBlock != BlockParameter.Latest)
        {
            // Subscriptions deliver logs of blocks committed from now on; history is eth_getLogs' job.
            throw RpcException.InvalidArgument(1, "logs subscription takes only address and topics (no blockHash, fromBlock or toBlock)");
        }

        return () => (new LogsSubscription(_context.Chain, criteria.Addresses, criteria.Topics, _options.QueueLimit));
    }

    private RpcSubscriptionFactory PendingTransactions(RpcParams p)
    {
        bool full = p.GetOptionalBool(1) ?? false;
        return () => (new NewPendingTransactionsSubscription(_context.Pool, full, _options.QueueLimit));
    }

    private delegate EthSubscription RpcSubscriptionFactory();
}
