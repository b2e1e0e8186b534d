using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using TrustChain.Bench.InProcess;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Core.Transactions;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Groth16;
using TrustChain.Zk.LeanImt;
using TrustChain.Zk.Semaphore;

namespace TrustChain.Bench.Registries;

/// <summary>
/// verifyHuman throughput on a <see cref="HumanChain"/>. Official-key proofs: one identity is enrolled, its Merkle proof
/// from the registry goes to tests/interop/human/prove.mjs (@semaphore-protocol/proof with the official
/// @zk-kit/semaphore-artifacts), one proof per scope (distinct nullifiers); they are then checked sequentially
/// (<see cref="HumanRegistryState.CheckProof"/> with an empty pre-pass cache, one core) and as one block of verifyHuman
/// transactions (parallel pre-pass + sequential execution + commit). TrustChain-key proofs: only the published depth-16
/// vector proof exists (it passes only the registered vector key, so it pays the failed official check first), so its
/// Groth16 cost is measured on the keys alone, sequentially and on all cores.
/// </summary>
public static class HumanVerifyBench
{
    private const int VectorDepth = 16;
    private const int WarmUpProofs = 20;
    private const string IdentitySecret = "trustchain-bench-human";
    private static readonly Address ProverAccount = Address.Parse("0x00000000000000000000000000000000c0ffee01");

    /// <summary>The keys a verify bench chain installs: the official ones plus the published vector's key at depth 16.</summary>
    public static HumanVerificationKeys Keys()
    {
        HumanVerificationKeys keys = new();
        keys.Register(VectorDepth, VerificationKey.FromJson(Vector().RootElement.GetProperty("snarkjs").GetProperty("verificationKey")));
        return keys;
    }

    public static void Run(HumanChain chain, int count)
    {
        ArgumentNullException.ThrowIfNull(chain);
        SemaphoreIdentity identity = new(IdentitySecret);
        UInt256 commitment = new(identity.Commitment.ToBytesBigEndian());
        chain.Run([chain.SignEnrolment(commitment, 4)], 1);
        HumanRegistryState human = chain.Registry;
        LeanImtProof merkle = human.GetMerkleProof(chain.Chain.HeadState, commitment)
            ?? throw new InvalidOperationException("the bench identity is not a live member after enrolling it");
        int depth = Math.Max(1, human.GetDepth(chain.Chain.HeadState));

        // A first verifyHuman block right after the bulk load pays the JIT and competes with the load's compactions;
        // an untimed warm-up block of its own proofs (other scopes) keeps both out of the timed block.
        int warmUp = Math.Min(count, WarmUpProofs);
        Console.WriteLine($"inprocess human: generating {count} + {warmUp} (warm-up) official-key depth-{depth} proofs with @semaphore-protocol/proof (not timed)");
        Stopwatch prove = Stopwatch.StartNew();
        (HumanProof[] allProofs, byte[][] allCalldata) = Prove(merkle, depth, count + warmUp);
        Console.WriteLine($"  generated in {prove.Elapsed.TotalSeconds:0.0} s");
        chain.Run(chain.SignCalls(allCalldata[count..], human.Parameters.VerificationFee, 1_000_000), warmUp);
        HumanProof[] proofs = allProofs[..count];
        byte[][] calldata = allCalldata[..count];

        ulong next = chain.Chain.Head.Number + 1;
        TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        long t0 = Stopwatch.GetTimestamp();
        foreach (HumanProof proof in proofs)
        {
            human.VerificationKeys.Cache.Clear();
            if (human.CheckProof(chain.Chain.HeadState, proof, next) is { } reason)
            {
                throw new InvalidOperationException($"an official-key proof was rejected: {reason}");
            }
        }

        TimeSpan sequential = Stopwatch.GetElapsedTime(t0);
        TimeSpan sequentialCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        BlockTimings block = chain.Run(chain.SignCalls(calldata, human.Parameters.VerificationFee, 1_000_000), count);
        foreach (HumanProof proof in proofs)
        {
            if (!human.IsNullifierUsed(chain.Chain.HeadState, proof.Scope, proof.Nullifier))
            {
                throw new InvalidOperationException($"verifyHuman did not record nullifier {proof.Nullifier}");
            }
        }

        Console.WriteLine($"inprocess human verifyHuman (official key, depth {depth}, {count} proofs), load average {LoadAverage()}");
        Console.WriteLine($"  sequential CheckProof: {sequential.TotalMilliseconds:0} ms = {BlockTimings.Rate(count, sequential):0} proofs/s, {sequentialCpu.TotalMilliseconds / count:0.00} CPU-ms/proof");
        RegistryBenchReport.Print("human", "verifyHuman_official", "proofs", count, block, "one block, parallel pre-pass");
        TrustChainKeyKernel(Math.Min(count, 200));
    }

    private static void TrustChainKeyKernel(int count)
    {
        HumanVerificationKeys keys = Keys();
        JsonElement p = Vector().RootElement.GetProperty("semaphoreProof");
        HumanProof proof = new(VectorDepth, Value(p, "merkleTreeRoot"), Value(p, "nullifier"), Value(p, "message"), Value(p, "scope"),
            [.. p.GetProperty("points").EnumerateArray().Select(x => UInt256.Parse(x.GetString()!))]);
        if (!HumanProofInputs.TryPrepare(proof, out int depth, out Groth16Proof? groth16, out Fr[] signals) || !keys.Verify(proof, depth, groth16!, signals))
        {
            throw new InvalidOperationException("the published vector proof does not verify with its registered key");
        }

        TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        long t0 = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++)
        {
            keys.Verify(proof, depth, groth16!, signals);
        }

        TimeSpan sequential = Stopwatch.GetElapsedTime(t0);
        TimeSpan cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
        long t1 = Stopwatch.GetTimestamp();
        Parallel.For(0, count, _ => keys.Verify(proof, depth, groth16!, signals));
        TimeSpan parallel = Stopwatch.GetElapsedTime(t1);
        TimeSpan cpu2 = Process.GetCurrentProcess().TotalProcessorTime;
        Console.WriteLine($"inprocess human TrustChain-key proof (vector, depth {VectorDepth}: failed official check + registered key), {count} checks, load average {LoadAverage()}");
        Console.WriteLine($"  sequential {BlockTimings.Rate(count, sequential):0} proofs/s, parallel {BlockTimings.Rate(count, parallel):0} proofs/s, " +
            $"{(cpu1 - cpu0).TotalMilliseconds / count:0.00} / {(cpu2 - cpu1).TotalMilliseconds / count:0.00} CPU-ms/proof");
    }

    private static (HumanProof[] Proofs, byte[][] Calldata) Prove(LeanImtProof merkle, int depth, int count)
    {
        string interop = Path.Combine(RepoRoot(), "tests", "interop");
        JsonArray scopes = [];
        for (int i = 0; i < count; i++)
        {
            scopes.Add((JsonNode)(1_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        JsonObject request = new()
        {
            ["mode"] = "prove",
            ["privateKey"] = IdentitySecret,
            ["merkleProof"] = new JsonObject
            {
                ["root"] = merkle.Root.ToString(),
                ["leaf"] = merkle.Leaf.ToString(),
                ["index"] = merkle.Index,
                ["siblings"] = new JsonArray([.. merkle.Siblings.Select(x => (JsonNode)x.ToString())]),
            },
            ["message"] = "42",
            ["scopes"] = scopes,
            ["depth"] = depth,
            ["abiPath"] = Path.Combine(RepoRoot(), "node", "TrustChain.Chain", "SystemContracts", "Abi", "HumanRegistry.json"),
            ["prover"] = ProverAccount.ToString(),
        };
        string requestFile = Path.Combine(Path.GetTempPath(), $"trustchain-bench-human-proofs-{Guid.NewGuid():N}.json");
        File.WriteAllText(requestFile, request.ToJsonString());
        try
        {
            ProcessStartInfo start = new("node") { WorkingDirectory = interop, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("--input-type=module");
            start.ArgumentList.Add("-e");
            start.ArgumentList.Add(ProveScript.Replace("REQUEST_FILE", JsonSerializer.Serialize(requestFile), StringComparison.Ordinal));
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"human/prove.mjs failed: {stderr.Result}");
            }

            using JsonDocument result = JsonDocument.Parse(stdout.Result);
            int n = result.RootElement.GetArrayLength();
            HumanProof[] proofs = new HumanProof[n];
            byte[][] calldata = new byte[n][];
            int k = 0;
            foreach (JsonElement item in result.RootElement.EnumerateArray())
            {
                JsonElement proof = item.GetProperty("proof");
                if (!item.GetProperty("validInLibrary").GetBoolean())
                {
                    throw new InvalidOperationException($"@semaphore-protocol/proof rejects its own proof {k}: {proof}");
                }

                proofs[k] = new HumanProof(Value(proof, "merkleTreeDepth"), Value(proof, "merkleTreeRoot"), Value(proof, "nullifier"),
                    Value(proof, "message"), Value(proof, "scope"), [.. proof.GetProperty("points").EnumerateArray().Select(x => UInt256.Parse(x.GetString()!))]);
                calldata[k++] = Convert.FromHexString(item.GetProperty("calldata").GetString()![2..]);
            }

            return (proofs, calldata);
        }
        finally
        {
            File.Delete(requestFile);
        }
    }

    /// <summary>
    /// Like tests/interop/human/prove.mjs, but each proof gets a fresh Merkle proof object: generateProof pads the
    /// siblings array in place, which turns every later proof from the same object into one for a full-depth path.
    /// Resolved from tests/interop (the working directory), so the npm peers and the official artifacts are used.
    /// </summary>
    private const string ProveScript = """
        import fs from "node:fs"
        import path from "node:path"
        import { createRequire } from "node:module"
        import { Identity } from "@semaphore-protocol/identity"
        import { generateProof, verifyProof } from "@semaphore-protocol/proof"
        import { Interface } from "ethers"
        const request = JSON.parse(fs.readFileSync(REQUEST_FILE, "utf8"))
        const require = createRequire(path.join(process.cwd(), "package.json"))
        const artifacts = path.dirname(require.resolve("@zk-kit/semaphore-artifacts/package.json"))
        const identity = new Identity(request.privateKey)
        const abi = new Interface(JSON.parse(fs.readFileSync(request.abiPath, "utf8")))
        const depth = request.depth
        const results = []
        for (const scope of request.scopes) {
            const merkleProof = {
                root: BigInt(request.merkleProof.root),
                leaf: BigInt(request.merkleProof.leaf),
                index: Number(request.merkleProof.index),
                siblings: request.merkleProof.siblings.map(BigInt)
            }
            const proof = await generateProof(identity, merkleProof, BigInt(request.message), BigInt(scope), depth, {
                wasm: path.join(artifacts, `semaphore-${depth}.wasm`),
                zkey: path.join(artifacts, `semaphore-${depth}.zkey`)
            })
            const calldata = abi.encodeFunctionData("verifyHuman", [
                proof.merkleTreeDepth, proof.merkleTreeRoot, proof.nullifier, proof.message, proof.scope, proof.points, request.prover
            ])
            results.push({ proof, validInLibrary: await verifyProof(proof), calldata })
        }
        process.stdout.write(JSON.stringify(results, (_, v) => (typeof v === "bigint" ? v.toString() : v)), () => process.exit(0))
        """;

    private static UInt256 Value(JsonElement e, string name)
    {
        JsonElement v = e.GetProperty(name);
        return v.ValueKind == JsonValueKind.Number ? (UInt256)v.GetUInt64() : UInt256.Parse(v.GetString()!);
    }

    private static JsonDocument Vector() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "tests", "vectors", "semaphore", "semaphore_v4_depth16_vector.json")));

    private static string RepoRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "tests", "interop", "node_modules")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("run from the TrustChain checkout: tests/interop/node_modules was not found above the working directory");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
