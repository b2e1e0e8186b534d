using TrustChain.Zk.Circuits;
using TrustChain.Zk.Groth16;
using TrustChain.Zk.Setup;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Node.Cli;

/// <summary>
/// The single-party dev ceremony behind genesis.json's humanVerificationKeys: for each depth, the native Semaphore
/// circuit's phase-2 start over the committed power-12 Powers of Tau
/// (tests/TrustChain.Zk.Tests/Fixtures/Circuits/ptau/pot12_final.ptau), then ONE contribution whose entropy is the
/// public text below. Anyone can therefore recompute the proving keys (so no .zkey lives in git) — and anyone can
/// forge proofs with them: a dev chain's TrustChain keys prove nothing. A real network runs its own phase 2
/// (`trustchain zk setup`, several `trustchain zk contribute` with secret entropy, `trustchain zk verify-setup`) and
/// puts the `trustchain zk export-vk` output in its genesis instead.
/// </summary>
public static class HumanDevCeremony
{
    /// <summary>Depths whose circuit fits the committed 2^12 ceremony (depth 8 needs 2^13).</summary>
    public const int MaxDepth = 7;

    public const string ContributorName = "TrustChain dev ceremony";

    /// <summary>The contribution's entropy, deliberately public.</summary>
    public static ReadOnlySpan<byte> Entropy => "TrustChain single-party dev ceremony: PUBLIC entropy, replace via zk contribute"u8;

    /// <summary>The dev proving key (.zkey bytes, snarkjs format) of the native Semaphore circuit of <paramref name="depth"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">depth is outside 1..<see cref="MaxDepth"/>.</exception>
    public static byte[] CreateZkey(int depth, byte[] preparedPtau)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, MaxDepth);
        ArgumentNullException.ThrowIfNull(preparedPtau);
        R1csFile r1cs = R1csFile.Read(new SemaphoreCircuit(depth).ToR1csBytes());
        Phase2Zkey initial = Phase2Setup.NewZkey(r1cs, preparedPtau);
        return Phase2Setup.Contribute(initial, Entropy, ContributorName).ToBytes();
    }

    public static VerificationKey VerificationKeyOf(byte[] zkey) => ZkeyFile.Read(zkey).VerificationKey;
}
