using System.Collections.Concurrent;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.SystemContracts.Models;

/// <summary>
/// Signers recovered ahead of execution (the settle pre-pass recovers a block's user receipts in parallel), keyed by
/// keccak(digest ‖ 65-byte signature). A hit is exactly what recovering again would give, so a block's result does not
/// depend on whether the pre-pass ran; a miss simply recovers. Bounded: the pre-pass clears it per block.
/// </summary>
public sealed class RecoveredSignerCache
{
    /// <summary>Past this many entries new results are not stored (more than a block's worth of settle calls).</summary>
    public const int MaxEntries = 65_536;

    private readonly ConcurrentDictionary<Hash256, Address?> _signers = new();

    public int Count => _signers.Count;

    public void Clear() => _signers.Clear();

    public bool TryGet(in Hash256 key, out Address? signer) => _signers.TryGetValue(key, out signer);

    public void Set(in Hash256 key, Address? signer)
    {
        if (_signers.Count < MaxEntries)
        {
            _signers[key] = signer;
        }
    }

    public static Hash256 Key(in Hash256 digest, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != ModelTypedData.SignatureLength)
        {
            throw new ArgumentException($"a signature is {ModelTypedData.SignatureLength} bytes, got {signature.Length}", nameof(signature));
        }

        Span<byte> preimage = stackalloc byte[Hash256.Length + ModelTypedData.SignatureLength];
        digest.CopyTo(preimage);
        signature.CopyTo(preimage[Hash256.Length..]);
        return Keccak256.Compute(preimage);
    }
}
