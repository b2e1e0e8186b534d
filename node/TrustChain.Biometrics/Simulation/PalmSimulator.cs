using TrustChain.Biometrics.Templates;

namespace TrustChain.Biometrics.Simulation;

/// <summary>
/// SYNTHETIC palm population. Latent codes are uniform random bits (so impostors sit at ~50% distance); a scan
/// flips each bit with probability q and drops it from the mask with probability <see cref="PalmSimulatorOptions.MaskDropout"/>.
/// Every person and scan is a pure function of (seed, person id, scan index).
/// Real palm codes have correlated, biased bits; numbers from this simulator are best-case.
/// </summary>
public sealed class PalmSimulator
{
    /// <summary>Label carried by every output derived from this simulator.</summary>
    public const string Label = "SYNTHETIC";

    private const ulong PersonStream = 0x5045_5253_4F4E; // "PERSON"
    private const ulong ScanStream = 0x5343_414E;        // "SCAN"

    private readonly uint _flipThreshold;
    private readonly uint _dropThreshold;

    public PalmSimulator(PalmSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        double q = PerScanFlipProbability(options.GenuineBitErrorRate);
        _flipThreshold = ToThreshold(q);
        _dropThreshold = ToThreshold(options.MaskDropout);
    }

    public PalmSimulatorOptions Options { get; }

    /// <summary>The per-scan flip probability q solving 2q(1-q) = r (two independent scans then differ at rate r).</summary>
    public static double PerScanFlipProbability(double genuineRate) => (1 - Math.Sqrt(1 - 2 * genuineRate)) / 2;

    public SimulatedPerson Person(ulong id)
    {
        var rng = new Xoshiro256StarStar(Xoshiro256StarStar.DeriveSeed(Options.Seed, PersonStream, id));
        ulong[] latent = new ulong[Options.BitLength / 64];
        for (int i = 0; i < latent.Length; i++)
        {
            latent[i] = rng.NextUInt64();
        }

        return new SimulatedPerson(id, latent);
    }

    /// <summary>Scan number <paramref name="scanIndex"/> of <paramref name="person"/>.</summary>
    public PalmTemplate Scan(SimulatedPerson person, ulong scanIndex)
    {
        ArgumentNullException.ThrowIfNull(person);
        ReadOnlySpan<ulong> latent = person.LatentCode;
        if (latent.Length * 64 != Options.BitLength)
        {
            throw new ArgumentException("The person was created by a simulator with a different template length.", nameof(person));
        }

        var rng = new Xoshiro256StarStar(Xoshiro256StarStar.DeriveSeed(Options.Seed, ScanStream, person.Id, scanIndex));
        ulong[] bits = new ulong[latent.Length];
        ulong[] mask = new ulong[latent.Length];
        for (int w = 0; w < latent.Length; w++)
        {
            ulong flips = BernoulliWord(rng, _flipThreshold);
            ulong dropped = BernoulliWord(rng, _dropThreshold);
            ulong junk = rng.NextUInt64();
            ulong observed = latent[w] ^ flips;
            bits[w] = (observed & ~dropped) | (junk & dropped);
            mask[w] = ~dropped;
        }

        return new PalmTemplate(bits, mask, Options.BitLength);
    }

    public PalmTemplate Scan(ulong personId, ulong scanIndex) => Scan(Person(personId), scanIndex);

    /// <summary>64 independent bits, each 1 with probability threshold / 2^32 (two 32-bit draws per 64-bit output).</summary>
    private static ulong BernoulliWord(Xoshiro256StarStar rng, uint threshold)
    {
        if (threshold == 0)
        {
            return 0;
        }

        ulong word = 0;
        for (int i = 0; i < 64; i += 2)
        {
            ulong r = rng.NextUInt64();
            if ((uint)r < threshold)
            {
                word |= 1UL << i;
            }

            if ((uint)(r >> 32) < threshold)
            {
                word |= 1UL << (i + 1);
            }
        }

        return word;
    }

    private static uint ToThreshold(double probability) => (uint)Math.Min(uint.MaxValue, Math.Round(probability * 4294967296.0));
}
