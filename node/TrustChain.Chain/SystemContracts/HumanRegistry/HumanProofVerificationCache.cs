using System.Buffers.Binary;
using System.Collections.Concurrent;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>
/// Outcomes of Groth16 checks made ahead of execution, keyed by (depth, number of keys tried, proof points, public
/// inputs). A hit answers exactly what verifying again against the same keys would, so execution stays deterministic
/// whether or not the pre-pass ran; a miss simply verifies. Bounded: the pre-pass clears it per block.
/// </summary>
public sealed class HumanProofVerificationCache
{
    /// <summary>Past this many entries new results are not stored (a block cannot hold more verifyHuman calls).</summary>
    public const int MaxEntries = 65_536;

    private const int KeyLength = 2 * 8 + (4 + SemaphorePointCount) * 32;
    private const int SemaphorePointCount = 8;

    private readonly ConcurrentDictionary<Hash256, bool> _results = new();

    public int Count => _results.Count;

    public void Clear() => _results.Clear();

    public bool TryGet(in Hash256 key, out bool valid) => _results.TryGetValue(key, out valid);

    public void Set(in Hash256 key, bool valid)
    {
        if (_results.Count < MaxEntries)
        {
            _results[key] = valid;
        }
    }

    /// <summary>The cache key of <paramref name="proof"/> checked against <paramref name="keyCount"/> keys of its depth.</summary>
    public static Hash256 Key(HumanProof proof, int keyCount)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (proof.Points.Count != SemaphorePointCount)
        {
            throw new ArgumentException($"a packed Semaphore proof has {SemaphorePointCount} values, got {proof.Points.Count}", nameof(proof));
        }

        Span<byte> buffer = stackalloc byte[KeyLength];
        BinaryPrimitives.WriteUInt64BigEndian(buffer, proof.Depth.IsUInt64 ? proof.Depth.U0 : ulong.MaxValue);
        BinaryPrimitives.WriteUInt64BigEndian(buffer[8..], (ulong)keyCount);
        int offset = 16;
        proof.Root.ToBigEndian(buffer.Slice(offset, 32));
        proof.Nullifier.ToBigEndian(buffer.Slice(offset + 32, 32));
        proof.Message.ToBigEndian(buffer.Slice(offset + 64, 32));
        proof.Scope.ToBigEndian(buffer.Slice(offset + 96, 32));
        offset += 128;
        for (int i = 0; i < SemaphorePointCount; i++)
        {
            proof.Points[i].ToBigEndian(buffer.Slice(offset + i * 32, 32));
        }

        return Keccak256.Compute(buffer);
    }
}
