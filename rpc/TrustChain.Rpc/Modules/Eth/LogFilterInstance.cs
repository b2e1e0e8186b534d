namespace TrustChain.Rpc.Modules.Eth;

/// <summary>eth_newFilter: new matching logs from blocks after the last poll.</summary>
public sealed class LogFilterInstance(string id, DateTimeOffset now, LogFilterCriteria criteria, ulong nextBlock) : InstalledFilter(id, now)
{
    public LogFilterCriteria Criteria { get; } = criteria;

    /// <summary>First block not yet reported.</summary>
    public ulong NextBlock { get; set; } = nextBlock;
}
