using TrustChain.Chain.Validation;
using TrustChain.Core;

namespace TrustChain.Chain.TxPool;

/// <summary>Outcome of <see cref="TxPool.Submit"/>: accepted (pending or queued) or the reason for rejection.</summary>
public readonly record struct TxPoolSubmitResult(Hash256 Hash, TxValidationError Error, string? Message, bool IsPending)
{
    public bool Accepted => Error == TxValidationError.None;

    public static TxPoolSubmitResult Added(Hash256 hash, bool pending) => new(hash, TxValidationError.None, null, pending);

    public static TxPoolSubmitResult Rejected(Hash256 hash, TxValidationError error, string message) => new(hash, error, message, false);

    public static TxPoolSubmitResult Rejected(Hash256 hash, in TxValidationResult result) => new(hash, result.Error, result.Message, false);

    public override string ToString() => Accepted ? (IsPending ? "pending" : "queued") : $"{Error}: {Message}";
}
