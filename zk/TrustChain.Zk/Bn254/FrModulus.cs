namespace TrustChain.Zk.Bn254;

/// <summary>r = 21888242871839275222246405745257275088548364400416034343698204186575808495617.</summary>
internal readonly struct FrModulus : IMontgomeryModulus
{
    public static ulong P0 => 0x43e1f593f0000001UL;
    public static ulong P1 => 0x2833e84879b97091UL;
    public static ulong P2 => 0xb85045b68181585dUL;
    public static ulong P3 => 0x30644e72e131a029UL;
    public static ulong Inv => 0xc2e1f593efffffffUL;
    public static ulong R2_0 => 0x1bb8e645ae216da7UL;
    public static ulong R2_1 => 0x53fe3ab1e35c59e3UL;
    public static ulong R2_2 => 0x8c49833d53bb8085UL;
    public static ulong R2_3 => 0x0216d0b17f4e44a5UL;
}
