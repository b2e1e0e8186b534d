namespace TrustChain.Bench.InProcess;

/// <summary>Totals of one in-process run: transfers committed and the time spent executing and committing them.</summary>
public sealed record BlockTimings(int Transfers, int Blocks, TimeSpan Execution, TimeSpan Commit)
{
    public TimeSpan Total => Execution + Commit;

    public static double Rate(int transfers, TimeSpan time) => time > TimeSpan.Zero ? transfers / time.TotalSeconds : 0;
}
