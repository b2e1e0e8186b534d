using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.SystemContracts.Models.Fingerprints;

/// <summary>
/// One secret fingerprint of a model: a query <see cref="Key"/> and the <see cref="Response"/> the fingerprinted model
/// gives to it. Its Merkle leaf is keccak256(key ‖ response), i.e. Solidity's keccak256(abi.encodePacked(key, response)).
/// </summary>
public readonly record struct FingerprintPair(Hash256 Key, Hash256 Response)
{
    public Hash256 Leaf => ComputeLeaf(Key, Response);

    public static Hash256 ComputeLeaf(in Hash256 key, in Hash256 response)
    {
        Span<byte> preimage = stackalloc byte[2 * Hash256.Length];
        key.CopyTo(preimage);
        response.CopyTo(preimage[Hash256.Length..]);
        return Keccak256.Compute(preimage);
    }
}
