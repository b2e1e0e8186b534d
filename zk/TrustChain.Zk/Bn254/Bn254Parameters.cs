namespace TrustChain.Zk.Bn254;

/// <summary>Curve-family constants of BN254 (alt_bn128).</summary>
public static class Bn254Parameters
{
    /// <summary>The BN parameter u (x₀): q = 36u⁴ + 36u³ + 24u² + 6u + 1, r = 36u⁴ + 36u³ + 18u² + 6u + 1.</summary>
    public const ulong U = 4965661367192848881UL;

    /// <summary>Two-adicity of r − 1: Fr has a multiplicative subgroup of order 2^28.</summary>
    public const int FrTwoAdicity = 28;
}
