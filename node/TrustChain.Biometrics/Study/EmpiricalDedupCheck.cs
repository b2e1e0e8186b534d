namespace TrustChain.Biometrics.Study;

/// <summary>
/// Direct simulation of one configuration: re-scans of <see cref="Genuine"/> people checked against their own
/// enrolment, and <see cref="Candidates"/> distinct people checked against <see cref="Enrolled"/> enrolments.
/// </summary>
public sealed record EmpiricalDedupCheck(
    DedupConfiguration Configuration,
    int Genuine,
    int Missed,
    int Enrolled,
    int Candidates,
    int FalseDuplicates,
    int MaxImpostorMatches)
{
    public double MissedRate => Genuine == 0 ? 0 : (double)Missed / Genuine;

    public double FalseDuplicateRate => Candidates == 0 ? 0 : (double)FalseDuplicates / Candidates;

    /// <summary>95% upper bound on the false-duplicate rate (rule of three when none was seen).</summary>
    public double FalseDuplicateUpper95 => FalseDuplicates == 0 ? 3.0 / Math.Max(1, Candidates) : Wilson95Upper(FalseDuplicates, Candidates);

    private static double Wilson95Upper(int x, int n)
    {
        const double z = 1.96;
        double p = (double)x / n;
        double denominator = 1 + z * z / n;
        double centre = p + z * z / (2 * n);
        double spread = z * Math.Sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return (centre + spread) / denominator;
    }
}
