using BenchmarkDotNet.Attributes;
using TrustChain.Zk.Bn254;
using PoseidonHash = TrustChain.Zk.Poseidon.Poseidon;

namespace TrustChain.Bench.Zk;

/// <summary>Poseidon with two inputs: one hash, and 1,024 hashes through the AVX-512 batch path.</summary>
public class PoseidonBenchmarks
{
    private const int Batch = 1024;
    private readonly Fr[] _left = new Fr[Batch];
    private readonly Fr[] _right = new Fr[Batch];
    private readonly Fr[] _output = new Fr[Batch];

    [GlobalSetup]
    public void Setup()
    {
        Random random = new(4);
        for (int i = 0; i < Batch; i++)
        {
            _left[i] = Fr.FromRandom(random);
            _right[i] = Fr.FromRandom(random);
        }
    }

    [Benchmark]
    public Fr Hash2() => PoseidonHash.Hash2(_left[0], _right[0]);

    [Benchmark(OperationsPerInvoke = Batch)]
    public Fr Hash2Many()
    {
        PoseidonHash.Hash2Many(_left, _right, _output);
        return _output[0];
    }
}
