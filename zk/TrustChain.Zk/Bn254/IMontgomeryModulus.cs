namespace TrustChain.Zk.Bn254;

/// <summary>
/// Compile-time constants of a 4-limb Montgomery field. Implemented by empty structs so that generic
/// kernels in <see cref="MontgomeryMath"/> are specialised per modulus by the JIT and the constants fold
/// into immediates, which is what lets <see cref="Fr"/> and <see cref="Fq"/> share one implementation.
/// </summary>
internal interface IMontgomeryModulus
{
    static abstract ulong P0 { get; }
    static abstract ulong P1 { get; }
    static abstract ulong P2 { get; }
    static abstract ulong P3 { get; }

    /// <summary>-p^-1 mod 2^64.</summary>
    static abstract ulong Inv { get; }

    /// <summary>R^2 mod p with R = 2^256, used to enter Montgomery form.</summary>
    static abstract ulong R2_0 { get; }
    static abstract ulong R2_1 { get; }
    static abstract ulong R2_2 { get; }
    static abstract ulong R2_3 { get; }
}
