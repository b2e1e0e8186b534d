namespace TrustChain.Network.Protocol;

/// <summary>Asks for blocks <see cref="From"/> .. From + Count − 1 with their commits.</summary>
public readonly record struct GetBlocksRequest(ulong RequestId, ulong From, int Count);
