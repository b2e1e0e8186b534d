using TrustChain.Core.Transactions;

namespace TrustChain.Core.Blocks;

/// <summary>A header plus body: transactions, the commit for the parent block (null at genesis/height 1), evidence.</summary>
public sealed class Block
{
    public Block(BlockHeader header, IReadOnlyList<Transaction> transactions, Commit? lastCommit, IReadOnlyList<byte[]> evidence)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(evidence);
        Header = header;
        Transactions = transactions;
        LastCommit = lastCommit;
        Evidence = evidence;
    }

    public BlockHeader Header { get; }

    public IReadOnlyList<Transaction> Transactions { get; }

    public Commit? LastCommit { get; }

    /// <summary>Opaque evidence items; consensus defines their format.</summary>
    public IReadOnlyList<byte[]> Evidence { get; }

    public Hash256 Hash => Header.Hash;

    public ulong Number => Header.Number;
}
