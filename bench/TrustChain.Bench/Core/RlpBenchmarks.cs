using BenchmarkDotNet.Attributes;
using TrustChain.Core.Transactions;

namespace TrustChain.Bench.Core;

/// <summary>RLP through its main consumer: the strict transaction codec.</summary>
[MemoryDiagnoser]
public class RlpBenchmarks
{
    private Transaction _transaction = null!;
    private byte[] _encoded = [];

    [GlobalSetup]
    public void Setup()
    {
        _transaction = SampleTransactions.Eip1559Transfer(7);
        _encoded = TransactionEncoder.Encode(_transaction);
    }

    [Benchmark]
    public byte[] EncodeTransaction() => TransactionEncoder.Encode(_transaction);

    [Benchmark]
    public Transaction DecodeTransaction() => TransactionDecoder.Decode(_encoded);
}
