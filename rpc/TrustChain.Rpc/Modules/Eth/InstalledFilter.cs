namespace TrustChain.Rpc.Modules.Eth;

/// <summary>A filter created by eth_new*Filter; polled with eth_getFilterChanges, expires when idle.</summary>
public abstract class InstalledFilter
{
    protected InstalledFilter(string id, DateTimeOffset now)
    {
        Id = id;
        LastUsed = now;
    }

    public string Id { get; }

    /// <summary>Guards the filter's cursor so two concurrent polls never return the same changes twice.</summary>
    public Lock Sync { get; } = new();

    public DateTimeOffset LastUsed { get; private set; }

    public void Touch(DateTimeOffset now) => LastUsed = now;
}
