using BenchmarkDotNet.Attributes;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;

namespace TrustChain.Bench.Core;

[MemoryDiagnoser]
public class EcRecoverBenchmarks
{
    private Hash256 _message;
    private EcdsaSignature _signature;

    [GlobalSetup]
    public void Setup()
    {
        _message = Keccak256.Compute("trustchain"u8);
        _signature = SampleTransactions.DevKey.Sign(_message);
    }

    [Benchmark]
    public Address? EcRecover() => Ecdsa.EcRecover(_message, _signature);

    [Benchmark]
    public EcdsaSignature Sign() => SampleTransactions.DevKey.Sign(_message);
}
