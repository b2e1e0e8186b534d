using System.Buffers.Binary;
using System.Security.Cryptography;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.SystemContracts.Models.Fingerprints;

/// <summary>
/// A model owner's secret fingerprints with their Merkle tree: the root is registered on chain, the pairs stay in the
/// owner's file (<see cref="FingerprintFile"/>) until revealed in an ownership proof, a report or a challenge.
/// </summary>
public sealed class FingerprintSet
{
    public const int SeedLength = 32;

    /// <summary>Fingerprint counts are uint32 on chain; the tree bounds them further.</summary>
    public const int MaxCount = KeccakMerkleTree.MaxLeaves;

    private static readonly byte[] KeyTag = "TrustChain fingerprint key"u8.ToArray();
    private static readonly byte[] ResponseTag = "TrustChain fingerprint response"u8.ToArray();

    private readonly FingerprintPair[] _pairs;
    private readonly Dictionary<Hash256, int> _indexByKey;

    public FingerprintSet(IReadOnlyList<FingerprintPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count is 0 or > MaxCount)
        {
            throw new ArgumentException($"a fingerprint set needs 1..{MaxCount} pairs, got {pairs.Count}", nameof(pairs));
        }

        _pairs = new FingerprintPair[pairs.Count];
        _indexByKey = new Dictionary<Hash256, int>(pairs.Count);
        Hash256[] leaves = new Hash256[pairs.Count];
        for (int i = 0; i < pairs.Count; i++)
        {
            FingerprintPair pair = pairs[i];
            // Each key is one query to the model: a repeated key would make one fingerprint count twice in a challenge.
            if (!_indexByKey.TryAdd(pair.Key, i))
            {
                throw new ArgumentException($"fingerprint key {pair.Key} appears twice (pairs {_indexByKey[pair.Key]} and {i})", nameof(pairs));
            }

            _pairs[i] = pair;
            leaves[i] = pair.Leaf;
        }

        Tree = new KeccakMerkleTree(leaves);
    }

    public IReadOnlyList<FingerprintPair> Pairs => _pairs;

    public int Count => _pairs.Length;

    public KeccakMerkleTree Tree { get; }

    /// <summary>The fingerprintRoot to register.</summary>
    public Hash256 Root => Tree.Root;

    public FingerprintPair this[int index] => _pairs[index];

    /// <summary>
    /// Deterministic pairs from a secret 32-byte seed: key_i = keccak256("TrustChain fingerprint key" ‖ seed ‖ uint32be(i)),
    /// response_i = keccak256("TrustChain fingerprint response" ‖ seed ‖ uint32be(i)). The seed alone recreates the set.
    /// </summary>
    public static FingerprintSet Generate(ReadOnlySpan<byte> seed, int count)
    {
        if (seed.Length != SeedLength)
        {
            throw new ArgumentException($"the fingerprint seed must be {SeedLength} bytes, got {seed.Length}", nameof(seed));
        }

        if (count is <= 0 or > MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"fingerprint count must be 1..{MaxCount}");
        }

        FingerprintPair[] pairs = new FingerprintPair[count];
        Span<byte> keyInput = stackalloc byte[KeyTag.Length + SeedLength + sizeof(uint)];
        Span<byte> responseInput = stackalloc byte[ResponseTag.Length + SeedLength + sizeof(uint)];
        KeyTag.CopyTo(keyInput);
        seed.CopyTo(keyInput[KeyTag.Length..]);
        ResponseTag.CopyTo(responseInput);
        seed.CopyTo(responseInput[ResponseTag.Length..]);
        for (int i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(keyInput[^sizeof(uint)..], (uint)i);
            BinaryPrimitives.WriteUInt32BigEndian(responseInput[^sizeof(uint)..], (uint)i);
            pairs[i] = new FingerprintPair(Keccak256.Compute(keyInput), Keccak256.Compute(responseInput));
        }

        return new FingerprintSet(pairs);
    }

    /// <summary>Fresh pairs from a cryptographic random seed (the CLI's default).</summary>
    public static FingerprintSet Generate(int count)
    {
        Span<byte> seed = stackalloc byte[SeedLength];
        RandomNumberGenerator.Fill(seed);
        try
        {
            return Generate(seed, count);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    public int IndexOf(in Hash256 key) => _indexByKey.TryGetValue(key, out int index) ? index : -1;

    /// <summary>The Merkle proof of pair <paramref name="index"/> against <see cref="Root"/>.</summary>
    public Hash256[] Proof(int index) => Tree.Proof(index);
}
