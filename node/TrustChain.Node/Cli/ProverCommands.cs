using System.CommandLine;
using TrustChain.Biometrics.Oprf;
using TrustChain.Core;
using TrustChain.Node.Config;
using TrustChain.Node.Keystore;
using TrustChain.Node.Prover;

namespace TrustChain.Node.Cli;

/// <summary>
/// `trustchain prover keygen`: the genesis dealer of the OPRF committee. Shamir-shares a fresh key t-of-n and writes
/// DIR/committee.json (public: threshold, k·G, each member's k_i·G and, when given, its prover account and URL) and
/// DIR/prover-i.share.json (one encrypted share per prover, see <see cref="ProverShareFile"/>). The dealer sees the
/// key; it is never written and this process is its only holder (a DKG would remove that trust, see the Biometrics NOTES).
/// </summary>
public static class ProverCommands
{
    public static Command Create(CliContext context)
    {
        Command prover = new("prover", "ZK prover nodes: the OPRF committee's key shares");
        prover.Subcommands.Add(CreateKeygen(context));
        return prover;
    }

    private static Command CreateKeygen(CliContext context)
    {
        Command command = new("keygen", "Deal a t-of-n OPRF key: committee.json and one encrypted share file per prover");
        Option<int> members = new("--members") { Description = "Committee size n (1-255)", HelpName = "N", Required = true };
        Option<int> threshold = new("--threshold") { Description = "Answers needed t (1..n)", HelpName = "T", Required = true };
        Option<string> output = new("--out") { Description = "Output directory", HelpName = "DIR", Required = true };
        Option<string> passwordFile = new("--password-file") { Description = "Password for the share files (default: prompt)", HelpName = "FILE" };
        Option<string> provers = new("--provers") { Description = "Comma-separated prover account addresses, in member order", HelpName = "ADDRESSES" };
        Option<string> urls = new("--urls") { Description = "Comma-separated prover JSON-RPC URLs, in member order", HelpName = "URLS" };
        Option<bool> lightKdf = new("--light-kdf") { Description = "Cheap scrypt (n=4096) for test networks" };
        foreach (Option option in new Option[] { members, threshold, output, passwordFile, provers, urls, lightKdf })
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult =>
        {
            int n = parseResult.GetValue(members);
            int t = parseResult.GetValue(threshold);
            if (n is < 1 or > 255 || t < 1 || t > n)
            {
                throw new ConfigException($"need 1 <= --threshold <= --members <= 255, got threshold {t} of {n}.");
            }

            Address[]? accounts = List(parseResult.GetValue(provers), n, "--provers")?.Select(a => Address.TryParse(a, out Address parsed)
                ? parsed : throw new ConfigException($"--provers: '{a}' is not an address.")).ToArray();
            string[]? endpoints = List(parseResult.GetValue(urls), n, "--urls");
            string dir = parseResult.GetValue(output)!;
            string committeePath = Path.Combine(dir, "committee.json");
            string[] sharePaths = Enumerable.Range(1, n).Select(i => Path.Combine(dir, $"prover-{i}.share.json")).ToArray();
            foreach (string path in sharePaths.Append(committeePath))
            {
                if (File.Exists(path))
                {
                    throw new ConfigException($"{path} already exists; keygen never overwrites key material.");
                }
            }

            string password = PasswordSource.Get(parseResult.GetValue(passwordFile), context.PasswordPrompt, confirm: true);
            ScryptParameters kdf = parseResult.GetValue(lightKdf) ? ScryptParameters.Light : ScryptParameters.Standard;
            OprfDealing dealing = ShamirDealer.Deal(t, n);
            ProverCommittee committee = ProverCommittee.FromDealing(dealing, accounts, endpoints);
            Directory.CreateDirectory(dir);
            for (int i = 0; i < n; i++)
            {
                File.WriteAllText(sharePaths[i], ProverShareFile.Write(dealing.Shares[i], password, kdf));
                context.Output.WriteLine($"share {i + 1}: {sharePaths[i]}");
            }

            File.WriteAllText(committeePath, committee.ToJson());
            context.Output.WriteLine($"committee: {committeePath} ({t}-of-{n}, public key {Hex.ToHexString(committee.Oprf.PublicKey)})");
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
