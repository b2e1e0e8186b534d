namespace TrustChain.Zk.Bn254;

/// <summary>q = 21888242871839275222246405745257275088696311157297823662689037894645226208583.</summary>
internal readonly struct FqModulus : IMontgomeryModulus
{
    public static ulong P0 => 0x3c208c16d87cfd47UL;
    public static ulong P1 => 0x97816a916871ca8dUL;
    public static ulong P2 => 0xb85045b68181585dUL;
    public static ulong P3 => 0x30644e72e131a029UL;
    public static ulong Inv => 0x87d20782e4866389UL;
    public static ulong R2_0 => 0xf32cfc5b538afa89UL;
    public static ulong R2_1 => 0xb5e71911d44501fbUL;
    public static ulong R2_2 => 0x47ab1eff0a417ff6UL;
    public static ulong R2_3 => 0x06d89f71cab8351fUL;
}
