using TrustChain.Core;

namespace TrustChain.Chain.Specs;

/// <summary>A pre-funded account of the genesis state.</summary>
public sealed record GenesisAccount(Address Address, UInt256 Balance);
