namespace TrustChain.Storage.Tests;

/// <summary>
/// A fresh RocksDB with the node's column families in a temp dir for every test, disposed after it (NUnit runs the
/// base class's set-up first and its tear-down last, so the directory outlives the database).
/// </summary>
public abstract class RocksDbFixture : TempDirectoryFixture
{
    protected RocksDatabase Db { get; private set; } = null!;

    protected ColumnFamily State { get; private set; } = null!;

    [SetUp]
    public void OpenDatabase()
    {
        Db = RocksDatabase.Open(Dir.Combine("db"), DbColumns.All);
        State = Db.GetColumnFamily(DbColumns.State);
    }

    [TearDown]
    public void CloseDatabase() => Db.Dispose();
}
