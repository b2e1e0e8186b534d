using BenchmarkDotNet.Running;

namespace TrustChain.Bench;

/// <summary>
/// Entry point for the micro-benchmarks: <c>dotnet run -c Release --project bench/TrustChain.Bench -- --filter '*Keccak*'</c>.
/// Load generators that compare the node with its JavaScript peers live beside this project under bench/load.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
