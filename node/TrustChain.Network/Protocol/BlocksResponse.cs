using TrustChain.Core.Blocks;

namespace TrustChain.Network.Protocol;

/// <summary>The answer to a <see cref="GetBlocksRequest"/>: consecutive blocks, each with the commit that finalised it.</summary>
public sealed record BlocksResponse(ulong RequestId, IReadOnlyList<(Block Block, Commit Commit)> Blocks);
