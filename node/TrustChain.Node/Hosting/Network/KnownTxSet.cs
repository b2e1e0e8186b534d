using TrustChain.Core;

namespace TrustChain.Node.Hosting.Network;

/// <summary>
/// A bounded set of transaction hashes that forgets the oldest first: what a peer is known to have (so it is not
/// sent again) or what this node has already handled. Thread-safe.
/// </summary>
public sealed class KnownTxSet
{
    private readonly Lock _lock = new();
    private readonly HashSet<Hash256> _set;
    private readonly Hash256[] _ring;
    private int _next;

    public KnownTxSet(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _set = new HashSet<Hash256>(capacity);
        _ring = new Hash256[capacity];
    }

    public int Capacity => _ring.Length;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _set.Count;
            }
        }
    }

    /// <summary>Adds the hash; false when it was already there.</summary>
    public bool Add(in Hash256 hash)
    {
        lock (_lock)
        {
            return AddLocked(hash);
        }
    }

    /// <summary>Adds every hash of <paramref name="hashes"/>, setting <paramref name="added"/>[i] for the new ones.</summary>
    public void AddRange(ReadOnlySpan<Hash256> hashes, Span<bool> added)
    {
        if (added.Length < hashes.Length)
        {
            throw new ArgumentException($"room for {added.Length} flags, {hashes.Length} hashes", nameof(added));
        }

        lock (_lock)
        {
            for (int i = 0; i < hashes.Length; i++)
            {
                added[i] = AddLocked(hashes[i]);
            }
        }
    }

    public bool Contains(in Hash256 hash)
    {
        lock (_lock)
        {
            return _set.Contains(hash);
        }
    }

    private bool AddLocked(in Hash256 hash)
    {
        if (!_set.Add(hash))
        {
            return false;
        }

        if (_set.Count > _ring.Length)
        {
            _set.Remove(_ring[_next]);
        }

        _ring[_next] = hash;
        _next = _next + 1 == _ring.Length ? 0 : _next + 1;
        return true;
    }
}
