namespace TrustChain.Node.Keystore;

/// <summary>scrypt cost parameters of a Web3 Secret Storage file.</summary>
public sealed record ScryptParameters(int N, int R, int P)
{
    /// <summary>geth's and ethers' "standard" cost: about 256 MiB of memory and a second of CPU per unlock.</summary>
    public static ScryptParameters Standard { get; } = new(131072, 8, 1);

    /// <summary>geth's --lightkdf cost, for tests and throwaway keys.</summary>
    public static ScryptParameters Light { get; } = new(4096, 8, 1);

    /// <summary>128·N·r bytes of memory; a hostile file must not make us allocate more than 1 GiB.</summary>
    private const long MaxMemoryBytes = 1L << 30;

    public void Validate()
    {
        if (N < 2 || (N & (N - 1)) != 0)
        {
            throw new KeystoreException($"scrypt n must be a power of two greater than 1, got {N}.");
        }

        if (R < 1 || P < 1)
        {
            throw new KeystoreException($"scrypt r and p must be positive, got r={R}, p={P}.");
        }

        // RFC 7914 requires n < 2^(128·r/8); BouncyCastle enforces it, so say so instead of letting it throw.
        if (R < 4 && N >= 1L << (16 * R))
        {
            throw new KeystoreException($"scrypt n={N} with r={R} is outside RFC 7914 (n must be below 2^{16 * R}); re-encrypt the key with r=8.");
        }

        if (128L * N * R > MaxMemoryBytes || (long)R * P >= 1 << 30)
        {
            throw new KeystoreException($"scrypt parameters n={N}, r={R}, p={P} exceed the supported cost (128·n·r ≤ 1 GiB, r·p < 2^30).");
        }
    }
}
