using TrustChain.Storage.Native;

namespace TrustChain.Storage;

/// <summary>
/// A consistent point-in-time view of the database: reads through it do not see later writes. Release it
/// promptly (Dispose): a live snapshot keeps old versions from being compacted away. Iterators created at a
/// snapshot keep it alive until they are disposed too.
/// </summary>
public sealed class Snapshot : IDisposable
{
    internal Snapshot(DatabaseSafeHandle database)
    {
        Handle = new SnapshotSafeHandle(database);
        Database = database;
    }

    internal SnapshotSafeHandle Handle { get; }

    internal DatabaseSafeHandle Database { get; }

    public void Dispose() => Handle.Dispose();
}
