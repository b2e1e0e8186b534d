using TrustChain.Node.Config;

namespace TrustChain.Node.Prover;

/// <summary>Settings of `run --prover`: flags and TRUSTCHAIN_* variables (the config file accepts them once listed in <see cref="ConfigKeys.All"/>).</summary>
public static class ProverConfigKeys
{
    public static readonly ConfigKey Prover = new("prover", "prover") { IsSwitch = true };
    public static readonly ConfigKey Share = new("prover-share", "proverShare");
    public static readonly ConfigKey Committee = new("committee", "committee");
    public static readonly ConfigKey Key = new("prover-key", "proverKey");
    public static readonly ConfigKey PasswordFile = new("prover-password-file", "proverPasswordFile");
    public static readonly ConfigKey Rate = new("prover-rate", "proverRate") { DefaultDescription = "224 evaluations/s per operator" };
    public static readonly ConfigKey Burst = new("prover-burst", "proverBurst") { DefaultDescription = "2,240 evaluations" };
    public static readonly ConfigKey ZkeyDir = new("prover-zkey-dir", "proverZkeyDir");

    public static IReadOnlyList<ConfigKey> All { get; } = [Prover, Share, Committee, Key, PasswordFile, Rate, Burst, ZkeyDir];
}
