using System.Globalization;
using System.Text.Json;
using TrustChain.Bench.Cli;

namespace TrustChain.Bench.Zk;

/// <summary>
/// <c>zk run [--zkey F --wtns F] [--imt-log2 16] [--skip-slow true] [--prove-parts true]</c>: the ZK engine's figures as
/// one JSON object, in
/// the same shape as bench/zk-peers/zk-peers.mjs so bench/run-zk.sh can print ratios. Single-threaded kernels are
/// CPU time of the measuring thread; Groth16 prove, MSM and the LeanIMT build use both cores and are wall-clock.
/// </summary>
public static class ZkCommand
{
    public static int Run(CommandArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? zkey = args.GetOptionalString("zkey");
        string? wtns = args.GetOptionalString("wtns");
        int imtLog2 = args.GetInt("imt-log2", 16, 4, 22);
        bool skipSlow = args.GetString("skip-slow", "false") == "true";
        bool proveParts = args.GetString("prove-parts", "false") == "true";
        args.EnsureAllUsed();
        if ((zkey is null) != (wtns is null))
        {
            throw new BenchUsageException("--zkey and --wtns go together");
        }

        if (proveParts)
        {
            // Only the per-part CPU breakdown of a prove, so that it can be repeated quickly (and profiled).
            if (zkey is null || wtns is null)
            {
                throw new BenchUsageException("--prove-parts needs --zkey and --wtns");
            }

            Console.WriteLine(JsonSerializer.Serialize(ProveParts.Measure(zkey, wtns), new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }

        Dictionary<string, object> result = new(StringComparer.Ordinal)
        {
            ["loadStart"] = Load(),
            ["threadCpuClock"] = ThreadCpuClock.IsThreadTime,
            ["fqMulNs"] = ZkMeasurements.FqMulNs(),
            ["frMulNs"] = ZkMeasurements.FrMulNs(),
            ["fq2MulNs"] = ZkMeasurements.Fq2MulNs(),
            ["fq12MulNs"] = ZkMeasurements.Fq12MulNs(),
            ["g1MulUs"] = ZkMeasurements.G1MulUs(),
            ["g2MulUs"] = ZkMeasurements.G2MulUs(),
            ["pairingCheck4Ms"] = ZkMeasurements.PairingCheck4Ms(),
            ["poseidon2PerSecond"] = ZkMeasurements.Poseidon2PerSecond(),
            ["poseidon2BatchPerSecond"] = ZkMeasurements.Poseidon2BatchPerSecond(),
            ["ntt14Ms"] = ZkMeasurements.NttMs(14),
            ["kernelsLoad"] = Load(),
        };

        if (!skipSlow)
        {
            result["msm13Ms"] = ZkMeasurements.MsmG1Ms(13);
            result["msm16Ms"] = ZkMeasurements.MsmG1Ms(16);
            result["msmLoad"] = Load();
        }

        if (zkey is not null && wtns is not null)
        {
            (double prove, double proveCpu, double verify) = ZkMeasurements.Groth16(zkey, wtns);
            result["groth16ProveMs"] = prove;
            result["groth16ProveCpuMs"] = proveCpu;
            result["groth16VerifyMs"] = verify;
            result["groth16Load"] = Load();
        }

        (double seconds, double cpuSeconds, string root) = ZkMeasurements.LeanImtBuild(imtLog2);
        result["leanImtLog2"] = imtLog2;
        result["leanImtSeconds"] = seconds;
        result["leanImtCpuSeconds"] = cpuSeconds;
        result["leanImtRoot"] = root;
        result["leanImtLoad"] = Load();

        Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private static double Load() =>
        double.TryParse(ZkMeasurements.LoadAverage(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : -1;
}
