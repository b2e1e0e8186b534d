using System.Numerics;

namespace TrustChain.Biometrics.Oprf;

/// <summary>
/// Trusted-dealer Shamir sharing of the OPRF key over Z_n: f(x) = k + a1·x + … + a_{t−1}·x^{t−1}, share i = f(i)
/// for i = 1..n, public shares f(i)·G. The dealer sees k and must erase it; a DKG removes that trust (see NOTES.md).
/// </summary>
public static class ShamirDealer
{
    public static OprfDealing Deal(int threshold, int members) => Deal(threshold, members, Secp256k1Scalar.Random());

    /// <summary>Shares a given key (32 bytes, in [1, n)); coefficients are still fresh random.</summary>
    public static OprfDealing Deal(int threshold, int members, ReadOnlySpan<byte> key32) =>
        Deal(threshold, members, Secp256k1Scalar.FromBytesNonZero(key32, "OPRF key"));

    /// <summary>
    /// Shares a fully given polynomial f(x) = c_0 + c_1·x + … (32-byte big-endian scalars in [1, n), threshold = count):
    /// a reproducible dealing, for the public DEV-ONLY committee of the dev chain and for tests. Never for real keys.
    /// </summary>
    public static OprfDealing DealPolynomial(int members, IReadOnlyList<byte[]> coefficients32)
    {
        ArgumentNullException.ThrowIfNull(coefficients32);
        var coefficients = new BigInteger[coefficients32.Count];
        for (int i = 0; i < coefficients.Length; i++)
        {
            coefficients[i] = Secp256k1Scalar.FromBytesNonZero(coefficients32[i], $"Coefficient {i}");
        }

        return Deal(coefficients.Length, members, coefficients) ?? throw new ArgumentException("The polynomial gives a zero share.", nameof(coefficients32));
    }

    /// <summary>Recovers k = Σ λ_i·k_i from at least t shares (distinct indices). For audits and tests only.</summary>
    public static byte[] Reconstruct(IReadOnlyList<OprfKeyShare> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        if (shares.Count == 0)
        {
            throw new ArgumentException("At least one share is needed.", nameof(shares));
        }

        int[] indices = new int[shares.Count];
        for (int i = 0; i < indices.Length; i++)
        {
            indices[i] = shares[i].Index;
            for (int j = 0; j < i; j++)
            {
                if (indices[j] == indices[i])
                {
                    throw new ArgumentException($"Share index {indices[i]} appears twice.", nameof(shares));
                }
            }
        }

        BigInteger key = BigInteger.Zero;
        for (int i = 0; i < shares.Count; i++)
        {
            key = Secp256k1Scalar.Add(key, Secp256k1Scalar.Multiply(Secp256k1Scalar.LagrangeAtZero(indices[i], indices), shares[i].Scalar));
        }

        return Secp256k1Scalar.ToBytes(key);
    }

    private static OprfDealing Deal(int threshold, int members, BigInteger key)
    {
        if (members < 1 || members > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(members), members, "Committee size must be in [1, 255].");
        }

        if (threshold < 1 || threshold > members)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"Threshold must be in [1, {members}].");
        }

        while (true)
        {
            var coefficients = new BigInteger[threshold];
            coefficients[0] = key;
            for (int i = 1; i < threshold; i++)
            {
                coefficients[i] = Secp256k1Scalar.Random();
            }

            // A zero share (probability ~n^-1) would be unusable, so redeal.
            if (Deal(threshold, members, coefficients) is { } dealing)
            {
                return dealing;
            }
        }
    }

    private static OprfDealing? Deal(int threshold, int members, BigInteger[] coefficients)
    {
        if (members < 1 || members > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(members), members, "Committee size must be in [1, 255].");
        }

        if (threshold < 1 || threshold > members)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"Threshold must be in [1, {members}].");
        }

        var shares = new OprfKeyShare[members];
        var publics = new OprfCommitteeMember[members];
        for (int index = 1; index <= members; index++)
        {
            BigInteger value = BigInteger.Zero;
            for (int c = threshold - 1; c >= 0; c--)
            {
                value = Secp256k1Scalar.Add(Secp256k1Scalar.Multiply(value, index), coefficients[c]);
            }

            if (value.IsZero)
            {
                return null;
            }

            shares[index - 1] = new OprfKeyShare(index, Secp256k1Scalar.ToBytes(value));
            publics[index - 1] = new OprfCommitteeMember(index, shares[index - 1].PublicShare.ToArray());
        }

        var committee = new OprfCommittee(threshold, CurvePoint.MultiplyGenerator(coefficients[0]), publics);
        return new OprfDealing(committee, shares);
    }
}
