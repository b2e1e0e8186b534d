namespace TrustChain.Biometrics.Study;

/// <summary>
/// One LSH configuration with its measured per-band match probabilities and the analytic rates derived from them:
/// a genuine re-scan is missed when fewer than m of k bands match (X ~ Bin(k, pGenuine)); two distinct people
/// match falsely when ≥ m bands collide (Bin(k, pImpostor)); a new person is a false duplicate among N enrolled
/// when any of the N pairs matches: 1 − (1 − pair)^N (pairs treated as independent, which the union bound caps).
/// </summary>
public sealed record DedupConfiguration(int Bands, int BandBits, int DedupMatch, double GenuineBandMatch, double ImpostorBandMatch)
{
    public double MissedDuplicateRate => BinomialTail.Below(Bands, GenuineBandMatch, DedupMatch);

    public double PairFalseMatchRate => BinomialTail.AtLeast(Bands, ImpostorBandMatch, DedupMatch);

    public double FalseDuplicateRate(double enrolled) => BinomialTail.AnyOf(PairFalseMatchRate, enrolled);

    public override string ToString() => $"k={Bands} b={BandBits} m={DedupMatch}";
}
