using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using TrustChain.Biometrics.FuzzyExtractor;
using TrustChain.Biometrics.Simulation;
using TrustChain.Biometrics.Study;
using TrustChain.Biometrics.Templates;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.Config;
using TrustChain.Node.Hosting;
using TrustChain.Node.ModelHost;
using TrustChain.Node.Prover;
using TrustChain.Node.Tx;
using TrustChain.Rpc.Modules.Prover;
using TrustChain.Zk.Semaphore;

namespace TrustChain.Node.Cli;

/// <summary>
/// `trustchain palm scan|enroll|prove|study`: the palm scanner client. Scans come from the SYNTHETIC simulator; the
/// template stays on the scanner, only blinded OPRF elements go to the provers and only the commitment and tags to the chain.
/// </summary>
public static class PalmCommands
{
    public static Command Create(CliContext context)
    {
        Command palm = new("palm", "Palm scanner client (SYNTHETIC scans): scan, enrol through the prover committee, prove, parameter study");
        palm.Subcommands.Add(CreateScan(context));
        palm.Subcommands.Add(CreateEnroll(context));
        palm.Subcommands.Add(CreateProve(context));
        palm.Subcommands.Add(CreateStudy(context));
        return palm;
    }

    private static Command CreateScan(CliContext context)
    {
        Command command = new("scan", "Simulate a palm scan (SYNTHETIC) and write it to a file");
        Option<ulong> person = new("--person") { Description = "Simulated person id", HelpName = "N", Required = true };
        Option<ulong> seed = new("--seed") { Description = "Population seed (default 1)", HelpName = "S", DefaultValueFactory = _ => 1 };
        Option<ulong> scan = new("--scan") { Description = "Scan number of that person (each is a fresh noisy reading; default 0)", HelpName = "K" };
        Option<string> output = new("--out") { Description = "Scan file to write", HelpName = "FILE", Required = true };
        Add(command, person, seed, scan, output);
        command.SetAction(parseResult =>
        {
            ulong id = parseResult.GetValue(person);
            ulong s = parseResult.GetValue(seed);
            ulong k = parseResult.GetValue(scan);
            PalmTemplate template = new PalmSimulator(new PalmSimulatorOptions { Seed = s }).Scan(id, k);
            File.WriteAllText(parseResult.GetValue(output)!, PalmScanFile.Write(template, id, s, k));
            context.Output.WriteLine($"{PalmSimulator.Label} palm scan: person {id}, seed {s}, scan {k}, {template.ValidBitCount}/{template.BitLength} valid bits -> {parseResult.GetValue(output)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateEnroll(CliContext context)
    {
        Command command = new("enroll", "Enrol a scan: fuzzy extractor, OPRF tags from the prover committee, dedup pre-check, enroll signed by the operator");
        Option<string> scan = new("--scan") { Description = "Scan file (palm scan)", HelpName = "FILE", Required = true };
        Option<string> operatorKey = new("--operator-key") { Description = "Enrolment operator key: hex key file or keystore JSON", HelpName = "FILE", Required = true };
        Option<string> passwordFile = new("--password-file") { Description = "Password for a keystore --operator-key", HelpName = "FILE" };
        Option<string> provers = new("--provers") { Description = "Comma-separated prover JSON-RPC URLs (at least the threshold; any order, each says its member index)", HelpName = "URLS", Required = true };
        Option<string> committee = new("--committee") { Description = "Committee file overriding the genesis proverCommittee (a committee not in genesis)", HelpName = "FILE" };
        Option<string> rpc = new("--rpc") { Description = "Node to send enroll to (default: the first prover)", HelpName = "URL" };
        Option<string> genesis = new("--genesis") { Description = "Genesis of the network, for the palm band layout (default: the bundled dev genesis)", HelpName = "FILE" };
        Option<string> output = new("--out") { Description = "Person file to write (helper data, commitment, identity secret)", HelpName = "FILE", Required = true };
        Add(command, scan, operatorKey, passwordFile, provers, committee, rpc, genesis, output);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            PalmTemplate template = PalmScanFile.Read(parseResult.GetValue(scan)!);
            PrivateKey key = KeyFile.ReadKeyOrKeystore(parseResult.GetValue(operatorKey)!, parseResult.GetValue(passwordFile), context.PasswordPrompt);
            ChainSpec spec = GenesisLoader.Load(parseResult.GetValue(genesis) ?? NodePaths.BundledDevGenesis);
            ProverCommittee members = parseResult.GetValue(committee) is { } committeeFile ? ProverCommittee.Load(committeeFile) : ProverCommittee.FromSpec(spec);
            if (DevProverCommittee.IsDevCommittee(members))
            {
                context.Output.WriteLine("WARNING: DEV-ONLY prover committee (public key shares): dedup tags protect nothing on this network.");
            }

            Uri[] urls = ParseUrls(parseResult.GetValue(provers)!);
            List<ProverClient> clients = urls.Select(u => new ProverClient(u)).ToList();
            using JsonRpcClient chain = new(parseResult.GetValue(rpc) is { } r ? ParseUrls(r)[0] : urls[0]);
            try
            {
                ContractClient registry = new(chain, HumanRegistryState.ContractAddress, HumanRegistryAbi.Value);
                CommitteeTagClient tagger = new(members, clients, key, spec.ChainId);
                PalmEnroller enroller = new(spec.Parameters, tagger, clients, registry, key);
                PalmEnrollment enrolled;
                try
                {
                    enrolled = await enroller.EnrollAsync(template, TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
                }
                catch (PalmDuplicateException e)
                {
                    await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.Failure;
                }
                catch (Biometrics.Oprf.OprfException e)
                {
                    await context.Error.WriteLineAsync($"error: OPRF committee: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.Failure;
                }

                PalmCandidate c = enrolled.Candidate;
                File.WriteAllText(parseResult.GetValue(output)!, new PalmPersonFile(c.Helper, c.Commitment, enrolled.HumanIndex, c.IdentitySecret).ToJson());
                context.Output.WriteLine($"humanIndex={enrolled.HumanIndex}");
                context.Output.WriteLine($"commitment={c.Commitment}");
                context.Output.WriteLine($"tx={enrolled.Transaction}");
                context.Output.WriteLine($"block={enrolled.BlockNumber}");
                context.Output.WriteLine($"closestHumanMatches={c.Match.Matches}");
                if (tagger.LastRejectedMembers.Count > 0)
                {
                    context.Output.WriteLine($"warning: provers {string.Join(", ", tagger.LastRejectedMembers)} failed their DLEQ proofs");
                }

                context.Output.WriteLine($"person file: {parseResult.GetValue(output)}");
                return ExitCodes.Success;
            }
            finally
            {
                clients.ForEach(c => c.Dispose());
            }
        });
        return command;
    }

    private static Command CreateProve(CliContext context)
    {
        Command command = new("prove", "Re-scan + helper data -> the same identity -> a human proof for a scope (proving delegated to a prover)");
        Option<string> scan = new("--scan") { Description = "A fresh scan file of the person", HelpName = "FILE", Required = true };
        Option<string> helper = new("--helper") { Description = "The person file written by palm enroll", HelpName = "FILE", Required = true };
        Option<string> scope = new("--scope") { Description = "Scope (a number, or text hashed as Semaphore does)", Required = true };
        Option<string> message = new("--message") { Description = "Message (a number, or text; default 0)" };
        Option<string> prover = new("--prover") { Description = "Prover URL that proves for you (it learns the identity secret: use one you trust)", HelpName = "URL", Required = true };
        Option<string> output = new("--out") { Description = "Where to write the proof JSON (default: print)", HelpName = "FILE" };
        Add(command, scan, helper, scope, message, prover, output);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            PalmTemplate template = PalmScanFile.Read(parseResult.GetValue(scan)!);
            PalmPersonFile person = PalmPersonFile.Read(parseResult.GetValue(helper)!);
            if (!new CodeOffsetExtractor(person.Helper.Parameters).TryReproduce(template, person.Helper, out byte[]? secret))
            {
                await context.Error.WriteLineAsync("error: the scan does not reproduce the identity from this helper data (different palm, or too noisy: scan again)").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            SemaphoreIdentity identity = new(secret);
            if (UInt256.Parse(identity.Commitment.ToString()) != person.Commitment)
            {
                await context.Error.WriteLineAsync("error: the reproduced identity does not match the person file's commitment").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            UInt256 scopeValue = ToUInt256(SemaphoreHash.ToBigInt(parseResult.GetValue(scope)!));
            UInt256 messageValue = ToUInt256(SemaphoreHash.ToBigInt(parseResult.GetValue(message) ?? "0"));
            using ProverClient client = new(ParseUrls(parseResult.GetValue(prover)!)[0], TimeSpan.FromMinutes(5));
            ProverMembershipProof proof = await client.ProveMembershipAsync(new ProverMembershipRequest(secret, messageValue, scopeValue), cancellationToken).ConfigureAwait(false);
            string json = JsonSerializer.Serialize(ProverClient.ProofObject(proof.Proof), new JsonSerializerOptions { WriteIndented = true });
            if (parseResult.GetValue(output) is { } path)
            {
                File.WriteAllText(path, json);
                context.Output.WriteLine($"identity reproduced (commitment {person.Commitment}); proof written to {path}");
            }
            else
            {
                context.Output.WriteLine(json);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateStudy(CliContext context)
    {
        Command command = new("study", "LSH parameter study on SYNTHETIC palms: false/missed duplicate rates vs enrolled humans, with a PNG plot");
        Option<int> people = new("--people") { Description = "Simulated people (default 2000)", HelpName = "N", DefaultValueFactory = _ => 2000 };
        Option<ulong> seed = new("--seed") { Description = "Seed (default 2026)", HelpName = "S", DefaultValueFactory = _ => 2026 };
        Option<string> plot = new("--plot") { Description = "PNG to write (default palm-study.png)", HelpName = "FILE", DefaultValueFactory = _ => "palm-study.png" };
        Option<int> fuzzyTrials = new("--fuzzy-trials") { Description = "Fuzzy extractor trials (default 300)", HelpName = "N", DefaultValueFactory = _ => 300 };
        Add(command, people, seed, plot, fuzzyTrials);
        command.SetAction(parseResult =>
        {
            PalmStudyOptions options = new()
            {
                People = parseResult.GetValue(people),
                Seed = parseResult.GetValue(seed),
                PlotPath = parseResult.GetValue(plot),
                FuzzyTrials = parseResult.GetValue(fuzzyTrials),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                throw new ConfigException(e.Message, e);
            }

            PalmStudyResult result = PalmStudy.Run(options, context.Output);
            DedupConfiguration r = result.Recommended;
            context.Output.WriteLine($"recommended: palmBands={r.Bands} palmBandBits={r.BandBits} dedupMatch={r.DedupMatch} ({PalmSimulator.Label})");
            if (result.PlotPath is { } written)
            {
                context.Output.WriteLine($"plot: {written}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Uri[] ParseUrls(string text)
    {
        string[] items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length == 0)
        {
            throw new ConfigException("no URL given.");
        }

        return items.Select(i => Uri.TryCreate(i, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https"
            ? uri : throw new ConfigException($"'{i}' is not an http(s) URL.")).ToArray();
    }

    private static UInt256 ToUInt256(System.Numerics.BigInteger value) =>
        value.Sign >= 0 && value.GetByteCount(isUnsigned: true) <= 32
            ? UInt256.Parse(value.ToString(CultureInfo.InvariantCulture))
            : throw new ConfigException("scope and message must fit in 256 bits.");

    private static void Add(Command command, params Option[] options)
    {
        foreach (Option option in options)
        {
            command.Options.Add(option);
        }
    }
}
