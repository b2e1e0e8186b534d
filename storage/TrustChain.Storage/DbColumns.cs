namespace TrustChain.Storage;

/// <summary>The node's column families (see DESIGN.md §3.4).</summary>
public static class DbColumns
{
    public const string Default = "default";
    public const string Headers = "headers";
    public const string Blocks = "blocks";
    public const string Receipts = "receipts";
    public const string TxIndex = "txindex";
    public const string LogIndex = "logindex";
    public const string State = "state";
    public const string StateNodes = "statenodes";
    public const string Consensus = "consensus";
    public const string Meta = "meta";

    public static IReadOnlyList<string> All { get; } =
        [Default, Headers, Blocks, Receipts, TxIndex, LogIndex, State, StateNodes, Consensus, Meta];
}
