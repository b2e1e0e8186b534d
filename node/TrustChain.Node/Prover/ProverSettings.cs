using TrustChain.Biometrics.Oprf;
using TrustChain.Core.Crypto;
using TrustChain.Node.Cli;
using TrustChain.Node.Config;

namespace TrustChain.Node.Prover;

/// <summary>
/// What `run --prover` needs: the OPRF share file (encrypted, its password from --prover-password-file or a prompt),
/// the committee (the chain spec's proverCommittee, or a --committee file overriding it), the prover account key (hex file or keystore; signs verdicts and is the address paid by
/// verifyHuman) and the service limits.
/// </summary>
public sealed record ProverSettings(string ShareFile, string? CommitteeFile, string KeyFile, string? PasswordFile, ProverOptions Options)
{
    /// <summary>Null when --prover is not set; a <see cref="ConfigException"/> when it is and a file is missing.</summary>
    public static ProverSettings? Resolve(LayeredConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!config.GetBool(ProverConfigKeys.Prover, false))
        {
            foreach (ConfigKey other in ProverConfigKeys.All)
            {
                if (other != ProverConfigKeys.Prover && config.Get(other) is not null)
                {
                    throw new ConfigException($"{other.Flag} only applies with --prover.");
                }
            }

            return null;
        }

        string share = config.GetPath(ProverConfigKeys.Share) ?? throw new ConfigException("--prover needs --prover-share FILE (from `trustchain prover keygen`).");
        string? committee = config.GetPath(ProverConfigKeys.Committee);
        string key = config.GetPath(ProverConfigKeys.Key) ?? throw new ConfigException("--prover needs --prover-key FILE: the staked Prover account's key.");
        ProverOptions options = new()
        {
            RatePerSecond = config.GetInt(ProverConfigKeys.Rate, (int)ProverOptions.DefaultRatePerSecond, 1, 1_000_000),
            Burst = config.GetInt(ProverConfigKeys.Burst, ProverOptions.DefaultBurst, 1, 100_000_000),
            ZkeyDirectory = config.GetPath(ProverConfigKeys.ZkeyDir),
        };
        return new ProverSettings(share, committee, key, config.GetPath(ProverConfigKeys.PasswordFile), options);
    }

    public OprfKeyShare LoadShare(IPasswordPrompt prompt)
    {
        string json;
        try
        {
            json = File.ReadAllText(ShareFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"cannot read --prover-share {ShareFile}: {e.Message}", e);
        }

        return ProverShareFile.Read(json, PasswordSource.Get(PasswordFile, prompt, confirm: false), ShareFile);
    }

    /// <summary>The --committee file when given, else the genesis committee of <paramref name="spec"/>.</summary>
    public ProverCommittee LoadCommittee(Chain.Specs.ChainSpec spec) =>
        CommitteeFile is null ? ProverCommittee.FromSpec(spec) : ProverCommittee.Load(CommitteeFile);

    public PrivateKey LoadKey(IPasswordPrompt prompt) => Cli.KeyFile.ReadKeyOrKeystore(KeyFile, PasswordFile, prompt);
}
