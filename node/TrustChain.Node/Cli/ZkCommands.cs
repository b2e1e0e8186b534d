using System.CommandLine;
using System.Diagnostics;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TrustChain.Core;
using TrustChain.Node.Config;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Circuits;
using TrustChain.Zk.Groth16;
using TrustChain.Zk.LeanImt;
using TrustChain.Zk.Semaphore;
using TrustChain.Zk.Setup;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Node.Cli;

/// <summary>
/// `trustchain zk`: the Groth16 toolchain on files, compatible with snarkjs. Native Semaphore v4 circuits are set up
/// over an imported Powers of Tau (setup → contribute… → verify-setup → export-vk), proven from an identity and the
/// group's members (prove --identity-file) or, as rapidsnark does, from any snarkjs .zkey and .wtns
/// (prove --witness), and verified against a verification_key.json or the official Semaphore keys.
/// </summary>
public static class ZkCommands
{
    public static Command Create(CliContext context)
    {
        Command zk = new("zk", "Zero-knowledge toolchain: Semaphore circuit setup, Groth16 proving and verification (snarkjs formats)");
        zk.Subcommands.Add(CreateSetup(context));
        zk.Subcommands.Add(CreateContribute(context));
        zk.Subcommands.Add(CreateVerifySetup(context));
        zk.Subcommands.Add(CreateExportVk(context));
        zk.Subcommands.Add(CreateProve(context));
        zk.Subcommands.Add(CreateVerify(context));
        return zk;
    }

    private static Command CreateSetup(CliContext context)
    {
        Command command = new("setup", "Build the native Semaphore v4 circuit of a depth and start its phase-2 setup from a prepared .ptau");
        Option<int> depth = DepthOption(required: true);
        Option<string> ptau = new("--ptau") { Description = "Prepared Powers of Tau (snarkjs powersoftau prepare phase2 output)", HelpName = "FILE", Required = true };
        Option<string> output = new("--out") { Description = "Output directory (gets semaphore-D.r1cs and semaphore-D_0000.zkey)", HelpName = "DIR", Required = true };
        Add(command, depth, ptau, output);
        command.SetAction(parseResult =>
        {
            int d = CheckDepth(parseResult.GetValue(depth));
            string ptauPath = parseResult.GetValue(ptau)!;
            string dir = parseResult.GetValue(output)!;
            Directory.CreateDirectory(dir);
            Stopwatch watch = Stopwatch.StartNew();
            context.Output.WriteLine($"building the Semaphore circuit, depth {d}...");
            byte[] r1csBytes = new SemaphoreCircuit(d).ToR1csBytes();
            R1csFile r1cs = R1csFile.Read(r1csBytes);
            string r1csPath = Path.Combine(dir, $"semaphore-{d}.r1cs");
            File.WriteAllBytes(r1csPath, r1csBytes);
            context.Output.WriteLine($"  {r1cs.Constraints.Length} constraints, {r1cs.WireCount} wires, {r1cs.PublicCount} public signals, domain 2^{BitOperations.Log2((uint)Phase2Setup.DomainSizeFor(r1cs))} ({watch.ElapsedMilliseconds} ms)");
            context.Output.WriteLine($"reading {ptauPath} and computing the initial proving key...");
            Phase2Zkey zkey = Phase2Setup.NewZkey(r1cs, ReadFile(ptauPath, ".ptau"));
            string zkeyPath = Path.Combine(dir, $"semaphore-{d}_0000.zkey");
            File.WriteAllBytes(zkeyPath, zkey.ToBytes());
            context.Output.WriteLine($"wrote {r1csPath}");
            context.Output.WriteLine($"wrote {zkeyPath} (no contribution yet: run `trustchain zk contribute` at least once before use) in {watch.Elapsed.TotalSeconds:F1} s");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateContribute(CliContext context)
    {
        Command command = new("contribute", "Add a phase-2 contribution to a .zkey (as snarkjs zkey contribute)");
        Option<string> input = new("--zkey") { Description = "The .zkey to contribute to", HelpName = "FILE", Required = true };
        Option<string> output = new("--out") { Description = "Where to write the new .zkey", HelpName = "FILE", Required = true };
        Option<string> name = new("--name") { Description = "Contributor name recorded in the key" };
        Option<string> entropyFile = new("--entropy-file")
        {
            Description = "File with at least 32 bytes of secret entropy (default: the OS CSPRNG); the same entropy gives the same contribution",
            HelpName = "FILE",
        };
        Add(command, input, output, name, entropyFile);
        command.SetAction(parseResult =>
        {
            Phase2Zkey zkey = ReadZkey(parseResult.GetValue(input)!);
            byte[] entropy = parseResult.GetValue(entropyFile) is { } path ? ReadFile(path, "entropy") : RandomNumberGenerator.GetBytes(64);
            if (entropy.Length < 32)
            {
                throw new ConfigException($"--entropy-file must hold at least 32 bytes, it has {entropy.Length}.");
            }

            Stopwatch watch = Stopwatch.StartNew();
            Phase2Zkey next = Phase2Setup.Contribute(zkey, entropy, parseResult.GetValue(name));
            CryptographicOperations.ZeroMemory(entropy);
            string outPath = parseResult.GetValue(output)!;
            File.WriteAllBytes(outPath, next.ToBytes());
            Phase2Contribution added = next.Contributions[^1];
            context.Output.WriteLine($"contribution #{next.Contributions.Count}{(added.Name is { } n ? $" \"{n}\"" : "")} hash:");
            context.Output.WriteLine(FormatContributionHash(added.ContributionHash()));
            context.Output.WriteLine($"wrote {outPath} in {watch.Elapsed.TotalSeconds:F1} s");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateVerifySetup(CliContext context)
    {
        Command command = new("verify-setup", "Rebuild a .zkey from the circuit and .ptau and check every contribution (as snarkjs zkey verify)");
        Option<string> zkeyOption = new("--zkey") { HelpName = "FILE", Required = true, Description = "The .zkey to check" };
        Option<string> ptau = new("--ptau") { HelpName = "FILE", Required = true, Description = "The prepared .ptau it was set up from" };
        Option<string> r1csOption = new("--r1cs") { HelpName = "FILE", Description = "Circuit .r1cs (or give --depth for the native Semaphore circuit)" };
        Option<int> depth = DepthOption(required: false);
        Add(command, zkeyOption, ptau, r1csOption, depth);
        command.SetAction(parseResult =>
        {
            string? r1csPath = parseResult.GetValue(r1csOption);
            int d = parseResult.GetValue(depth);
            if ((r1csPath is null) == (d == 0))
            {
                throw new ConfigException("give exactly one of --r1cs FILE or --depth D.");
            }

            R1csFile r1cs = r1csPath is not null ? R1csFile.Read(ReadFile(r1csPath, ".r1cs")) : R1csFile.Read(new SemaphoreCircuit(CheckDepth(d)).ToR1csBytes());
            Phase2Zkey zkey = ReadZkey(parseResult.GetValue(zkeyOption)!);
            Phase2VerificationResult result = Phase2Setup.VerifySetup(r1cs, ReadFile(parseResult.GetValue(ptau)!, ".ptau"), zkey);
            for (int i = 0; i < result.ContributionHashes.Count; i++)
            {
                string label = i < zkey.Contributions.Count && zkey.Contributions[i].Name is { } n ? $" \"{n}\"" : "";
                context.Output.WriteLine($"contribution #{i + 1}{label}:");
                context.Output.WriteLine(FormatContributionHash(result.ContributionHashes[i]));
            }

            if (!result.IsValid)
            {
                context.Error.WriteLine($"INVALID: {result.Failure}");
                return ExitCodes.Failure;
            }

            context.Output.WriteLine(zkey.Contributions.Count == 0
                ? "valid, but no contribution: the key's toxic waste is known (δ = 1); do not use it beyond tests"
                : $"valid: {zkey.Contributions.Count} contribution(s) verified");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateExportVk(CliContext context)
    {
        Command command = new("export-vk", "Write the verification_key.json of a .zkey (as snarkjs zkey export verificationkey)");
        Option<string> zkeyOption = new("--zkey") { HelpName = "FILE", Required = true, Description = "The .zkey" };
        Option<string> output = new("--out") { HelpName = "FILE", Required = true, Description = "Where to write verification_key.json" };
        Add(command, zkeyOption, output);
        command.SetAction(parseResult =>
        {
            ZkeyFile zkey = ReadZkeyFile(parseResult.GetValue(zkeyOption)!);
            string outPath = parseResult.GetValue(output)!;
            File.WriteAllText(outPath, zkey.VerificationKey.ToJson());
            context.Output.WriteLine($"wrote {outPath} ({zkey.VerificationKey.PublicInputCount} public signals)");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateProve(CliContext context)
    {
        Command command = new("prove",
            "Groth16 proof from a .zkey and either a snarkjs .wtns (rapidsnark mode) or a Semaphore identity and the group's members");
        Option<string> zkeyOption = new("--zkey") { HelpName = "FILE", Required = true, Description = "Proving key (.zkey, snarkjs format)" };
        Option<string> witness = new("--witness") { HelpName = "FILE", Description = "Rapidsnark mode: the witness (.wtns, snarkjs format)" };
        Option<string> identityFile = new("--identity-file") { HelpName = "FILE", Description = "Semaphore mode: file with the identity's private key text" };
        Option<string> members = new("--members") { HelpName = "FILE", Description = "Semaphore mode: JSON array of the group's identity commitments (decimal or 0x strings) in order" };
        Option<string> message = new("--message") { Description = "Semaphore mode: the message (a number, or text hashed as Semaphore does)" };
        Option<string> scope = new("--scope") { Description = "Semaphore mode: the scope (a number, or text)" };
        Option<int> depth = DepthOption(required: false);
        Option<string> proofOut = new("--proof") { HelpName = "FILE", Description = "Where to write proof.json", DefaultValueFactory = _ => "proof.json" };
        Option<string> publicOut = new("--public") { HelpName = "FILE", Description = "Where to write public.json", DefaultValueFactory = _ => "public.json" };
        Add(command, zkeyOption, witness, identityFile, members, message, scope, depth, proofOut, publicOut);
        command.SetAction(parseResult =>
        {
            string? wtnsPath = parseResult.GetValue(witness);
            string? idPath = parseResult.GetValue(identityFile);
            if ((wtnsPath is null) == (idPath is null))
            {
                throw new ConfigException("give exactly one of --witness FILE (rapidsnark mode) or --identity-file FILE (Semaphore mode).");
            }

            ZkeyFile zkey = ReadZkeyFile(parseResult.GetValue(zkeyOption)!);
            Fr[] values;
            if (wtnsPath is not null)
            {
                values = WtnsFile.Read(ReadFile(wtnsPath, ".wtns"));
            }
            else
            {
                values = SemaphoreWitnessFromArgs(
                    ReadIdentity(idPath!),
                    ReadMembers(parseResult.GetValue(members) ?? throw new ConfigException("Semaphore mode needs --members FILE.")),
                    parseResult.GetValue(message) ?? throw new ConfigException("Semaphore mode needs --message."),
                    parseResult.GetValue(scope) ?? throw new ConfigException("Semaphore mode needs --scope."),
                    parseResult.GetValue(depth));
            }

            Stopwatch watch = Stopwatch.StartNew();
            (Groth16Proof proof, Fr[] signals) = ProveChecked(zkey, values);
            string proofPath = parseResult.GetValue(proofOut)!;
            string publicPath = parseResult.GetValue(publicOut)!;
            File.WriteAllText(proofPath, proof.ToJson());
            File.WriteAllText(publicPath, PublicSignals.ToJson(signals));
            context.Output.WriteLine($"proved in {watch.ElapsedMilliseconds} ms; wrote {proofPath} and {publicPath}");
            context.Output.WriteLine("points (Semaphore packed order, for verifyHuman):");
            context.Output.WriteLine(JsonSerializer.Serialize(Array.ConvertAll(SemaphoreProof.Pack(proof), p => p.ToString())));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateVerify(CliContext context)
    {
        Command command = new("verify", "Verify a Groth16 proof (as snarkjs groth16 verify); exit 0 when valid, 1 when not");
        Option<string> vk = new("--vk") { HelpName = "FILE", Description = "verification_key.json" };
        Option<int> semaphoreDepth = new("--semaphore-depth") { HelpName = "D", Description = "Use the official Semaphore v4 key of depth D (1-32) instead of --vk" };
        Option<string> proofPath = new("--proof") { HelpName = "FILE", Required = true, Description = "proof.json" };
        Option<string> publicPath = new("--public") { HelpName = "FILE", Required = true, Description = "public.json" };
        Add(command, vk, semaphoreDepth, proofPath, publicPath);
        command.SetAction(parseResult =>
        {
            string? vkPath = parseResult.GetValue(vk);
            int d = parseResult.GetValue(semaphoreDepth);
            if ((vkPath is null) == (d == 0))
            {
                throw new ConfigException("give exactly one of --vk FILE or --semaphore-depth D.");
            }

            VerificationKey key = vkPath is not null ? VerificationKey.FromJson(ReadText(vkPath)) : SemaphoreVerificationKeys.ForDepth(CheckDepth(d));
            Groth16Proof proof = Groth16Proof.FromJson(ReadText(parseResult.GetValue(proofPath)!));
            Fr[] signals = PublicSignals.FromJson(ReadText(parseResult.GetValue(publicPath)!));
            if (signals.Length != key.PublicInputCount)
            {
                throw new ZkFormatException($"the verification key expects {key.PublicInputCount} public signals, the public file has {signals.Length}.");
            }

            bool valid = Groth16Verifier.Verify(key, proof, signals);
            context.Output.WriteLine(valid ? "OK: the proof is valid" : "INVALID: the proof does not verify against this key and these public signals");
            return valid ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static Fr[] SemaphoreWitnessFromArgs(SemaphoreIdentity identity, Fr[] members, string message, string scope, int depth)
    {
        LeanImtTree tree = new();
        tree.InsertMany(members);
        long index = tree.IndexOf(identity.Commitment);
        if (index < 0)
        {
            throw new ConfigException($"the identity's commitment {identity.Commitment} is not among the {members.Length} members.");
        }

        int circuitDepth = depth == 0 ? Math.Max(tree.Depth, 1) : CheckDepth(depth);
        if (tree.Depth > circuitDepth)
        {
            throw new ConfigException($"the group needs depth {tree.Depth}, more than --depth {circuitDepth}.");
        }

        LeanImtProof merkleProof = tree.GenerateProof((ulong)index);
        return SemaphoreWitness.Compute(identity, merkleProof, SemaphoreHash.ToBigInt(message), SemaphoreHash.ToBigInt(scope), circuitDepth).ToArray();
    }

    private static (Groth16Proof Proof, Fr[] Signals) ProveChecked(ZkeyFile zkey, Fr[] witness)
    {
        try
        {
            return Groth16Prover.Prove(zkey, witness);
        }
        catch (ArgumentException e)
        {
            throw new ZkFormatException($"the witness does not fit the proving key ({e.Message}); for a Semaphore key pass the --depth it was set up with.");
        }
    }

    private static SemaphoreIdentity ReadIdentity(string path)
    {
        string text = ReadText(path).Trim();
        if (text.Length == 0)
        {
            throw new ConfigException($"{path} is empty: it must hold the identity's private key.");
        }

        return new SemaphoreIdentity(text);
    }

    private static Fr[] ReadMembers(string path)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(ReadText(path));
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new ConfigException($"{path} must be a JSON array of identity commitments.");
            }

            Fr[] leaves = new Fr[doc.RootElement.GetArrayLength()];
            int i = 0;
            foreach (JsonElement element in doc.RootElement.EnumerateArray())
            {
                string? text = element.ValueKind == JsonValueKind.String ? element.GetString() : element.ValueKind == JsonValueKind.Number ? element.GetRawText() : null;
                if (text is null || !UInt256.TryParse(text, out UInt256 value))
                {
                    throw new ConfigException($"{path}[{i}] must be a commitment as a decimal or 0x string.");
                }

                leaves[i++] = LeanImtTree.ToLeaf(value.ToBigInteger());
            }

            return leaves;
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{path} is not valid JSON: {e.Message}");
        }
        catch (ArgumentException e)
        {
            throw new ConfigException($"{path}: {e.Message}");
        }
    }

    private static Phase2Zkey ReadZkey(string path) => Phase2Zkey.Read(ReadFile(path, ".zkey"));

    private static ZkeyFile ReadZkeyFile(string path) => ZkeyFile.Read(ReadFile(path, ".zkey"));

    private static byte[] ReadFile(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"{what} file not found: {path}");
        }

        return File.ReadAllBytes(path);
    }

    private static string ReadText(string path) => Encoding.UTF8.GetString(ReadFile(path, "input"));

    private static string FormatContributionHash(IReadOnlyList<byte> hash)
    {
        StringBuilder text = new();
        for (int row = 0; row < 4; row++)
        {
            text.Append('\t');
            for (int word = 0; word < 4; word++)
            {
                int offset = (row * 16) + (word * 4);
                for (int b = 0; b < 4 && offset + b < hash.Count; b++)
                {
                    text.Append(hash[offset + b].ToString("x2"));
                }

                text.Append(word < 3 ? ' ' : '\n');
            }
        }

        return text.ToString().TrimEnd('\n');
    }

    private static Option<int> DepthOption(bool required) => new("--depth")
    {
        Description = "Semaphore Merkle tree depth (1-32)",
        HelpName = "D",
        Required = required,
    };

    private static int CheckDepth(int depth) => depth is >= SemaphoreVerificationKeys.MinDepth and <= SemaphoreVerificationKeys.MaxDepth
        ? depth
        : throw new ConfigException($"--depth must be between {SemaphoreVerificationKeys.MinDepth} and {SemaphoreVerificationKeys.MaxDepth}, got {depth}.");

    private static void Add(Command command, params Option[] options)
    {
        foreach (Option option in options)
        {
            command.Options.Add(option);
        }
    }
}
