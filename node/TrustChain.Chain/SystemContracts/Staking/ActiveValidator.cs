using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Staking;

/// <summary>A member of the active validator set: its operator address, 33-byte compressed consensus key and bonded stake.</summary>
public sealed record ActiveValidator(Address Address, byte[] ConsensusPublicKey, UInt256 Stake);
