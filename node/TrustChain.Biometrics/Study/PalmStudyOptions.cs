namespace TrustChain.Biometrics.Study;

/// <summary>Inputs of the palm parameter study (all synthetic; see <see cref="Simulation.PalmSimulator"/>).</summary>
public sealed record PalmStudyOptions
{
    public ulong Seed { get; init; } = 2026;

    /// <summary>Simulated people (each scanned twice). Impostor statistics come from all pairs among them.</summary>
    public int People { get; init; } = 2000;

    public double GenuineBitErrorRate { get; init; } = 0.12;

    public double MaskDropout { get; init; } = 0.03;

    /// <summary>Genesis band seed (ChainParameters.PalmBandSeed, 32 bytes).</summary>
    public byte[] BandSeed { get; init; } = new byte[32];

    public IReadOnlyList<int> BandCounts { get; init; } = [32, 48, 64, 96, 128, 160, 192, 224, 256];

    public IReadOnlyList<int> BandWidths { get; init; } = [8, 10, 12, 14, 16, 18, 20, 22, 24];

    /// <summary>
    /// Narrowest band the study may recommend. Tags are public on chain, so anyone who can query the OPRF can invert
    /// one person's tags with k·2^b queries; b ≥ 8 keeps that at ≥ 16k queries (vs 64 for one honest enrolment),
    /// which the provers' per-operator rate limit makes visible. Lower it only with a stronger rate limit.
    /// </summary>
    public int MinBandBits { get; init; } = 8;

    /// <summary>ChainParameters.MaxDedupTags: no configuration may use more bands.</summary>
    public int MaxTags { get; init; } = 256;

    /// <summary>Largest acceptable missed-duplicate rate (analytic and simulated) of a recommended configuration.</summary>
    public double MaxMissedRate { get; init; } = 0.02;

    /// <summary>
    /// Largest acceptable expected number of owners per tag value (N / 2^b) at the target population: a duplicate
    /// check reads k times this many owner entries, so it bounds the on-chain cost of dedup at scale.
    /// </summary>
    public double MaxOwnersPerTag { get; init; } = 128;

    /// <summary>ChainParameters.MaxOwnersPerTag, the owner-list cap whose fill risk the study reports.</summary>
    public int OwnerListCap { get; init; } = 256;

    /// <summary>Enrolled population at which the false-duplicate rate must stay within the target.</summary>
    public long TargetPopulation { get; init; } = 100_000_000;

    /// <summary>Largest acceptable chance that a new distinct person is flagged as a duplicate at the target population.</summary>
    public double TargetFalseDuplicateRate { get; init; } = 1e-6;

    /// <summary>
    /// The configuration the study compares against: session 2's genesis (64 bands × 8 bits, dedupMatch 11), whose tag
    /// values are shared by ~390,000 humans each at 10^8.
    /// </summary>
    public int ProvisionalBands { get; init; } = 64;

    public int ProvisionalBandBits { get; init; } = 8;

    public int ProvisionalDedupMatch { get; init; } = 11;

    /// <summary>Fuzzy-extractor trials (people) for the genuine and impostor reproduce rates.</summary>
    public int FuzzyTrials { get; init; } = 300;

    /// <summary>Where to write the PNG plot; null for none.</summary>
    public string? PlotPath { get; init; }

    public void Validate()
    {
        if (People < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(People), People, "The study needs at least 4 simulated people.");
        }

        if (BandSeed is null || BandSeed.Length != 32)
        {
            throw new ArgumentException("Band seed must be 32 bytes.", nameof(BandSeed));
        }

        if (BandCounts.Count == 0 || BandWidths.Count == 0)
        {
            throw new ArgumentException("At least one band count and one band width are needed.");
        }

        foreach (int k in BandCounts)
        {
            if (k < 1 || k > MaxTags)
            {
                throw new ArgumentOutOfRangeException(nameof(BandCounts), k, $"Band counts must be in [1, {MaxTags}].");
            }
        }

        foreach (int b in BandWidths)
        {
            if (b is < 1 or > 64)
            {
                throw new ArgumentOutOfRangeException(nameof(BandWidths), b, "Band widths must be in [1, 64].");
            }
        }

        if (ProvisionalBands < 1 || ProvisionalBandBits is < 1 or > 64 || ProvisionalDedupMatch < 1 || ProvisionalDedupMatch > ProvisionalBands)
        {
            throw new ArgumentException("Provisional configuration is out of range.");
        }

        if (!(MaxMissedRate > 0 && MaxMissedRate < 1) || !(MaxOwnersPerTag > 0) || OwnerListCap < 1)
        {
            throw new ArgumentException("The missed-rate bound must lie in (0, 1), the owners-per-tag bound and the owner-list cap must be positive.");
        }

        if (FuzzyTrials < 0 || TargetPopulation < 1 || !(TargetFalseDuplicateRate > 0))
        {
            throw new ArgumentException("Fuzzy trials must be ≥ 0, target population ≥ 1 and the target rate positive.");
        }
    }
}
