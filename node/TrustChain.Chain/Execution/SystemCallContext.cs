using TrustChain.Chain.State;
using TrustChain.Core;

namespace TrustChain.Chain.Execution;

public sealed class SystemCallContext
{
    public SystemCallContext(WorldState state, Address caller, UInt256 value, ReadOnlyMemory<byte> callData, ulong gasAvailable, BlockContext block)
    {
        State = state;
        Caller = caller;
        Value = value;
        CallData = callData;
        GasAvailable = gasAvailable;
        Block = block;
    }

    public WorldState State { get; }

    public Address Caller { get; }

    /// <summary>Wei sent with the call; already credited to the contract's balance when the call starts.</summary>
    public UInt256 Value { get; }

    public ReadOnlyMemory<byte> CallData { get; }

    /// <summary>Gas left after intrinsic gas; a result reporting more than this is treated as out of gas.</summary>
    public ulong GasAvailable { get; }

    public BlockContext Block { get; }
}
