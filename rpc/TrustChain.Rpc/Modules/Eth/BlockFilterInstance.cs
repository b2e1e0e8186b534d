namespace TrustChain.Rpc.Modules.Eth;

/// <summary>eth_newBlockFilter: hashes of blocks committed since the last poll.</summary>
public sealed class BlockFilterInstance(string id, DateTimeOffset now, ulong nextBlock) : InstalledFilter(id, now)
{
    public ulong NextBlock { get; set; } = nextBlock;
}
