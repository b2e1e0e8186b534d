using System.Diagnostics;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Groth16;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Bench.Zk;

/// <summary>
/// The parts of one Groth16 prove run one at a time: the quotient evaluations (coefficients and three NTT pairs), the
/// five MSMs and the whole prove. Each figure is the best of several runs of process CPU time (all threads, so the
/// parallel MSMs count fully) with the wall time of that same run; on a shared machine CPU time is the steadier figure.
/// </summary>
public static class ProveParts
{
    public static Dictionary<string, object> Measure(string zkeyPath, string wtnsPath, int repetitions = 10)
    {
        ZkeyFile zkey = ZkeyFile.ReadFile(zkeyPath);
        Fr[] witness = WtnsFile.ReadFile(wtnsPath);
        Fr[] h = Groth16Prover.QuotientEvaluations(zkey, witness);
        Fr[] privateWitness = witness[(zkey.PublicCount + 1)..];
        (string Name, Func<bool> Body)[] parts =
        [
            ("hEvaluations", () => Groth16Prover.QuotientEvaluations(zkey, witness)[0].IsZero),
            ("msmH", () => Msm.Compute(zkey.H, h).IsInfinity),
            ("msmA", () => Msm.Compute(zkey.A, witness).IsInfinity),
            ("msmB1", () => Msm.Compute(zkey.B1, witness).IsInfinity),
            ("msmB2", () => Msm.Compute(zkey.B2, witness).IsInfinity),
            ("msmC", () => Msm.Compute(zkey.C, privateWitness).IsInfinity),
            ("prove", () => Groth16Prover.Prove(zkey, witness).Proof.A.IsInfinity),
        ];

        Dictionary<string, object> result = new(StringComparer.Ordinal);
        foreach ((string name, Func<bool> body) in parts)
        {
            body();
            double bestCpu = double.MaxValue, wallOfBest = 0;
            for (int r = 0; r < repetitions; r++)
            {
                TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
                long start = Stopwatch.GetTimestamp();
                body();
                double wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds;
                if (cpu < bestCpu)
                {
                    bestCpu = cpu;
                    wallOfBest = wall;
                }
            }

            result[name + "CpuMs"] = Math.Round(bestCpu, 1);
            result[name + "WallMs"] = Math.Round(wallOfBest, 1);
        }

        result["load"] = ZkMeasurements.LoadAverage();
        return result;
    }
}
