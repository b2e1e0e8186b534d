using System.Diagnostics;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Consensus;

namespace TrustChain.Node.Hosting;

/// <summary>
/// Reports how long a block took to build (or validate) and commit: the engine calls these on its one loop thread,
/// so the time of the last propose/validate is added to the commit that follows it.
/// </summary>
public sealed class TimedBlockApplication : IBlockApplication
{
    private readonly IBlockApplication _inner;
    private readonly Action<Block, TimeSpan> _committed;
    private TimeSpan _prepared;

    /// <param name="committed">Called after each commit with the block and its build/validate + commit time.</param>
    public TimedBlockApplication(IBlockApplication inner, Action<Block, TimeSpan> committed)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(committed);
        _inner = inner;
        _committed = committed;
    }

    public BlockProposal Propose(ulong height, Address proposer, ulong timestampMs, Commit? lastCommit)
    {
        long started = Stopwatch.GetTimestamp();
        BlockProposal proposal = _inner.Propose(height, proposer, timestampMs, lastCommit);
        _prepared = Stopwatch.GetElapsedTime(started);
        return proposal;
    }

    public bool Validate(Block block, out string? error)
    {
        long started = Stopwatch.GetTimestamp();
        bool valid = _inner.Validate(block, out error);
        _prepared = Stopwatch.GetElapsedTime(started);
        return valid;
    }

    public void Commit(Block block, Commit commit)
    {
        long started = Stopwatch.GetTimestamp();
        _inner.Commit(block, commit);
        TimeSpan total = _prepared + Stopwatch.GetElapsedTime(started);
        _prepared = TimeSpan.Zero;
        _committed(block, total);
    }
}
