using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustChain.Biometrics.Oprf;
using TrustChain.Core;
using TrustChain.Node.Config;
using TrustChain.Node.Keystore;
using TrustChain.Node.Prover;

namespace TrustChain.Node.Cli;

/// <summary>
/// `trustchain prover keygen`: the genesis dealer of the OPRF committee. Shamir-shares a fresh key t-of-n and writes
/// DIR/prover-committee.genesis.json (genesis.json's proverCommittee entry: threshold, k·G, each member's account and
/// k_i·G), DIR/committee.json (the same plus URLs, for --committee overrides) and DIR/prover-i.share.json (one encrypted share per prover, see <see cref="ProverShareFile"/>). The dealer sees the
/// key; it is never written and this process is its only holder (a DKG would remove that trust, see the Biometrics NOTES).
/// </summary>
public static class ProverCommands
{
    /// <summary>File keygen writes the genesis.json proverCommittee entry to.</summary>
    public const string GenesisSectionFile = "prover-committee.genesis.json";

    public static Command Create(CliContext context)
    {
        Command prover = new("prover", "ZK prover nodes: the OPRF committee's key shares");
        prover.Subcommands.Add(CreateKeygen(context));
        return prover;
    }

    private static Command CreateKeygen(CliContext context)
    {
        Command command = new("keygen", "Deal a t-of-n OPRF key: the genesis proverCommittee section, committee.json and one encrypted share file per prover");
        Option<int?> members = new("--members") { Description = "Committee size n (1-255)", HelpName = "N" };
        Option<int?> threshold = new("--threshold") { Description = "Answers needed t (1..n)", HelpName = "T" };
        Option<string> output = new("--out") { Description = "Output directory", HelpName = "DIR", Required = true };
        Option<string> passwordFile = new("--password-file") { Description = "Password for the share files (default: prompt)", HelpName = "FILE" };
        Option<string> provers = new("--provers") { Description = "Comma-separated prover account addresses, in member order (needed for the genesis section)", HelpName = "ADDRESSES" };
        Option<string> urls = new("--urls") { Description = "Comma-separated prover JSON-RPC URLs, in member order (committee.json only: endpoints are not consensus data)", HelpName = "URLS" };
        Option<bool> lightKdf = new("--light-kdf") { Description = "Cheap scrypt (n=4096) for test networks" };
        Option<bool> dev = new("--dev") { Description = "DEV-ONLY: write the public shares of the bundled dev genesis committee (2-of-3, dev accounts 5-7) instead of dealing a key" };
        foreach (Option option in new Option[] { members, threshold, output, passwordFile, provers, urls, lightKdf, dev })
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult =>
        {
            bool isDev = parseResult.GetValue(dev);
            int n;
            int t;
            if (isDev)
            {
                if (parseResult.GetValue(members) is not null || parseResult.GetValue(threshold) is not null || parseResult.GetValue(provers) is not null)
                {
                    throw new ConfigException("--dev writes the fixed dev committee (2-of-3, dev accounts 5-7); drop --members, --threshold and --provers.");
                }

                (n, t) = (DevProverCommittee.Members, DevProverCommittee.Threshold);
            }
            else
            {
                n = parseResult.GetValue(members) ?? throw new ConfigException("keygen needs --members N and --threshold T (or --dev).");
                t = parseResult.GetValue(threshold) ?? throw new ConfigException("keygen needs --threshold T (answers needed, 1..n).");
                if (n is < 1 or > 255 || t < 1 || t > n)
                {
                    throw new ConfigException($"need 1 <= --threshold <= --members <= 255, got threshold {t} of {n}.");
                }
            }

            Address[]? accounts = isDev
                ? Enumerable.Range(1, n).Select(DevProverCommittee.ProverAddress).ToArray()
                : List(parseResult.GetValue(provers), n, "--provers")?.Select(a => Address.TryParse(a, out Address parsed)
                    ? parsed : throw new ConfigException($"--provers: '{a}' is not an address.")).ToArray();
            if (accounts is not null && accounts.Distinct().Count() != accounts.Length)
            {
                throw new ConfigException("--provers lists an account twice; each member needs its own prover account.");
            }

            string[]? endpoints = List(parseResult.GetValue(urls), n, "--urls");
            string dir = parseResult.GetValue(output)!;
            string committeePath = Path.Combine(dir, "committee.json");
            string genesisPath = Path.Combine(dir, GenesisSectionFile);
            string[] sharePaths = Enumerable.Range(1, n).Select(i => Path.Combine(dir, $"prover-{i}.share.json")).ToArray();
            foreach (string path in sharePaths.Append(committeePath).Append(genesisPath))
            {
                if (File.Exists(path))
                {
                    throw new ConfigException($"{path} already exists; keygen never overwrites key material.");
                }
            }

            string password = PasswordSource.Get(parseResult.GetValue(passwordFile), context.PasswordPrompt, confirm: true);
            ScryptParameters kdf = parseResult.GetValue(lightKdf) ? ScryptParameters.Light : ScryptParameters.Standard;
            OprfDealing dealing = isDev ? DevProverCommittee.Dealing : ShamirDealer.Deal(t, n);
            ProverCommittee committee = ProverCommittee.FromDealing(dealing, accounts, endpoints);
            Directory.CreateDirectory(dir);
            for (int i = 0; i < n; i++)
            {
                File.WriteAllText(sharePaths[i], ProverShareFile.Write(dealing.Shares[i], password, kdf));
                context.Output.WriteLine($"share {i + 1}: {sharePaths[i]}{(isDev ? " (DEV-ONLY: public, anyone can compute it)" : string.Empty)}");
            }

            File.WriteAllText(committeePath, committee.ToJson());
            context.Output.WriteLine($"committee: {committeePath} ({t}-of-{n}, public key {Hex.ToHexString(committee.Oprf.PublicKey)})");
            if (accounts is null)
            {
                context.Output.WriteLine("no genesis section: pass --provers (one account per member) to get the proverCommittee entry for genesis.json");
            }
            else
            {
                JsonObject section = new() { ["proverCommittee"] = committee.ToGenesisSection() };
                File.WriteAllText(genesisPath, section.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                context.Output.WriteLine($"genesis section: {genesisPath} (put its proverCommittee entry into genesis.json)");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string[]? List(string? text, int count, string flag)
    {
        if (text is null)
        {
            return null;
        }

        string[] items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return items.Length == count ? items : throw new ConfigException($"{flag} lists {items.Length} entries for {count} members.");
    }
}
