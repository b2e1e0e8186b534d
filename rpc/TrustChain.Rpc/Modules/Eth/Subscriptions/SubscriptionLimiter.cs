using System.Collections.Concurrent;

namespace TrustChain.Rpc.Modules.Eth.Subscriptions;

/// <summary>Counts live subscriptions per connection (keyed by Kestrel's connection id) against a cap.</summary>
internal sealed class SubscriptionLimiter(int limit)
{
    private readonly ConcurrentDictionary<string, int> _perConnection = new(StringComparer.Ordinal);
    private int _total;

    public int Total => Volatile.Read(ref _total);

    public bool TryAcquire(string connection)
    {
        while (true)
        {
            if (_perConnection.TryGetValue(connection, out int current))
            {
                if (current >= limit)
                {
                    return false;
                }

                if (_perConnection.TryUpdate(connection, current + 1, current))
                {
                    break;
                }
            }
            else if (_perConnection.TryAdd(connection, 1))
            {
                break;
            }
        }

        Interlocked.Increment(ref _total);
        return true;
    }

    public void Release(string connection)
    {
        while (_perConnection.TryGetValue(connection, out int current))
        {
            bool done = current <= 1
                ? _perConnection.TryRemove(new KeyValuePair<string, int>(connection, current))
                : _perConnection.TryUpdate(connection, current - 1, current);
            if (done)
            {
                Interlocked.Decrement(ref _total);
                return;
            }
        }
    }
}
