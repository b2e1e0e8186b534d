using TrustChain.Core;

namespace TrustChain.Rpc.Modules.Eth;

/// <summary>eth_newPendingTransactionFilter: hashes of transactions that became pending since the last poll (bounded).</summary>
public sealed class PendingTransactionFilterInstance(string id, DateTimeOffset now, int capacity) : InstalledFilter(id, now)
{
    private readonly Queue<Hash256> _hashes = new();

    public void Add(Hash256 hash)
    {
        lock (Sync)
        {
            if (_hashes.Count == capacity)
            {
                _hashes.Dequeue();
            }

            _hashes.Enqueue(hash);
        }
    }

    public Hash256[] Drain()
    {
        lock (Sync)
        {
            Hash256[] result = _hashes.ToArray();
            _hashes.Clear();
            return result;
        }
    }
}
