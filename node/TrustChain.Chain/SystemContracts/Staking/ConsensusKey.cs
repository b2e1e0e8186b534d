using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.SystemContracts.Staking;

/// <summary>
/// A validator's consensus key must be the secp256k1 key of its own operator address. Commit signatures are 65-byte
/// recoverable signatures attributed to an address (<c>CommitSignature(address, signature)</c>), so one key per
/// validator keeps vote verification a plain ecrecover, and nobody can register a key whose votes they cannot sign.
/// </summary>
public static class ConsensusKey
{
    public const int Length = Secp256k1.CompressedPublicKeyLength;

    /// <summary>Null when <paramref name="key"/> is a valid compressed key of <paramref name="owner"/>, else why not.</summary>
    public static string? Check(ReadOnlySpan<byte> key, Address owner)
    {
        if (key.Length != Length || (key[0] != 0x02 && key[0] != 0x03))
        {
            return $"consensus key must be a 33-byte compressed secp256k1 key (0x02/0x03 prefix), got {key.Length} bytes";
        }

        Span<byte> uncompressed = stackalloc byte[Secp256k1.PublicKeyLength];
        if (!Secp256k1.TryParsePublicKey(key, uncompressed))
        {
            return "consensus key is not a point on the secp256k1 curve";
        }

        Address derived = Address.FromPublicKey(uncompressed);
        return derived == owner ? null : $"consensus key belongs to {derived}, not to the staking account {owner}";
    }
}
