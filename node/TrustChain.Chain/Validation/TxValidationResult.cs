namespace TrustChain.Chain.Validation;

/// <summary>Outcome of a transaction check: <see cref="TxValidationError.None"/> or an error with geth's message.</summary>
public readonly record struct TxValidationResult(TxValidationError Error, string? Message)
{
    public static readonly TxValidationResult Ok = new(TxValidationError.None, null);

    public bool IsValid => Error == TxValidationError.None;

    public static TxValidationResult Fail(TxValidationError error, string message) => new(error, message);

    public override string ToString() => IsValid ? "valid" : $"{Error}: {Message}";
}
