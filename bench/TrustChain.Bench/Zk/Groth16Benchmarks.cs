using BenchmarkDotNet.Attributes;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Groth16;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Bench.Zk;

/// <summary>
/// Groth16 prove (rapidsnark mode) and verify for a snarkjs .zkey and .wtns named by the environment variables
/// TRUSTCHAIN_BENCH_ZKEY and TRUSTCHAIN_BENCH_WTNS (bench/run-zk.sh makes a Semaphore depth-20 pair).
/// </summary>
public class Groth16Benchmarks
{
    private ZkeyFile _zkey = null!;
    private Fr[] _witness = [];
    private VerificationKey _vk = null!;
    private Groth16Proof _proof = null!;
    private Fr[] _public = [];

    [GlobalSetup]
    public void Setup()
    {
        string zkey = Environment.GetEnvironmentVariable("TRUSTCHAIN_BENCH_ZKEY")
            ?? throw new InvalidOperationException("Set TRUSTCHAIN_BENCH_ZKEY to a snarkjs .zkey (see bench/run-zk.sh).");
        string wtns = Environment.GetEnvironmentVariable("TRUSTCHAIN_BENCH_WTNS")
            ?? throw new InvalidOperationException("Set TRUSTCHAIN_BENCH_WTNS to a .wtns for that circuit.");
        _zkey = ZkeyFile.ReadFile(zkey);
        _witness = WtnsFile.ReadFile(wtns);
        _vk = _zkey.VerificationKey;
        (_proof, _public) = Groth16Prover.Prove(_zkey, _witness);
    }

    [Benchmark]
    public Groth16Proof Prove() => Groth16Prover.Prove(_zkey, _witness).Proof;

    [Benchmark]
    public bool Verify() => Groth16Verifier.Verify(_vk, _proof, _public);
}
