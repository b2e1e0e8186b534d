namespace TrustChain.Biometrics.Study;

/// <summary>
/// One LSH configuration with its measured per-band match probabilities and the analytic rates derived from them:
/// a genuine re-scan is missed when fewer than m of k bands match (X ~ Bin(k, pGenuine)); two distinct people
/// match falsely when ≥ m bands collide (Bin(k, pImpostor)); a new person is a false duplicate among N enrolled
/// when any of the N pairs matches: 1 − (1 − pair)^N (pairs treated as independent, which the union bound caps).
/// On chain every tag value keeps a list of its owners, about N / 2^b of them among N enrolled humans, and a duplicate
/// check reads every owner of its k tags: that is the cost side of the trade-off.
/// </summary>
public sealed record DedupConfiguration(int Bands, int BandBits, int DedupMatch, double GenuineBandMatch, double ImpostorBandMatch)
{
    public double MissedDuplicateRate => BinomialTail.Below(Bands, GenuineBandMatch, DedupMatch);

    public double PairFalseMatchRate => BinomialTail.AtLeast(Bands, ImpostorBandMatch, DedupMatch);

    public double FalseDuplicateRate(double enrolled) => BinomialTail.AnyOf(PairFalseMatchRate, enrolled);

    /// <summary>Expected owners of one tag value among <paramref name="enrolled"/> humans: N / 2^b.</summary>
    public double ExpectedOwnersPerTag(double enrolled) => enrolled * Math.Pow(2, -BandBits);

    /// <summary>Owner-list entries one duplicate check reads: k · N / 2^b.</summary>
    public double OwnerReadsPerCheck(double enrolled) => Bands * ExpectedOwnersPerTag(enrolled);

    /// <summary>
    /// Expected number of the k · 2^b owner lists holding at least <paramref name="cap"/> owners at N enrolled (owners
    /// per list ~ Poisson(N / 2^b)); a full list leaves later humans' copies of that tag unrecorded.
    /// </summary>
    public double ExpectedFullLists(double enrolled, int cap) =>
        Bands * Math.Pow(2, BandBits) * BinomialTail.PoissonAtLeast(ExpectedOwnersPerTag(enrolled), cap);

    public override string ToString() => $"k={Bands} b={BandBits} m={DedupMatch}";
}
