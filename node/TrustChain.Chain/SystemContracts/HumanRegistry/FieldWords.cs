using TrustChain.Core;
using TrustChain.Zk.Bn254;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>Conversions between ABI words (<see cref="UInt256"/>) and BN254 scalars without going through BigInteger.</summary>
internal static class FieldWords
{
    public static bool TryToFr(in UInt256 value, out Fr field)
    {
        Span<byte> word = stackalloc byte[32];
        value.ToBigEndian(word);
        return Fr.TryFromBytesBigEndian(word, out field);
    }

    public static UInt256 ToWord(in Fr value)
    {
        Span<byte> word = stackalloc byte[32];
        value.ToBytesBigEndian(word);
        return new UInt256(word);
    }

    public static Hash256 ToHash(in Fr value)
    {
        Span<byte> word = stackalloc byte[32];
        value.ToBytesBigEndian(word);
        return new Hash256(word);
    }
}
