using System.Numerics;

namespace TrustChain.Biometrics.Simulation;

/// <summary>
/// xoshiro256** 1.0 (Blackman &amp; Vigna, https://prng.di.unimi.it/), seeded by expanding a 64-bit seed with
/// SplitMix64 as the authors recommend. Used instead of System.Random because its algorithm is specified, so a
/// seed reproduces the same synthetic population on every runtime. Not cryptographic.
/// </summary>
public sealed class Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Xoshiro256StarStar(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>Starts from an explicit state (not all zero), e.g. to check against the reference implementation's outputs.</summary>
    public static Xoshiro256StarStar FromState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("The all-zero state is a fixed point of xoshiro256**.");
        }

        var rng = new Xoshiro256StarStar(0);
        rng._s0 = s0;
        rng._s1 = s1;
        rng._s2 = s2;
        rng._s3 = s3;
        return rng;
    }

    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform integer in [0, bound) by Lemire's multiply-shift with rejection (no modulo bias).</summary>
    public ulong NextBelow(ulong bound)
    {
        if (bound == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), "Bound must be positive.");
        }

        ulong threshold = (0 - bound) % bound;
        while (true)
        {
            ulong high = Math.BigMul(NextUInt64(), bound, out ulong low);
            if (low >= threshold)
            {
                return high;
            }
        }
    }

    /// <summary>The SplitMix64 step; also used to derive independent sub-seeds from structured ids.</summary>
    public static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Mixes several ids into one seed so streams for (seed, person, scan) do not overlap in practice.</summary>
    public static ulong DeriveSeed(ulong seed, ulong a, ulong b = 0, ulong c = 0)
    {
        ulong state = seed;
        ulong h = SplitMix64(ref state);
        state = h ^ a;
        h = SplitMix64(ref state);
        state = h ^ b;
        h = SplitMix64(ref state);
        state = h ^ c;
        return SplitMix64(ref state);
    }
}
