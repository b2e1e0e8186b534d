using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace TrustChain.Chain.SystemContracts;

/// <summary>
/// Revert checks for contract ledgers that have no <see cref="SystemContractContext"/> at hand. An interpolated reason is
/// formatted only when the condition fails (<see cref="RevertReasonHandler"/>).
/// </summary>
internal static class ContractGuard
{
    public static void Require([DoesNotReturnIf(false)] bool condition, string reason)
    {
        if (!condition)
        {
            throw new ContractRevertException(reason);
        }
    }

    public static void Require(
        [DoesNotReturnIf(false)] bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref RevertReasonHandler reason)
    {
        if (!condition)
        {
            throw new ContractRevertException(reason.ToStringAndClear());
        }
    }
}
