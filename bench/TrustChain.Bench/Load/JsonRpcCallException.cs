namespace TrustChain.Bench.Load;

/// <summary>The node answered a JSON-RPC call with an error object (or with something that is not a response).</summary>
public sealed class JsonRpcCallException(string method, int code, string message)
    : Exception($"{method}: {message} (code {code})")
{
    public string Method { get; } = method;

    public int Code { get; } = code;

    public string RpcMessage { get; } = message;
}
