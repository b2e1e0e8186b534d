using TrustChain.Core.Crypto;

namespace TrustChain.Core.Receipts;

/// <summary>
/// The 2048-bit Ethereum log bloom: each item sets the three bits given by the low 11 bits of the byte
/// pairs (0,1), (2,3), (4,5) of keccak(item), bit b being byte 255 - b/8, mask 1 &lt;&lt; (b % 8).
/// </summary>
public sealed class Bloom : IEquatable<Bloom>
{
    public const int ByteLength = 256;

    private readonly byte[] _bytes;

    public Bloom()
    {
        _bytes = new byte[ByteLength];
    }

    public Bloom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != ByteLength)
        {
            throw new ArgumentException($"Bloom must be {ByteLength} bytes, got {bytes.Length}.", nameof(bytes));
        }

        _bytes = bytes.ToArray();
    }

    /// <summary>A fresh empty bloom (Bloom is mutable, so there is no shared instance).</summary>
    public static Bloom Empty => new();

    public ReadOnlySpan<byte> Bytes => _bytes;

    public bool IsEmpty => !_bytes.AsSpan().ContainsAnyExcept((byte)0);

    public byte[] ToArray() => (byte[])_bytes.Clone();

    public void Add(ReadOnlySpan<byte> item)
    {
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Compute(item, hash);
        for (int i = 0; i < 6; i += 2)
        {
            int bit = ((hash[i] << 8) | hash[i + 1]) & 2047;
            _bytes[ByteLength - 1 - bit / 8] |= (byte)(1 << (bit % 8));
        }
    }

    public void Add(in Address address) => Add(address.Bytes);

    public void Add(in Hash256 topic) => Add(topic.Bytes);

    public void Add(LogEntry log)
    {
        ArgumentNullException.ThrowIfNull(log);
        Add(log.Address);
        foreach (Hash256 topic in log.Topics)
        {
            Add(topic);
        }
    }

    public void Add(IEnumerable<LogEntry> logs)
    {
        foreach (LogEntry log in logs)
        {
            Add(log);
        }
    }

    /// <summary>ORs another bloom into this one (e.g. a receipt bloom into the block bloom).</summary>
    public void Accumulate(Bloom other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int i = 0; i < ByteLength; i++)
        {
            _bytes[i] |= other._bytes[i];
        }
    }

    /// <summary>True if the item may be present (false positives possible, no false negatives).</summary>
    public bool Matches(ReadOnlySpan<byte> item)
    {
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Compute(item, hash);
        for (int i = 0; i < 6; i += 2)
        {
            int bit = ((hash[i] << 8) | hash[i + 1]) & 2047;
            if ((_bytes[ByteLength - 1 - bit / 8] & (1 << (bit % 8))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    public bool Matches(in Address address) => Matches(address.Bytes);

    public bool Matches(in Hash256 topic) => Matches(topic.Bytes);

    /// <summary>True if every bit set in <paramref name="other"/> is set here.</summary>
    public bool Contains(Bloom other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int i = 0; i < ByteLength; i++)
        {
            if ((_bytes[i] & other._bytes[i]) != other._bytes[i])
            {
                return false;
            }
        }

        return true;
    }

    public static Bloom FromLogs(IEnumerable<LogEntry> logs)
    {
        Bloom bloom = new();
        bloom.Add(logs);
        return bloom;
    }

    public bool Equals(Bloom? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => obj is Bloom other && Equals(other);

    public override int GetHashCode()
    {
        HashCode hash = default;
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    public override string ToString() => Hex.ToHexString(_bytes);
}
