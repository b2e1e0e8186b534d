using BenchmarkDotNet.Attributes;
using TrustChain.Zk.Bn254;

namespace TrustChain.Bench.Zk;

/// <summary>G1 multi-scalar multiplication with random scalars (both cores) and a forward NTT.</summary>
public class MsmNttBenchmarks
{
    private G1Affine[] _points = [];
    private Fr[] _scalars = [];
    private Fr[] _ntt = [];

    [Params(13, 16)]
    public int Log2Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        int n = 1 << Log2Size;
        Random random = new(3);
        _points = new G1Affine[n];
        _scalars = new Fr[n];
        G1Jacobian p = G1Affine.Generator.Multiply(Fr.FromRandom(random));
        G1Jacobian step = G1Affine.Generator.Multiply(Fr.FromRandom(random));
        for (int i = 0; i < n; i++)
        {
            _points[i] = p.ToAffine();
            p = p.Add(step);
            _scalars[i] = Fr.FromRandom(random);
        }

        _ntt = new Fr[1 << 14];
        for (int i = 0; i < _ntt.Length; i++)
        {
            _ntt[i] = Fr.FromRandom(random);
        }
    }

    [Benchmark]
    public G1Jacobian MsmG1() => Msm.Compute(_points, _scalars);

    /// <summary>Always 2^14 (the parameter only sizes the MSM).</summary>
    [Benchmark]
    public Fr Ntt14()
    {
        Ntt.Forward(_ntt);
        return _ntt[0];
    }
}
