namespace TrustChain.Zk.Tests.Bn254;

internal static class Limbs
{
    /// <summary>The group order r as little-endian limbs, written out independently of the library's constants.</summary>
    public static readonly ulong[] R = [0x43e1f593f0000001UL, 0x2833e84879b97091UL, 0xb85045b68181585dUL, 0x30644e72e131a029UL];
}
