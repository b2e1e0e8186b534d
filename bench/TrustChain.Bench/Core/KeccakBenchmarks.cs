using BenchmarkDotNet.Attributes;
using TrustChain.Core.Crypto;

namespace TrustChain.Bench.Core;

[MemoryDiagnoser]
public class KeccakBenchmarks
{
    private byte[] _input = [];

    // 32 and 64 bytes are the state-tree and address-hash sizes; 1 KiB is a typical transaction.
    [Params(32, 64, 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = new byte[Size];
        new Random(1).NextBytes(_input);
    }

    [Benchmark]
    public void Compute()
    {
        Span<byte> output = stackalloc byte[32];
        Keccak256.Compute(_input, output);
    }
}
