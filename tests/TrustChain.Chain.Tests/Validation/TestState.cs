using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Storage;

namespace TrustChain.Chain.Tests.Validation;

/// <summary>Real state engine (StateDatabase over RocksDB in a temp folder) for validator and pool tests.</summary>
internal sealed class TestState : IDisposable
{
    private readonly string _directory;
    private readonly RocksDatabase _db;
    private ulong _blockNumber;

    public TestState()
    {
        _directory = Path.Combine(Path.GetTempPath(), "tc-chaina-" + Guid.NewGuid().ToString("N"));
        _db = RocksDatabase.Open(_directory, DbColumns.All);
        Database = new StateDatabase(_db);
        World = Database.OpenLatest();
    }

    public StateDatabase Database { get; }

    /// <summary>Mutable overlay; call <see cref="Commit"/> to make changes visible to <see cref="Head"/>.</summary>
    public WorldState World { get; }

    public IStateReader Head { get; private set; } = null!;

    public TestState Fund(Address address, UInt256 balance, ulong nonce = 0)
    {
        World.SetAccount(address, new Account(nonce, balance));
        return this;
    }

    /// <summary>Commits the overlay as the next block and returns a reader of the new root.</summary>
    public IStateReader Commit()
    {
        using WriteBatch batch = _db.CreateWriteBatch();
        Hash256 root = World.Commit(batch, _blockNumber++);
        _db.Write(batch, sync: false);
        World.MarkCommitted();
        Head = Database.GetReader(root);
        return Head;
    }

    public void Dispose()
    {
        _db.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; do not mask the test outcome.
        }
    }
}
