using System.Collections.Concurrent;
using TrustChain.Consensus.Sync;

namespace TrustChain.Consensus.Tests.Sync;

/// <summary>Peers that serve a chain from memory, each optionally lying (tampered commits) or failing.</summary>
public sealed class ScriptedSyncPeers : IBlockSyncPeers
{
    private readonly SyncChain _chain;
    private readonly Dictionary<string, Func<SyncBlock, SyncBlock>?> _serve = [];
    private readonly HashSet<string> _failing = [];

    public ScriptedSyncPeers(SyncChain chain)
    {
        _chain = chain;
    }

    public ConcurrentQueue<string> BadPeers { get; } = new();

    public ConcurrentDictionary<string, int> Requests { get; } = new();

    public ScriptedSyncPeers Honest(string id)
    {
        _serve[id] = null;
        return this;
    }

    public ScriptedSyncPeers Tampering(string id, Func<SyncBlock, SyncBlock> tamper)
    {
        _serve[id] = tamper;
        return this;
    }

    public ScriptedSyncPeers Failing(string id)
    {
        _serve[id] = null;
        _failing.Add(id);
        return this;
    }

    public IReadOnlyList<SyncPeer> GetPeers() => [.. _serve.Keys.Order(StringComparer.Ordinal).Select(id => new SyncPeer(id, _chain.Head))];

    public async Task<IReadOnlyList<SyncBlock>> RequestBlocksAsync(string peerId, ulong from, int count, CancellationToken cancellationToken)
    {
        Requests.AddOrUpdate(peerId, 1, (_, n) => n + 1);
        await Task.Yield();
        if (_failing.Contains(peerId))
        {
            throw new IOException($"{peerId} timed out");
        }

        Func<SyncBlock, SyncBlock>? tamper = _serve[peerId];
        List<SyncBlock> blocks = _chain.Blocks.GetRange((int)from - 1, count);
        return tamper is null ? blocks : [.. blocks.Select(tamper)];
    }

    public void ReportBadPeer(string peerId, string reason) => BadPeers.Enqueue($"{peerId}: {reason}");
}
