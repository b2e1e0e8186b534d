using System.Diagnostics.CodeAnalysis;

namespace TrustChain.Chain.Abi;

/// <summary>Solidity's <c>Error(string)</c> revert data: 0x08c379a0 ‖ abi(string).</summary>
public static class RevertReason
{
    public static readonly AbiError Error = new("Error", [new AbiParameter("message", AbiType.String)]);

    public static AbiSelector Selector => Error.Selector;

    public static byte[] Encode(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return Error.Encode(reason);
    }

    public static bool TryDecode(ReadOnlySpan<byte> revertData, [NotNullWhen(true)] out string? reason)
    {
        reason = Error.TryDecode(revertData, out object[] arguments) ? (string)arguments[0] : null;
        return reason is not null;
    }
}
