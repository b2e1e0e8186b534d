using TrustChain.Chain.Blocks;
using TrustChain.Core.Blocks;
using TrustChain.Core.Receipts;

namespace TrustChain.Rpc.Metrics;

/// <summary>
/// Healthy while the head keeps advancing (the node is producing or syncing). The head's age is measured on this
/// node's clock from the moment it saw the head change (block timestamps come from the proposer's clock). Dispose to
/// detach from the chain.
/// </summary>
public sealed class NodeHealth : IDisposable
{
    private readonly Blockchain _chain;
    private readonly HealthOptions _options;
    private readonly TimeProvider _time;
    private long _advancedAtTicks;

    public NodeHealth(Blockchain chain, HealthOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        _options = options ?? new HealthOptions();
        _options.Validate();
        _chain = chain;
        _time = time ?? TimeProvider.System;
        // Starting counts as an advance: a node that was just started gets one threshold to produce or sync.
        _advancedAtTicks = _time.GetUtcNow().UtcTicks;
        chain.BlockCommitted += OnBlockCommitted;
    }

    public HealthReport Check()
    {
        BlockHeader head = _chain.Head;
        long ageTicks = Math.Max(0, _time.GetUtcNow().UtcTicks - Interlocked.Read(ref _advancedAtTicks));
        var age = TimeSpan.FromTicks(ageTicks);
        bool advancing = age <= _options.MaxHeadAge;
        bool syncing = _options.Syncing();
        string status = !advancing ? "stalled" : syncing ? "syncing" : "ok";
        return new HealthReport(advancing, status, head.Number, head.Hash.ToString(), (long)age.TotalMilliseconds, syncing, _options.PeerCount());
    }

    public void Dispose() => _chain.BlockCommitted -= OnBlockCommitted;

    private void OnBlockCommitted(Block block, IReadOnlyList<TxReceipt> receipts) =>
        Interlocked.Exchange(ref _advancedAtTicks, _time.GetUtcNow().UtcTicks);
}
