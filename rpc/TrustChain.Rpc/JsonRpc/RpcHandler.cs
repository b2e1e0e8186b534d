namespace TrustChain.Rpc.JsonRpc;

/// <summary>
/// A JSON-RPC method. The returned value is the "result": null, a string, bool, number, <see cref="RawJson"/>,
/// <see cref="System.Text.Json.JsonElement"/>, an <see cref="IRpcJsonWritable"/>, or any object System.Text.Json can
/// serialise with <see cref="RpcOptions.SerializerOptions"/>. Throw <see cref="RpcException"/> for error answers.
/// The <paramref name="params"/> view is only valid until the returned task completes.
/// </summary>
public delegate ValueTask<object?> RpcHandler(RpcParams @params, RpcContext context, CancellationToken cancellationToken);
