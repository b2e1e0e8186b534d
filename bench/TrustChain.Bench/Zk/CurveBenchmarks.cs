using BenchmarkDotNet.Attributes;
using TrustChain.Zk.Bn254;

namespace TrustChain.Bench.Zk;

/// <summary>Scalar multiplication with a random 254-bit scalar, and pairings.</summary>
public class CurveBenchmarks
{
    private Fr _scalar;
    private G1Affine[] _p = [];
    private G2Affine[] _q = [];
    private G2Prepared _prepared = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scalar = Fr.FromRandom(new Random(2));
        // e(aG, bH)·e(−abG, H)·e(cG, dH)·e(−cdG, H) = 1: a real four-pair check that succeeds.
        Fr a = Fr.FromUInt64(12345), b = Fr.FromUInt64(67890), c = Fr.FromUInt64(424242), d = Fr.FromUInt64(99);
        G1Affine g = G1Affine.Generator;
        G2Affine h = G2Affine.Generator;
        _p = [g.Multiply(a).ToAffine(), g.Multiply(-(a * b)).ToAffine(), g.Multiply(c).ToAffine(), g.Multiply(-(c * d)).ToAffine()];
        _q = [h.Multiply(b).ToAffine(), h, h.Multiply(d).ToAffine(), h];
        _prepared = new G2Prepared(_q[0]);
    }

    [Benchmark]
    public G1Jacobian G1ScalarMul() => G1Affine.Generator.Multiply(_scalar);

    [Benchmark]
    public G2Jacobian G2ScalarMul() => G2Affine.Generator.Multiply(_scalar);

    [Benchmark]
    public Fq12 Pair() => Pairing.Pair(_p[0], _q[0]);

    [Benchmark]
    public Fq12 MillerLoopPrepared() => Pairing.MillerLoop([_p[0]], [_prepared]);

    [Benchmark]
    public bool PairingCheck4() => Pairing.PairingCheck(_p, _q);
}
