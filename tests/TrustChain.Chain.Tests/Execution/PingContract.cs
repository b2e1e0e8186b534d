using System.Buffers.Binary;
using TrustChain.Chain.Execution;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;

namespace TrustChain.Chain.Tests.Execution;

/// <summary>
/// Test system contract. Data 0x01: counts calls in storage and emits Ping(caller indexed, count) — success.
/// 0x02: emits Pong(caller indexed). 0xFF: writes storage then reverts. 0xEE: reports more gas than it was given.
/// </summary>
internal sealed class PingContract : ISystemContract
{
    public const ulong CallGas = 5_000;
    public const ulong RevertGas = 3_000;

    public static readonly Address ContractAddress = Address.Parse("0x0000000000000000000000000000000000001000");
    public static readonly Hash256 PingTopic = Keccak256.Compute("Ping(address,uint256)"u8);
    public static readonly Hash256 PongTopic = Keccak256.Compute("Pong(address)"u8);
    public static readonly byte[] CounterSlot = [0x01];
    public static readonly byte[] RevertReason = [0x08, 0xc3, 0x79, 0xa0];

    public Address Address => ContractAddress;

    public byte[] Code => [0xfe];

    public static Hash256 Word(Address a) => new(a.ToWord32());

    public SystemCallResult Call(SystemCallContext context)
    {
        ReadOnlySpan<byte> data = context.CallData.Span;
        switch (data.IsEmpty ? (byte)0 : data[0])
        {
            case 0x01:
            {
                ulong count = Count(context) + 1;
                byte[] value = new byte[32];
                BinaryPrimitives.WriteUInt64BigEndian(value.AsSpan(24), count);
                context.State.SetStorage(Address, CounterSlot, value);
                LogEntry log = new(Address, [PingTopic, Word(context.Caller)], value);
                return SystemCallResult.Succeeded(CallGas, value, [log]);
            }

            case 0x02:
                return SystemCallResult.Succeeded(CallGas, [], [new LogEntry(Address, [PongTopic, Word(context.Caller)], [])]);
            case 0xFF:
                context.State.SetStorage(Address, CounterSlot, new byte[32]);
                context.State.AddBalance(context.Caller, 1);
                return SystemCallResult.Reverted(RevertGas, RevertReason);
            case 0xEE:
                return SystemCallResult.Succeeded(context.GasAvailable + 1, []);
            default:
                return SystemCallResult.Reverted(RevertGas, RevertReason);
        }
    }

    public static ulong Count(TrustChain.Chain.State.IStateReader state)
    {
        byte[]? stored = state.GetStorage(ContractAddress, CounterSlot);
        return stored is null ? 0 : BinaryPrimitives.ReadUInt64BigEndian(stored.AsSpan(24));
    }

    private static ulong Count(SystemCallContext context) => Count(context.State);
}
