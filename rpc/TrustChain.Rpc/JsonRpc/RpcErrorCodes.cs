namespace TrustChain.Rpc.JsonRpc;

/// <summary>JSON-RPC error codes with the meanings geth gives them.</summary>
public static class RpcErrorCodes
{
    /// <summary>Execution reverted; the error carries the hex revert data.</summary>
    public const int ExecutionReverted = 3;
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    /// <summary>Generic server error, e.g. "nonce too low".</summary>
    public const int ServerError = -32000;
    public const int Timeout = -32002;
    public const int ResponseTooLarge = -32003;
}
