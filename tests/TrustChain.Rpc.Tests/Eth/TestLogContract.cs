using System.Text;
using TrustChain.Chain.Execution;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;

namespace TrustChain.Rpc.Tests.Eth;

/// <summary>
/// A small system contract registered by the tests. Selector byte 0x01 emits Ping(caller) with the call data and
/// returns 1; 0x02 reverts with Error("nope"); 0x03 claims more gas than it was given; anything else echoes.
/// </summary>
public sealed class TestLogContract : ISystemContract
{
    public const ulong PingGas = 5_000;
    public const ulong EchoGas = 1_000;
    public static readonly Address At = Address.Parse("0x000000000000000000000000000000000000fff1");
    public static readonly Hash256 PingTopic = Keccak256.Compute(Encoding.ASCII.GetBytes("Ping(address)"));

    public Address Address => At;

    public byte[] Code => [0xFE, 0x01];

    public SystemCallResult Call(SystemCallContext context)
    {
        ReadOnlySpan<byte> data = context.CallData.Span;
        byte selector = data.IsEmpty ? (byte)0 : data[0];
        switch (selector)
        {
            case 0x01:
                context.State.SetStorage(At, new byte[32], [0x2A]);
                var log = new LogEntry(At, [PingTopic, new Hash256(context.Caller.ToWord32())], data.ToArray());
                byte[] one = new byte[32];
                one[31] = 1;
                return SystemCallResult.Succeeded(PingGas, one, [log]);
            case 0x02:
                return SystemCallResult.Reverted(700, ErrorString("nope"));
            case 0x03:
                return SystemCallResult.Succeeded(context.GasAvailable + 1, []);
            default:
                return SystemCallResult.Succeeded(EchoGas, data.ToArray());
        }
    }

    /// <summary>ABI encoding of Error(string), built by hand so the decoder under test is checked independently.</summary>
    public static byte[] ErrorString(string reason)
    {
        byte[] text = Encoding.UTF8.GetBytes(reason);
        int padded = (text.Length + 31) / 32 * 32;
        byte[] result = new byte[4 + 32 + 32 + padded];
        new byte[] { 0x08, 0xC3, 0x79, 0xA0 }.CopyTo(result, 0);
        result[4 + 31] = 0x20;
        result[4 + 32 + 31] = (byte)text.Length;
        text.CopyTo(result, 4 + 64);
        return result;
    }
}
