namespace TrustChain.Node.Tx;

/// <summary>A JSON-RPC error answer (code and message as the node sent them) or a transport failure.</summary>
public sealed class JsonRpcClientException : Exception
{
    public JsonRpcClientException(string method, int code, string message)
        : base($"{method}: {message} (code {code})")
    {
        Code = code;
        RpcMessage = message;
    }

    public JsonRpcClientException(string message, Exception innerException) : base(message, innerException)
    {
        RpcMessage = message;
    }

    public int? Code { get; }

    public string RpcMessage { get; }
}
