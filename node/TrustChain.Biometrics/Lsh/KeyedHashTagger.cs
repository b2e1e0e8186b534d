using System.Text;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Biometrics.Lsh;

/// <summary>
/// Simulator-speed tagger: tag = Keccak("TrustChain/palm/tag/keyed/v1" ‖ key ‖ band encoding). Collides exactly
/// when the OPRF tagger does (both are injective in the band up to hash collisions); it is NOT private, since
/// anyone with the key can brute-force a b-bit band, which is why production uses the threshold OPRF.
/// </summary>
public sealed class KeyedHashTagger : IBandTagger
{
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("TrustChain/palm/tag/keyed/v1");
    private readonly byte[] _key;

    public KeyedHashTagger(ReadOnlySpan<byte> key32)
    {
        if (key32.Length != 32)
        {
            throw new ArgumentException($"Key must be 32 bytes, got {key32.Length}.", nameof(key32));
        }

        _key = key32.ToArray();
    }

    public Hash256 Tag(in BandInput band)
    {
        Span<byte> encoded = stackalloc byte[BandInput.EncodedLength];
        band.Encode(encoded);
        var hasher = new KeccakHasher();
        hasher.Update(Domain);
        hasher.Update(_key);
        hasher.Update(encoded);
        return hasher.Finish();
    }
}
