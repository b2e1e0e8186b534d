using System.Diagnostics;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Groth16;
using TrustChain.Zk.LeanImt;
using TrustChain.Zk.Snarkjs;
using PoseidonHash = TrustChain.Zk.Poseidon.Poseidon;

namespace TrustChain.Bench.Zk;

/// <summary>
/// Wall-clock measurements of the ZK engine for the side-by-side run with the JavaScript peers (BenchmarkDotNet is too
/// slow for seconds-long operations such as a 2^20 LeanIMT build). Each figure is the best of several repetitions
/// after a warm-up, which is the fairest single number on a machine shared with other builds.
/// </summary>
public static class ZkMeasurements
{
    /// <summary>Nanoseconds per dependent F_q multiplication (a chain, so latency rather than throughput).</summary>
    public static double FqMulNs(int iterations = 2_000_000)
    {
        Random random = new(1);
        Fq x = Fq.FromRandom(random), y = Fq.FromRandom(random);
        return BestNsPerOp(iterations, n =>
        {
            Fq acc = x;
            for (int i = 0; i < n; i++)
            {
                acc *= y;
            }

            return acc.IsZero ? 1 : 0;
        });
    }

    public static double FrMulNs(int iterations = 2_000_000)
    {
        Random random = new(2);
        Fr x = Fr.FromRandom(random), y = Fr.FromRandom(random);
        return BestNsPerOp(iterations, n =>
        {
            Fr acc = x;
            for (int i = 0; i < n; i++)
            {
                acc *= y;
            }

            return acc.IsZero ? 1 : 0;
        });
    }

    public static double Fq2MulNs(int iterations = 500_000)
    {
        Random random = new(3);
        Fq2 x = new(Fq.FromRandom(random), Fq.FromRandom(random)), y = new(Fq.FromRandom(random), Fq.FromRandom(random));
        return BestNsPerOp(iterations, n =>
        {
            Fq2 acc = x;
            for (int i = 0; i < n; i++)
            {
                acc *= y;
            }

            return acc.IsZero ? 1 : 0;
        });
    }

    public static double Fq12MulNs(int iterations = 20_000)
    {
        Fq12 x = Pairing.Pair(G1Affine.Generator, G2Affine.Generator);
        Fq12 y = x * x;
        return BestNsPerOp(iterations, n =>
        {
            Fq12 acc = x;
            for (int i = 0; i < n; i++)
            {
                acc *= y;
            }

            return acc.IsZero ? 1 : 0;
        });
    }

    /// <summary>Milliseconds for e(P1,Q1)·…·e(P4,Q4) = 1 with unprepared G2 points (the EIP-197 shape).</summary>
    public static double PairingCheck4Ms(int repetitions = 20)
    {
        // e(aG, bH)·e(−abG, H)·e(cG, dH)·e(−cdG, H) = 1, so the check also confirms the arithmetic.
        Fr a = Fr.FromUInt64(12345), b = Fr.FromUInt64(67890), c = Fr.FromUInt64(424242), d = Fr.FromUInt64(99);
        G1Affine g = G1Affine.Generator;
        G2Affine h = G2Affine.Generator;
        G1Affine[] p = [g.Multiply(a).ToAffine(), g.Multiply(-(a * b)).ToAffine(), g.Multiply(c).ToAffine(), g.Multiply(-(c * d)).ToAffine()];
        G2Affine[] q = [h.Multiply(b).ToAffine(), h, h.Multiply(d).ToAffine(), h];
        if (!Pairing.PairingCheck(p, q))
        {
            throw new InvalidOperationException("Pairing check of a balanced product failed.");
        }

        return BestMs(repetitions, () => Pairing.PairingCheck(p, q));
    }

    public static double G1MulUs(int repetitions = 200)
    {
        Fr s = Fr.FromRandom(new Random(4));
        G1Jacobian g = G1Affine.Generator.ToJacobian();
        return BestMs(repetitions, () => g.Multiply(s).IsInfinity) * 1000;
    }

    public static double G2MulUs(int repetitions = 100)
    {
        Fr s = Fr.FromRandom(new Random(5));
        G2Affine h = G2Affine.Generator;
        return BestMs(repetitions, () => h.Multiply(s).IsInfinity) * 1000;
    }

    /// <summary>Poseidon(2) hashes per second on one thread.</summary>
    public static double Poseidon2PerSecond(int hashes = 100_000)
    {
        Random random = new(6);
        Fr x = Fr.FromRandom(random), y = Fr.FromRandom(random);
        double ns = BestNsPerOp(hashes, n =>
        {
            Fr acc = x;
            for (int i = 0; i < n; i++)
            {
                acc = PoseidonHash.Hash2(acc, y);
            }

            return acc.IsZero ? 1 : 0;
        }, repetitions: 3);
        return 1e9 / ns;
    }

    /// <summary>Poseidon(2) hashes per second on one thread through <see cref="PoseidonHash.Hash2Many"/> (AVX-512 lanes).</summary>
    public static double Poseidon2BatchPerSecond(int batch = 4096)
    {
        Random random = new(9);
        Fr[] left = new Fr[batch], right = new Fr[batch], output = new Fr[batch];
        for (int i = 0; i < batch; i++)
        {
            left[i] = Fr.FromRandom(random);
            right[i] = Fr.FromRandom(random);
        }

        double ns = BestNsPerOp(batch, n =>
        {
            PoseidonHash.Hash2Many(left.AsSpan(0, n), right.AsSpan(0, n), output.AsSpan(0, n));
            return output[0].IsZero ? 1 : 0;
        }, repetitions: 3);
        return 1e9 / ns;
    }

    /// <summary>
    /// Wall-clock and process-CPU seconds to build a LeanIMT of 2^<paramref name="log2Leaves"/> leaves 1..n with one
    /// InsertMany (it hashes large levels on all cores).
    /// </summary>
    public static (double Seconds, double CpuSeconds, string Root) LeanImtBuild(int log2Leaves)
    {
        Fr[] leaves = new Fr[1 << log2Leaves];
        for (int i = 0; i < leaves.Length; i++)
        {
            leaves[i] = Fr.FromUInt64((ulong)i + 1);
        }

        LeanImtTree tree = new();
        using Process process = Process.GetCurrentProcess();
        TimeSpan cpuStart = process.TotalProcessorTime;
        Stopwatch sw = Stopwatch.StartNew();
        tree.InsertMany(leaves);
        sw.Stop();
        process.Refresh();
        return (sw.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpuStart).TotalSeconds, tree.Root.ToString());
    }

    public static double MsmG1Ms(int log2Points, int repetitions = 3)
    {
        int n = 1 << log2Points;
        Random random = new(7);
        G1Affine[] points = new G1Affine[n];
        Fr[] scalars = new Fr[n];
        G1Jacobian p = G1Affine.Generator.Multiply(Fr.FromRandom(random));
        G1Jacobian step = G1Affine.Generator.Multiply(Fr.FromRandom(random));
        for (int i = 0; i < n; i++)
        {
            points[i] = p.ToAffine();
            p = p.Add(step);
            scalars[i] = Fr.FromRandom(random);
        }

        return BestWallMs(repetitions, () => Msm.Compute(points, scalars).IsInfinity);
    }

    public static double NttMs(int log2Size, int repetitions = 5)
    {
        Random random = new(8);
        Fr[] values = new Fr[1 << log2Size];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Fr.FromRandom(random);
        }

        return BestMs(repetitions, () =>
        {
            Ntt.Forward(values);
            return values[0].IsZero;
        });
    }

    /// <summary>Groth16 prove from a snarkjs .zkey and .wtns (files read once, outside the timing) and verify of the result.</summary>
    public static (double ProveMs, double ProveCpuMs, double VerifyMs) Groth16(string zkeyPath, string wtnsPath, int proveRepetitions = 10, int verifyRepetitions = 20)
    {
        ZkeyFile zkey = ZkeyFile.ReadFile(zkeyPath);
        Fr[] witness = WtnsFile.ReadFile(wtnsPath);
        VerificationKey vk = zkey.VerificationKey;
        (Groth16Proof proof, Fr[] publicSignals) = Groth16Prover.Prove(zkey, witness);
        if (!Groth16Verifier.Verify(vk, proof, publicSignals))
        {
            throw new InvalidOperationException("Our own proof did not verify.");
        }

        // Best wall time and, separately, best process CPU time (both cores): on a shared machine the wall clock of a
        // two-thread job mostly measures the other processes, the CPU time much less so.
        double prove = double.MaxValue, proveCpu = double.MaxValue;
        for (int r = 0; r < proveRepetitions; r++)
        {
            TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            Groth16Prover.Prove(zkey, witness);
            prove = Math.Min(prove, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            proveCpu = Math.Min(proveCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds);
        }

        double verify = BestMs(verifyRepetitions, () => Groth16Verifier.Verify(vk, proof, publicSignals));
        return (prove, proveCpu, verify);
    }

    /// <summary>The 1-minute load average, recorded next to every figure because the machine is shared.</summary>
    public static string LoadAverage()
    {
        try
        {
            string text = File.ReadAllText("/proc/loadavg");
            return text.Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static double BestNsPerOp(int iterations, Func<int, int> body, int repetitions = 5)
    {
        body(iterations / 10);
        double best = double.MaxValue;
        for (int r = 0; r < repetitions; r++)
        {
            long start = ThreadCpuClock.NowNs();
            body(iterations);
            double ns = (ThreadCpuClock.NowNs() - start) / (double)iterations;
            best = Math.Min(best, ns);
        }

        return best;
    }

    /// <summary>Best single-thread CPU time of a repeated operation.</summary>
    private static double BestMs(int repetitions, Func<bool> body)
    {
        body();
        double best = double.MaxValue;
        for (int r = 0; r < repetitions; r++)
        {
            long start = ThreadCpuClock.NowNs();
            body();
            best = Math.Min(best, (ThreadCpuClock.NowNs() - start) / 1e6);
        }

        return best;
    }

    /// <summary>Best wall-clock time, for operations that use several threads.</summary>
    private static double BestWallMs(int repetitions, Func<bool> body)
    {
        body();
        double best = double.MaxValue;
        for (int r = 0; r < repetitions; r++)
        {
            long start = Stopwatch.GetTimestamp();
            body();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return best;
    }
}
