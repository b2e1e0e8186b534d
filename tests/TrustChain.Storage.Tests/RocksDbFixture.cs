namespace TrustChain.Storage.Tests;

/// <summary>A fresh RocksDB with the node's column families in a temp dir for every test, disposed after it.</summary>
public abstract class RocksDbFixture
{
    private TempDirectory _dir = null!;

    protected RocksDatabase Db { get; private set; } = null!;

    protected ColumnFamily State { get; private set; } = null!;

    [SetUp]
    public void OpenDatabase()
    {
        _dir = new TempDirectory();
        Db = RocksDatabase.Open(_dir.Combine("db"), DbColumns.All);
        State = Db.GetColumnFamily(DbColumns.State);
    }

    [TearDown]
    public void CloseDatabase()
    {
        Db.Dispose();
        _dir.Dispose();
    }
}
