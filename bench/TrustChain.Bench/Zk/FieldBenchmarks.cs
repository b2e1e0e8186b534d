using BenchmarkDotNet.Attributes;
using TrustChain.Zk.Bn254;

namespace TrustChain.Bench.Zk;

/// <summary>One field operation per call; the inputs are random fixed values, the result is returned so it is kept.</summary>
public class FieldBenchmarks
{
    private Fq _fqA, _fqB;
    private Fr _frA, _frB;
    private Fq2 _fq2A, _fq2B;
    private Fq12 _fq12A, _fq12B;

    [GlobalSetup]
    public void Setup()
    {
        Random random = new(1);
        _fqA = Fq.FromRandom(random);
        _fqB = Fq.FromRandom(random);
        _frA = Fr.FromRandom(random);
        _frB = Fr.FromRandom(random);
        _fq2A = new Fq2(Fq.FromRandom(random), Fq.FromRandom(random));
        _fq2B = new Fq2(Fq.FromRandom(random), Fq.FromRandom(random));
        _fq12A = Pairing.Pair(G1Affine.Generator, G2Affine.Generator);
        _fq12B = _fq12A.Square();
    }

    [Benchmark]
    public Fq FqMul() => _fqA * _fqB;

    [Benchmark]
    public Fr FrMul() => _frA * _frB;

    [Benchmark]
    public Fq FqSquare() => _fqA.Square();

    [Benchmark]
    public Fr FrSquare() => _frA.Square();

    [Benchmark]
    public Fq FqInverse() => _fqA.Inverse();

    [Benchmark]
    public Fq2 Fq2Mul() => _fq2A * _fq2B;

    [Benchmark]
    public Fq12 Fq12Mul() => _fq12A * _fq12B;

    [Benchmark]
    public Fq12 Fq12CyclotomicSquare() => _fq12A.CyclotomicSquare();
}
