using System.Text;

namespace TrustChain.Rpc.JsonRpc;

/// <summary>
/// Pre-encoded results of parameterless methods whose answer only changes when the head block does (eth_blockNumber,
/// eth_chainId, net_version, eth_gasPrice). An entry is valid while the epoch object the module supplies (the head
/// header) is the same instance it was filled under, so a new block makes it stale on the very next read without
/// any event ordering to get wrong. The result bytes come from the general serialiser, so the JSON is identical.
/// </summary>
public sealed class RpcResultCache
{
    private volatile Entry[] _entries = [];
    private readonly Lock _gate = new();

    /// <summary>Number of methods answered from the cache.</summary>
    public int Count => _entries.Length;

    /// <summary>
    /// Serves <paramref name="methods"/> (already registered or registered later) from the cache while
    /// <paramref name="epoch"/> returns the same object; call once per module.
    /// </summary>
    public void Enable(Func<object> epoch, params ReadOnlySpan<string> methods)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        lock (_gate)
        {
            var entries = new List<Entry>(_entries);
            foreach (string method in methods)
            {
                ArgumentException.ThrowIfNullOrEmpty(method);
                foreach (Entry existing in entries)
                {
                    if (existing.Name == method)
                    {
                        throw new InvalidOperationException($"RPC method '{method}' is already cached.");
                    }
                }

                entries.Add(new Entry(method, epoch));
            }

            _entries = entries.ToArray();
        }
    }

    internal Entry? Find(ReadOnlySpan<byte> methodUtf8)
    {
        Entry[] entries = _entries;
        for (int i = 0; i < entries.Length; i++)
        {
            if (methodUtf8.SequenceEqual(entries[i].NameUtf8))
            {
                return entries[i];
            }
        }

        return null;
    }

    internal sealed class Entry(string name, Func<object> epoch)
    {
        private volatile Snapshot? _snapshot;

        public string Name { get; } = name;

        public byte[] NameUtf8 { get; } = Encoding.UTF8.GetBytes(name);

        public Func<object> Epoch { get; } = epoch;

        /// <summary>The cached result JSON if it was filled under the current epoch.</summary>
        public byte[]? TryGet(object currentEpoch)
        {
            Snapshot? snapshot = _snapshot;
            return snapshot is not null && ReferenceEquals(snapshot.Epoch, currentEpoch) ? snapshot.ResultJson : null;
        }

        public void Store(object epochBeforeCall, byte[] resultJson) => _snapshot = new Snapshot(epochBeforeCall, resultJson);
    }

    private sealed record Snapshot(object Epoch, byte[] ResultJson);
}
