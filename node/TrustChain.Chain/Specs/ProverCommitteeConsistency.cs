using System.Numerics;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.Specs;

/// <summary>
/// Checks in the exponent that the public shares lie on one polynomial of degree t − 1 whose value at 0 is the
/// committee key: a share pasted from another dealing would otherwise only show up as failed enrolments.
/// Runs once per genesis load, so BigInteger scalar arithmetic is fine here.
/// </summary>
internal static class ProverCommitteeConsistency
{
    private static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    /// <summary>Null when consistent, else the index of the first member (0 for the key) that is off the polynomial.</summary>
    public static int? FindInconsistent(GenesisProverCommittee committee)
    {
        int t = committee.Threshold;
        int[] basis = new int[t];
        for (int i = 0; i < t; i++)
        {
            basis[i] = committee.Members[i].Index;
        }

        Span<byte> point = stackalloc byte[Secp256k1.PublicKeyLength];
        if (!Interpolate(committee, basis, 0, point) || !point.SequenceEqual(committee.PublicKey))
        {
            return 0;
        }

        for (int j = t; j < committee.Members.Count; j++)
        {
            GenesisProverCommitteeMember member = committee.Members[j];
            if (!Interpolate(committee, basis, member.Index, point) || !point.SequenceEqual(member.PublicShare))
            {
                return member.Index;
            }
        }

        return null;
    }

    private static bool Interpolate(GenesisProverCommittee committee, int[] basis, int x, Span<byte> result)
    {
        Span<byte> term = stackalloc byte[Secp256k1.PublicKeyLength];
        Span<byte> sum = stackalloc byte[Secp256k1.PublicKeyLength];
        Span<byte> scalar = stackalloc byte[32];
        bool any = false;
        for (int i = 0; i < basis.Length; i++)
        {
            BigInteger lambda = Lagrange(basis, i, x);
            if (lambda.IsZero)
            {
                continue;
            }

            scalar.Clear();
            lambda.TryWriteBytes(scalar[(32 - lambda.GetByteCount(isUnsigned: true))..], out _, isUnsigned: true, isBigEndian: true);
            if (!Secp256k1.TryMultiply(committee.Members[i].PublicShare, scalar, term))
            {
                return false;
            }

            if (!any)
            {
                term.CopyTo(sum);
                any = true;
            }
            else if (!Secp256k1.TryAdd(sum, term, sum))
            {
                // Only when the partial sum is the point at infinity, which a consistent committee never produces here.
                return false;
            }
        }

        sum.CopyTo(result);
        return any;
    }

    private static BigInteger Lagrange(int[] basis, int i, int x)
    {
        BigInteger numerator = BigInteger.One;
        BigInteger denominator = BigInteger.One;
        for (int m = 0; m < basis.Length; m++)
        {
            if (m != i)
            {
                numerator = Mod(numerator * (x - basis[m]));
                denominator = Mod(denominator * (basis[i] - basis[m]));
            }
        }

        return Mod(numerator * BigInteger.ModPow(denominator, Order - 2, Order));
    }

    private static BigInteger Mod(BigInteger value)
    {
        BigInteger r = value % Order;
        return r.Sign < 0 ? r + Order : r;
    }
}
