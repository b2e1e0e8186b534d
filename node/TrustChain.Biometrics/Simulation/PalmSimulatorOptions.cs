using TrustChain.Biometrics.Templates;

namespace TrustChain.Biometrics.Simulation;

/// <summary>Parameters of the synthetic palm population.</summary>
public sealed record PalmSimulatorOptions
{
    public ulong Seed { get; init; } = 1;

    public int BitLength { get; init; } = PalmTemplate.DefaultBitLength;

    /// <summary>
    /// Expected fractional Hamming distance between two genuine scans of the same palm (the figure biometric
    /// papers quote). Each scan flips every latent bit independently with q where 2q(1-q) = this rate.
    /// </summary>
    public double GenuineBitErrorRate { get; init; } = 0.12;

    /// <summary>Probability that a scan marks a bit as unreliable (mask 0); such bits carry sensor noise (uniform).</summary>
    public double MaskDropout { get; init; } = 0.03;

    public void Validate()
    {
        if (BitLength <= 0 || BitLength % 64 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BitLength), BitLength, "Template length must be a positive multiple of 64.");
        }

        if (!(GenuineBitErrorRate >= 0 && GenuineBitErrorRate <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(GenuineBitErrorRate), GenuineBitErrorRate, "Genuine bit-error rate must be in [0, 0.5].");
        }

        if (!(MaskDropout >= 0 && MaskDropout < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaskDropout), MaskDropout, "Mask dropout must be in [0, 1).");
        }
    }
}
