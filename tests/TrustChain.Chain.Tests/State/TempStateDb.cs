using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Storage;

namespace TrustChain.Chain.Tests.State;

/// <summary>A real RocksDB in a temp directory, reopenable, deleted on dispose.</summary>
internal sealed class TempStateDb : IDisposable
{
    public TempStateDb(StateDatabaseOptions? options = null)
    {
        Options = options;
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tc-state-" + Guid.NewGuid().ToString("N"));
        Open();
    }

    public string Path { get; }

    public StateDatabaseOptions? Options { get; }

    public RocksDatabase Db { get; private set; } = null!;

    public StateDatabase State { get; private set; } = null!;

    public void Reopen()
    {
        Db.Dispose();
        Open();
    }

    /// <summary>Commits the overlay as block <paramref name="blockNumber"/> in one synced batch.</summary>
    public Hash256 Commit(WorldState world, ulong blockNumber)
    {
        using WriteBatch batch = Db.CreateWriteBatch();
        Hash256 root = world.Commit(batch, blockNumber);
        Db.Write(batch, sync: false);
        world.MarkCommitted();
        return root;
    }

    public void Prune(ulong keepFromBlock)
    {
        using WriteBatch batch = Db.CreateWriteBatch();
        State.Prune(keepFromBlock, batch);
        Db.Write(batch, sync: false);
    }

    public int CountKeys(string columnFamily, byte prefix)
    {
        using RocksIterator iterator = Db.CreateIterator(Db.GetColumnFamily(columnFamily), IteratorOptions.ForPrefix([prefix]));
        int count = 0;
        for (iterator.SeekToFirst(); iterator.Valid; iterator.Next())
        {
            count++;
        }

        return count;
    }

    public void Dispose()
    {
        Db.Dispose();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp dir must not fail the test run.
        }
    }

    private void Open()
    {
        Db = RocksDatabase.Open(Path, DbColumns.All);
        State = new StateDatabase(Db, Options);
    }
}
