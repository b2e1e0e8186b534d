using TrustChain.Core;

namespace TrustChain.Node.Prover;

/// <summary>
/// A token bucket per enrolment operator, counted in OPRF evaluations (one per blinded band): the bucket holds at
/// most <see cref="Burst"/> tokens and refills at <see cref="RatePerSecond"/>. This is what keeps an operator (or a
/// stolen operator key) from inverting public tags by querying all 2^b values of a band at speed.
/// </summary>
public sealed class OperatorRateLimiter
{
    private readonly Dictionary<Address, Bucket> _buckets = [];
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    public OperatorRateLimiter(double ratePerSecond, int burst, TimeProvider? time = null)
    {
        if (!(ratePerSecond > 0) || burst < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ratePerSecond), $"rate must be positive and burst at least 1 (got {ratePerSecond}/s, burst {burst}).");
        }

        RatePerSecond = ratePerSecond;
        Burst = burst;
        _time = time ?? TimeProvider.System;
    }

    public double RatePerSecond { get; }

    public int Burst { get; }

    /// <summary>Takes <paramref name="count"/> tokens, or none and returns false with the wait until they would be there.</summary>
    public bool TryTake(Address account, int count, out TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        long now = _time.GetTimestamp();
        lock (_lock)
        {
            if (!_buckets.TryGetValue(account, out Bucket? bucket))
            {
                bucket = new Bucket { Tokens = Burst, Stamp = now };
                _buckets[account] = bucket;
            }

            double elapsed = _time.GetElapsedTime(bucket.Stamp, now).TotalSeconds;
            bucket.Tokens = Math.Min(Burst, bucket.Tokens + (elapsed * RatePerSecond));
            bucket.Stamp = now;
            if (count <= bucket.Tokens)
            {
                bucket.Tokens -= count;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = count > Burst ? TimeSpan.MaxValue : TimeSpan.FromSeconds((count - bucket.Tokens) / RatePerSecond);
            return false;
        }
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public long Stamp { get; set; }
    }
}
