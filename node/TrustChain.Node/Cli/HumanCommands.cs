using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.Config;
using TrustChain.Node.ModelHost;
using TrustChain.Node.Prover;
using TrustChain.Node.Tx;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Circuits;
using TrustChain.Zk.Groth16;
using TrustChain.Zk.LeanImt;
using TrustChain.Zk.Semaphore;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Node.Cli;

/// <summary>
/// `trustchain human new-identity|enroll|prove|verify|delete`: Human ID from the command line against a node's
/// JSON-RPC. Identities are Semaphore v4 keys in files (<see cref="HumanIdentityFile"/>), proofs are Semaphore proof
/// JSON (<see cref="HumanProofFile"/>), results are key=value lines.
/// </summary>
public static class HumanCommands
{
    /// <summary>How many tags --demo-tags derives (between the chain's dedupMatch and maxDedupTags by default).</summary>
    public const int DemoTagCount = 16;

    public static Command Create(CliContext context)
    {
        Command human = new("human", "Human ID: identities, enrolment by an operator, proofs, paid verification and erasure");
        human.Subcommands.Add(CreateNewIdentity(context));
        human.Subcommands.Add(CreateEnroll(context));
        human.Subcommands.Add(CreateProve(context));
        human.Subcommands.Add(CreateVerify(context));
        human.Subcommands.Add(CreateDelete(context));
        human.Subcommands.Add(CreateDevZkey(context));
        return human;
    }

    /// <summary>
    /// Demo dedup tags: keccak256("trustchain-demo-tag" ‖ uint256 commitment ‖ uint32 i), i = 0..count-1. They stand in
    /// for palm LSH tags on a dev chain only: derived from the commitment, they never detect a real duplicate.
    /// </summary>
    public static Hash256[] DemoTags(in UInt256 commitment, int count = DemoTagCount)
    {
        ReadOnlySpan<byte> prefix = "trustchain-demo-tag"u8;
        Span<byte> preimage = stackalloc byte[prefix.Length + 32 + 4];
        prefix.CopyTo(preimage);
        commitment.ToBigEndian(preimage.Slice(prefix.Length, 32));
        Hash256[] tags = new Hash256[count];
        for (int i = 0; i < count; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(preimage[(prefix.Length + 32)..], (uint)i);
            tags[i] = Keccak256.Compute(preimage);
        }

        return tags;
    }

    /// <summary>--scope / --message as Semaphore's JS takes them: a number (decimal or 0x) as is, other text as its UTF-8 bytes (≤ 32).</summary>
    public static UInt256 ParseSignal(string option, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        BigInteger value;
        try
        {
            value = SemaphoreHash.ToBigInt(text);
        }
        catch (ArgumentException e)
        {
            throw new ConfigException($"{option}: {e.Message}");
        }

        return value.Sign >= 0 && value.GetBitLength() <= 256
            ? UInt256.Parse(value.ToString(CultureInfo.InvariantCulture))
            : throw new ConfigException($"{option} must fit in 256 bits (text of at most 32 bytes), got \"{text}\".");
    }

    private static Command CreateNewIdentity(CliContext context)
    {
        Command command = new("new-identity", "Create a Semaphore identity (private key + commitment) in a new file");
        Option<string> output = new("--out") { Description = "File to create (refuses to overwrite)", Required = true, HelpName = "FILE" };
        command.Options.Add(output);
        command.SetAction(parseResult =>
        {
            string path = parseResult.GetValue(output)!;
            SemaphoreIdentity identity = HumanIdentityFile.Create(path);
            context.Output.WriteLine($"identity={path}");
            context.Output.WriteLine($"commitment={identity.Commitment}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateEnroll(CliContext context)
    {
        Command command = new("enroll", "Enrol an identity's commitment as a staked enrolment operator (the sender)");
        Option<string> identityOption = new("--identity") { Description = "Identity file (only its commitment is sent)", Required = true, HelpName = "FILE" };
        Option<string> tagsOption = new("--tags") { Description = "Dedup tags from the palm scan: JSON array or lines of 0x bytes32", HelpName = "FILE" };
        Option<bool> demoTags = new("--demo-tags") { Description = $"DEMO ONLY: {DemoTagCount} tags derived from the commitment instead of a palm scan" };
        RegistryCommandOptions common = new(command);
        command.Options.Add(identityOption);
        command.Options.Add(tagsOption);
        command.Options.Add(demoTags);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            UInt256 commitment = ToUInt256(HumanIdentityFile.Read(parseResult.GetValue(identityOption)!).Commitment);
            string? tagsFile = parseResult.GetValue(tagsOption);
            if ((tagsFile is null) == !parseResult.GetValue(demoTags))
            {
                throw new ConfigException("give exactly one of --tags FILE (from a palm scan) or --demo-tags (dev chains).");
            }

            Hash256[] tags = tagsFile is null ? DemoTags(commitment) : ReadTags(tagsFile);
            using JsonRpcClient rpc = common.Rpc(parseResult);
            ContractClient registry = RegistryCommandOptions.Contract(rpc, SystemContractAddresses.HumanRegistry, HumanRegistryAbi.Value);
            ContractReceipt receipt = await registry.SendAsync(common.Signer.Load(parseResult, context.PasswordPrompt), "enroll", [commitment, tags],
                UInt256.Zero, common.Timeout(parseResult), cancellationToken).ConfigureAwait(false);
            object[] enrolled = RegistryCommandOptions.EventValues(registry, receipt, "HumanEnrolled");
            context.Output.WriteLine($"index={(UInt256)enrolled[0]}");
            context.Output.WriteLine($"commitment={(UInt256)enrolled[1]}");
            context.Output.WriteLine(tagsFile is null ? $"tags=demo ({tags.Length} derived from the commitment, not a palm scan)" : $"tags={tags.Length}");
            StakeCommands.WriteReceipt(context, receipt);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateProve(CliContext context)
    {
        Command command = new(
            "prove",
            "Prove membership for a scope with the native Semaphore circuit and a .zkey made for it ('trustchain zk setup'); " +
            "verifyHuman accepts it only if the chain's genesis lists that key (on the dev chain: 'trustchain human dev-zkey' recreates it; " +
            "the official Semaphore keys need the circom artifacts)");
        Option<string> identityOption = new("--identity") { Description = "Identity file", Required = true, HelpName = "FILE" };
        Option<string> scope = new("--scope") { Description = "Scope (number or text ≤ 32 bytes): one proof per identity per scope", Required = true };
        Option<string> message = new("--message") { Description = "Message the proof signs (number or text ≤ 32 bytes)", Required = true };
        Option<string> zkey = new("--zkey") { Description = "Proving key of the native Semaphore circuit", Required = true, HelpName = "FILE" };
        Option<int?> depth = new("--depth") { Description = "Circuit depth of the zkey (default: the set's depth, at least 1)" };
        Option<string> output = new("--out") { Description = "Proof JSON to write (Semaphore's proof shape)", Required = true, HelpName = "FILE" };
        RegistryCommandOptions common = new(command, signs: false);
        foreach (Option option in new Option[] { identityOption, scope, message, zkey, depth, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            SemaphoreIdentity identity = HumanIdentityFile.Read(parseResult.GetValue(identityOption)!);
            UInt256 scopeValue = ParseSignal("--scope", parseResult.GetValue(scope)!);
            UInt256 messageValue = ParseSignal("--message", parseResult.GetValue(message)!);
            string zkeyPath = parseResult.GetValue(zkey)!;
            if (!File.Exists(zkeyPath))
            {
                throw new ConfigException($"--zkey {zkeyPath} does not exist.");
            }

            using JsonRpcClient rpc = common.Rpc(parseResult);
            JsonElement merkle = await rpc.CallAsync("trust_getMerkleProof", [identity.Commitment.ToString()], cancellationToken).ConfigureAwait(false);
            if (merkle.ValueKind == JsonValueKind.Null)
            {
                throw new ConfigException($"commitment {identity.Commitment} is not a live member of the human set (not enrolled, or erased).");
            }

            LeanImtProof path = ReadMerkleProof(merkle);
            int circuitDepth = parseResult.GetValue(depth) ?? Math.Max(1, path.Siblings.Count);
            if (circuitDepth < path.Siblings.Count || circuitDepth > HumanVerificationKeys.MaxDepth)
            {
                throw new ConfigException($"--depth must be {Math.Max(1, path.Siblings.Count)}..{HumanVerificationKeys.MaxDepth} for this set, got {circuitDepth}.");
            }

            SemaphoreWitness witness = SemaphoreWitness.Compute(identity, path, messageValue.ToBigInteger(), scopeValue.ToBigInteger(), circuitDepth);
            ZkeyFile key = ZkeyFile.ReadFile(zkeyPath);
            Groth16Proof groth16;
            try
            {
                (groth16, _) = Groth16Prover.Prove(key, witness.ToArray());
            }
            catch (ArgumentException e)
            {
                throw new ConfigException($"{zkeyPath} is not a proving key of the native Semaphore circuit of depth {circuitDepth}: {e.Message}");
            }

            BigInteger[] packed = SemaphoreProof.Pack(groth16);
            UInt256[] points = new UInt256[packed.Length];
            for (int i = 0; i < packed.Length; i++)
            {
                points[i] = UInt256.Parse(packed[i].ToString(CultureInfo.InvariantCulture));
            }

            HumanProof proof = new((ulong)circuitDepth, ToUInt256(path.Root), ToUInt256(witness.Nullifier), messageValue, scopeValue, points);
            string outPath = parseResult.GetValue(output)!;
            HumanProofFile.Write(outPath, proof);
            ContractClient registry = RegistryCommandOptions.Contract(rpc, SystemContractAddresses.HumanRegistry, HumanRegistryAbi.Value);
            bool accepted = (bool)(await registry.CallAsync("isValidHumanProof", VerifyArguments(proof, null), null, cancellationToken).ConfigureAwait(false))[0];
            context.Output.WriteLine($"proof={outPath}");
            context.Output.WriteLine($"root={proof.Root}");
            context.Output.WriteLine($"nullifier={proof.Nullifier}");
            context.Output.WriteLine($"depth={circuitDepth}");
            context.Output.WriteLine($"acceptedByChain={(accepted ? "true" : "false (the chain does not accept this proving key)")}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateDevZkey(CliContext context)
    {
        Command command = new(
            "dev-zkey",
            "Recreate the proving key of the dev chain's TrustChain Semaphore key for a depth (single-party dev ceremony with public " +
            "entropy: fine for a dev chain, worthless for a real one) and check it against a genesis");
        Option<int> depth = new("--depth") { Description = $"Tree depth, 1..{HumanDevCeremony.MaxDepth}", Required = true };
        Option<string> ptau = new("--ptau")
        {
            Description = "The committed prepared Powers of Tau (tests/TrustChain.Zk.Tests/Fixtures/Circuits/ptau/pot12_final.ptau)",
            Required = true,
            HelpName = "FILE",
        };
        Option<string> genesis = new("--genesis") { Description = "Genesis whose humanVerificationKeys must hold the key (default: the bundled dev genesis)", HelpName = "FILE" };
        Option<string> output = new("--out") { Description = "Where to write the .zkey", Required = true, HelpName = "FILE" };
        foreach (Option option in new Option[] { depth, ptau, genesis, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult =>
        {
            int d = parseResult.GetValue(depth);
            if (d < 1 || d > HumanDevCeremony.MaxDepth)
            {
                throw new ConfigException($"--depth must be 1..{HumanDevCeremony.MaxDepth} (deeper circuits need a larger Powers of Tau than the committed 2^12), got {d}.");
            }

            string ptauPath = parseResult.GetValue(ptau)!;
            if (!File.Exists(ptauPath))
            {
                throw new ConfigException($"--ptau {ptauPath} does not exist.");
            }

            Chain.Specs.ChainSpec spec = Hosting.GenesisLoader.Load(parseResult.GetValue(genesis) ?? Hosting.NodePaths.BundledDevGenesis);
            VerificationKey? expected = spec.HumanVerificationKeys.FirstOrDefault(k => k.Depth == d)?.Key;
            if (expected is null)
            {
                throw new ConfigException($"the genesis has no humanVerificationKeys entry for depth {d}.");
            }

            byte[] zkey = HumanDevCeremony.CreateZkey(d, File.ReadAllBytes(ptauPath));
            if (!HumanDevCeremony.VerificationKeyOf(zkey).ContentEquals(expected))
            {
                context.Error.WriteLine($"the recreated depth-{d} key differs from the genesis key: that genesis was not made by the dev ceremony (or the .ptau is another one).");
                return ExitCodes.Failure;
            }

            string outPath = parseResult.GetValue(output)!;
            File.WriteAllBytes(outPath, zkey);
            context.Output.WriteLine($"zkey={outPath}");
            context.Output.WriteLine($"depth={d}");
            context.Output.WriteLine("matchesGenesis=true");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateVerify(CliContext context)
    {
        Command command = new("verify", "Pay verifyHuman for a proof and print the fee split (reverts with the reason for a bad or reused proof)");
        Option<string> proofOption = new("--proof") { Description = "Proof JSON (from 'human prove' or Semaphore's generateProof)", Required = true, HelpName = "FILE" };
        Option<string> prover = new("--prover") { Description = "Address paid the prover share (default: the sender, who made the proof itself)" };
        Option<string> fee = new("--fee") { Description = "TRUST to pay (default: the chain's verificationFee)" };
        RegistryCommandOptions common = new(command);
        command.Options.Add(proofOption);
        command.Options.Add(prover);
        command.Options.Add(fee);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            HumanProof proof = HumanProofFile.Read(parseResult.GetValue(proofOption)!);
            PrivateKey sender = common.Signer.Load(parseResult, context.PasswordPrompt);
            Address proverAddress = parseResult.GetValue(prover) is { } text ? CliValues.Address("--prover", text) : sender.Address;
            using JsonRpcClient rpc = common.Rpc(parseResult);
            ContractClient registry = RegistryCommandOptions.Contract(rpc, SystemContractAddresses.HumanRegistry, HumanRegistryAbi.Value);
            UInt256 paid = parseResult.GetValue(fee) is { } amount
                ? TrustAmount.ToWei("--fee", amount)
                : (UInt256)(await registry.CallAsync("verificationFee", [], null, cancellationToken).ConfigureAwait(false))[0];
            ContractReceipt receipt = await registry.SendAsync(sender, "verifyHuman",
                VerifyArguments(proof, proverAddress), paid, common.Timeout(parseResult), cancellationToken).ConfigureAwait(false);
            object[] verified = RegistryCommandOptions.EventValues(registry, receipt, "HumanVerified");
            context.Output.WriteLine("verified=true");
            context.Output.WriteLine($"scope={(UInt256)verified[0]}");
            context.Output.WriteLine($"nullifier={(UInt256)verified[1]}");
            context.Output.WriteLine($"fee={(UInt256)verified[5]}");
            context.Output.WriteLine($"proverShare={(UInt256)verified[6]} to {(Address)verified[4]}");
            context.Output.WriteLine($"validatorShare={(UInt256)verified[7]}");
            context.Output.WriteLine($"operatorShare={(UInt256)verified[8]}");
            StakeCommands.WriteReceipt(context, receipt);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateDelete(CliContext context)
    {
        Command command = new("delete", "Erase your identity from the human set (signed with the identity key; anyone may send it)");
        Option<string> identityOption = new("--identity") { Description = "Identity file", Required = true, HelpName = "FILE" };
        RegistryCommandOptions common = new(command);
        command.Options.Add(identityOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            SemaphoreIdentity identity = HumanIdentityFile.Read(parseResult.GetValue(identityOption)!);
            UInt256 commitment = ToUInt256(identity.Commitment);
            using JsonRpcClient rpc = common.Rpc(parseResult);
            ContractClient registry = RegistryCommandOptions.Contract(rpc, SystemContractAddresses.HumanRegistry, HumanRegistryAbi.Value);
            ulong chainId = await registry.GetChainIdAsync(cancellationToken).ConfigureAwait(false);
            EdDsaPoseidonSignature signature = identity.Sign(HumanIdentityMessages.Delete(chainId, commitment));
            UInt256[] publicKey = [ToUInt256(identity.PublicKey.X), ToUInt256(identity.PublicKey.Y)];
            UInt256[] packed = [ToUInt256(signature.R8.X), ToUInt256(signature.R8.Y), UInt256.Parse(signature.S.ToString(CultureInfo.InvariantCulture))];
            ContractReceipt receipt = await registry.SendAsync(common.Signer.Load(parseResult, context.PasswordPrompt), "deleteIdentity",
                [commitment, publicKey, packed], UInt256.Zero, common.Timeout(parseResult), cancellationToken).ConfigureAwait(false);
            object[] deleted = RegistryCommandOptions.EventValues(registry, receipt, "IdentityDeleted");
            context.Output.WriteLine($"deleted={(UInt256)deleted[1]}");
            context.Output.WriteLine($"index={(UInt256)deleted[0]}");
            context.Output.WriteLine($"tagsFreeBlock={(UInt256)deleted[2]}");
            StakeCommands.WriteReceipt(context, receipt);
            return ExitCodes.Success;
        });
        return command;
    }

    private static object?[] VerifyArguments(HumanProof proof, Address? prover)
    {
        UInt256[] points = [.. proof.Points];
        object?[] common = [proof.Depth, proof.Root, proof.Nullifier, proof.Message, proof.Scope, points];
        return prover is { } address ? [.. common, address] : common;
    }

    private static LeanImtProof ReadMerkleProof(JsonElement json)
    {
        List<Fr> siblings = [];
        foreach (JsonElement sibling in json.GetProperty("siblings").EnumerateArray())
        {
            siblings.Add(Fr.Parse(sibling.GetString()!));
        }

        return new LeanImtProof(Fr.Parse(json.GetProperty("root").GetString()!), Fr.Parse(json.GetProperty("leaf").GetString()!),
            json.GetProperty("index").GetUInt64(), siblings);
    }

    private static Hash256[] ReadTags(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"--tags file {path} does not exist.");
        }

        string text = File.ReadAllText(path).Trim();
        IEnumerable<string> items;
        if (text.StartsWith('['))
        {
            try
            {
                items = JsonSerializer.Deserialize<string[]>(text) ?? [];
            }
            catch (JsonException e)
            {
                throw new ConfigException($"--tags {path}: not a JSON array of strings: {e.Message}");
            }
        }
        else
        {
            items = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return [.. items.Select(item => CliValues.Word("--tags", item))];
    }

    private static UInt256 ToUInt256(in Fr value) => UInt256.Parse(value.ToString());
}
