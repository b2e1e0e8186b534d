using System.Runtime.CompilerServices;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>
/// Builds a revert reason only when the checked condition failed: the checks of every enrolment would otherwise
/// format commitments and tags as hex strings just to throw the text away.
/// </summary>
[InterpolatedStringHandler]
internal ref struct RevertReasonHandler
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
