namespace TrustChain.Rpc.JsonRpc;

/// <summary>
/// Thrown by handlers to answer with a JSON-RPC error object. The message and the optional
/// <see cref="ErrorData"/> are sent to the client verbatim, so they must not leak internals.
/// </summary>
public class RpcException : Exception
{
    public RpcException(int code, string message, object? data = null) : base(message)
    {
        Code = code;
        ErrorData = data;
    }

    public int Code { get; }

    /// <summary>The "data" member of the error; serialised like a result. Named so it does not clash with <see cref="Exception.Data"/>.</summary>
    public object? ErrorData { get; }

    public static RpcException InvalidParams(string message) => new(RpcErrorCodes.InvalidParams, message);

    /// <summary>geth's wording for a bad positional argument: "invalid argument 0: ...".</summary>
    public static RpcException InvalidArgument(int index, string message) =>
        new(RpcErrorCodes.InvalidParams, $"invalid argument {index}: {message}");

    public static RpcException ServerError(string message) => new(RpcErrorCodes.ServerError, message);

    /// <summary>Code 3 "execution reverted[: reason]" with the revert data hex-encoded in "data", as geth answers eth_call.</summary>
    public static RpcException ExecutionReverted(string? reason, ReadOnlySpan<byte> revertData)
    {
        string message = string.IsNullOrEmpty(reason) ? "execution reverted" : "execution reverted: " + reason;
        return new RpcException(RpcErrorCodes.ExecutionReverted, message, RpcHex.EncodeBytes(revertData));
    }
}
