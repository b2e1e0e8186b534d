using System.Diagnostics;
using TrustChain.Bench.Cli;
using TrustChain.Biometrics.Lsh;
using TrustChain.Biometrics.Oprf;
using TrustChain.Biometrics.Simulation;
using TrustChain.Chain.Specs;
using TrustChain.Core;
using TrustChain.Node.Prover;
using TrustChain.Node.Tx;
using TrustChain.Rpc.Modules.Prover;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Bench.Palm;

/// <summary>
/// <c>inprocess palm</c> (issue 7's performance items), on SYNTHETIC scans over real JSON-RPC (loopback):
/// enrolment latency scan → fuzzy extractor → the genesis palmBands (224) OPRF tags from 2-of-3 provers (DLEQ-checked) → matchPalm → enroll
/// committed (p50/p99); a prover's OPRF evaluations/s (evaluation + DLEQ proof, one core); prover_verifyHumanProof
/// proofs/s on a valid native depth-2 proof (--zkey, default the test fixture), one client.
/// </summary>
public static class PalmBenchCommand
{
    public static async Task<int> RunAsync(CommandArgs args)
    {
        int people = args.GetInt("people", 100, 2, 10_000);
        int evaluations = args.GetInt("evaluations", 2_000, 10, 1_000_000);
        int seconds = args.GetInt("seconds", 10, 1, 600);
        string genesis = args.GetString("genesis", Path.Combine(AppContext.BaseDirectory, "genesis.json"));
        string zkey = args.GetString("zkey", Path.Combine(FindRepoRoot(), "tests", "TrustChain.Node.Tests", "Prover", "Fixtures", "semaphore-2.zkey"));
        args.EnsureAllUsed();

        ChainParameters parameters = ChainSpec.Load(genesis).Parameters;
        MeasureOprf(parameters, Math.Min(evaluations, 200), print: false);
        MeasureOprf(parameters, evaluations, print: true);
        await MeasureEnrolment(genesis, people);
        await MeasureVerification(genesis, zkey, seconds);
        return 0;
    }

    private static void MeasureOprf(ChainParameters parameters, int count, bool print)
    {
        OprfServer server = new(ShamirDealer.Deal(2, 3).Shares[0]);
        byte[][] blinded = Enumerable.Range(0, count)
            .Select(i => OprfClient.Blind(new BandInput(i % parameters.PalmBands, parameters.PalmBandBits, (ulong)i)).BlindedElement).ToArray();
        Stopwatch watch = Stopwatch.StartNew();
        foreach (byte[] element in blinded)
        {
            server.Evaluate(element);
        }

        if (print)
        {
            Console.WriteLine($"palm OPRF: {count} evaluations with DLEQ proofs in {watch.ElapsedMilliseconds} ms = {count / watch.Elapsed.TotalSeconds:0} evaluations/s (one core)");
        }
    }

    private static async Task MeasureEnrolment(string genesis, int people)
    {
        await using PalmNetwork network = await PalmNetwork.StartAsync(genesis, new ProverOptions { RatePerSecond = 1_000_000, Burst = 1_000_000 });
        using JsonRpcClient rpc = new(network.ChainUri);
        PalmEnroller enroller = network.Enroller(rpc, out List<ProverClient> clients);
        PalmSimulator simulator = new(new PalmSimulatorOptions { Seed = 4242 });
        List<double> latencies = new(people);
        List<double> tagging = new(people);
        for (ulong person = 0; person < (ulong)people; person++)
        {
            Biometrics.Templates.PalmTemplate scan = simulator.Scan(person, 0);
            Stopwatch watch = Stopwatch.StartNew();
            await enroller.TagsAsync(scan);
            tagging.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await enroller.EnrollAsync(scan, TimeSpan.FromSeconds(30));
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }

        clients.ForEach(c => c.Dispose());
        Console.WriteLine($"palm enrolment (SYNTHETIC, {people} people, scan -> {network.Spec.Parameters.PalmBands} tags from 2 of 3 provers -> matchPalm -> enroll committed, dev blocks sealed on arrival):");
        Console.WriteLine($"  end to end p50 {Percentile(latencies, 0.5):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms; OPRF tags alone p50 {Percentile(tagging, 0.5):0.0} ms, p99 {Percentile(tagging, 0.99):0.0} ms");
    }

    private static async Task MeasureVerification(string genesis, string zkeyPath, int seconds)
    {
        if (!File.Exists(zkeyPath))
        {
            Console.WriteLine($"palm verifyHumanProof: skipped (no native depth-2 zkey at {zkeyPath})");
            return;
        }

        await using PalmNetwork network = await PalmNetwork.StartAsync(genesis, new ProverOptions { ZkeyDirectory = Path.GetDirectoryName(zkeyPath) },
            ZkeyFile.ReadFile(zkeyPath).VerificationKey, 2);
        using JsonRpcClient rpc = new(network.ChainUri);
        PalmEnroller enroller = network.Enroller(rpc, out List<ProverClient> clients);
        PalmEnrollment person = await enroller.EnrollAsync(new PalmSimulator(new PalmSimulatorOptions { Seed = 9 }).Scan(1, 0), TimeSpan.FromSeconds(30));
        ProverMembershipProof proof = await clients[1].ProveMembershipAsync(new ProverMembershipRequest(person.Candidate.IdentitySecret, (UInt256)1UL, (UInt256)2UL));
        int count = 0;
        Stopwatch watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            ProverVerification verdict = await clients[1].VerifyHumanProofAsync(proof.Proof);
            if (!verdict.Valid)
            {
                throw new InvalidOperationException("the benchmark proof did not verify: " + verdict.Reason);
            }

            count++;
        }

        clients.ForEach(c => c.Dispose());
        Console.WriteLine($"palm prover_verifyHumanProof: {count} valid proofs in {watch.Elapsed.TotalSeconds:0.0} s = {count / watch.Elapsed.TotalSeconds:0.0} proofs/s (one client, Groth16 + signed verdict)");
    }

    private static double Percentile(List<double> values, double p)
    {
        double[] sorted = [.. values.Order()];
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static string FindRepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrustChain.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
