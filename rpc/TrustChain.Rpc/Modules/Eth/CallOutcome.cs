using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth;

/// <summary>Result of a simulated call, turned into geth's errors by <see cref="ThrowIfFailed"/>.</summary>
public sealed class CallOutcome
{
    private CallOutcome(CallOutcomeKind kind, ulong gasUsed, byte[] returnData, ulong intrinsic)
    {
        Kind = kind;
        GasUsed = gasUsed;
        ReturnData = returnData;
        Intrinsic = intrinsic;
    }

    public CallOutcomeKind Kind { get; }

    public ulong GasUsed { get; }

    /// <summary>Return data on success, revert data on revert.</summary>
    public byte[] ReturnData { get; }

    public ulong Intrinsic { get; }

    public static CallOutcome Succeeded(ulong gasUsed, byte[] returnData) => new(CallOutcomeKind.Success, gasUsed, returnData, 0);

    public static CallOutcome Reverted(byte[] revertData) => new(CallOutcomeKind.Reverted, 0, revertData, 0);

    public static CallOutcome OutOfGas() => new(CallOutcomeKind.OutOfGas, 0, [], 0);

    public static CallOutcome NoCode() => new(CallOutcomeKind.NoCode, 0, [], 0);

    public static CallOutcome IntrinsicTooLow(ulong gas, ulong intrinsic) => new(CallOutcomeKind.IntrinsicGasTooLow, gas, [], intrinsic);

    public CallOutcome ThrowIfFailed(ulong gas) => Kind switch
    {
        CallOutcomeKind.Success => this,
        CallOutcomeKind.Reverted => throw RpcException.ExecutionReverted(RevertReason.TryDecode(ReturnData), ReturnData),
        CallOutcomeKind.NoCode => throw RpcException.ExecutionReverted(CallSimulator.NoCodeReason, ReadOnlySpan<byte>.Empty),
        CallOutcomeKind.OutOfGas => throw RpcException.ServerError($"out of gas: gas {gas}"),
        _ => throw RpcException.ServerError($"intrinsic gas too low: have {GasUsed}, want {Intrinsic}"),
    };
}
