using TrustChain.Chain.Abi;

namespace TrustChain.Chain.SystemContracts;

/// <summary>An event a system contract declares, with its NatSpec notice for the Solidity interface.</summary>
public sealed record SystemEvent(AbiEvent Event, string? Notice);
