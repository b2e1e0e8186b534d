using TrustChain.Core;

namespace TrustChain.Node.Prover;

/// <summary>Remembers served request hashes until their expiry, so a captured signed request cannot be replayed to drain the operator's budget.</summary>
public sealed class ReplayGuard
{
    private readonly Dictionary<Hash256, ulong> _seen = [];
    private readonly Lock _lock = new();
    private ulong _lastSweep;

    /// <summary>Whether <paramref name="hash"/> was accepted and has not expired (records nothing).</summary>
    public bool IsSeen(in Hash256 hash, ulong now)
    {
        lock (_lock)
        {
            return _seen.TryGetValue(hash, out ulong expiry) && expiry >= now;
        }
    }

    /// <summary>False when <paramref name="hash"/> was already accepted and has not expired.</summary>
    public bool TryAccept(in Hash256 hash, ulong expiry, ulong now)
    {
        lock (_lock)
        {
            if (now >= _lastSweep + 60)
            {
                foreach (KeyValuePair<Hash256, ulong> entry in _seen.ToArray())
                {
                    if (entry.Value < now)
                    {
                        _seen.Remove(entry.Key);
                    }
                }

                _lastSweep = now;
            }

            return _seen.TryAdd(hash, expiry);
        }
    }
}
