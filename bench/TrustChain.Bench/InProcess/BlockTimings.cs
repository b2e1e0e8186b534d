namespace TrustChain.Bench.InProcess;

/// <summary>Totals of one in-process run: transfers committed and the time spent executing and committing them.</summary>
/// <param name="ProcessCpu">CPU time of the whole process over the run (all threads): on a shared machine the wall-clock
/// figures include time spent waiting for a core, this does not.</param>
public sealed record BlockTimings(int Transfers, int Blocks, TimeSpan Execution, TimeSpan Commit, TimeSpan ProcessCpu)
{
    public TimeSpan Total => Execution + Commit;

    public static double Rate(int transfers, TimeSpan time) => time > TimeSpan.Zero ? transfers / time.TotalSeconds : 0;
}
