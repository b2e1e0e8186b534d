namespace TrustChain.Rpc.Modules.Prover;

/// <summary>JSON-RPC error codes of the prover_* methods (server-error range, next to geth's -32005 "limit exceeded").</summary>
public static class ProverErrorCodes
{
    /// <summary>The request is unsigned, badly signed, expired, replayed, or its signer is not an active EnrollmentOperator.</summary>
    public const int Unauthorized = -32040;

    /// <summary>The operator's token bucket is empty; retry later.</summary>
    public const int RateLimited = -32005;

    /// <summary>The node cannot serve the request (e.g. no proving key for the depth).</summary>
    public const int Unavailable = -32041;
}
