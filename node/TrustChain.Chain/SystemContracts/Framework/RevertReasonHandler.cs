using System.Runtime.CompilerServices;

namespace TrustChain.Chain.SystemContracts;

/// <summary>
/// Builds a revert reason only when the checked condition failed (the interpolated-string argument of
/// <see cref="SystemContractContext.Require(bool, ref RevertReasonHandler)"/> and <see cref="ContractGuard"/>): checks that
/// pass on every call, such as an enrolment's, would otherwise format commitments and tags as hex just to drop the text.
/// </summary>
[InterpolatedStringHandler]
public ref struct RevertReasonHandler
{
    private DefaultInterpolatedStringHandler _text;

    public RevertReasonHandler(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        shouldAppend = !condition;
        _text = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public string ToStringAndClear() => _text.ToStringAndClear();
}
