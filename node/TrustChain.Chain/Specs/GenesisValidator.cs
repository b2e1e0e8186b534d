using TrustChain.Core;

namespace TrustChain.Chain.Specs;

/// <summary>A member of the genesis validator set.</summary>
/// <param name="PublicKey">33-byte compressed secp256k1 consensus key.</param>
public sealed record GenesisValidator(Address Address, byte[] PublicKey, UInt256 Stake);
