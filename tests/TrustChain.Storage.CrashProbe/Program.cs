using TrustChain.Storage;
using TrustChain.Storage.CrashProbe;

if (args.Length is < 1 or > 2 || (args.Length == 2 && args[1] != "--small-memtable"))
{
    Console.Error.WriteLine("usage: TrustChain.Storage.CrashProbe <db path> [--small-memtable]");
    return 2;
}

// A 256 KiB memtable flushes every ~25 blocks and soon triggers L0 compactions, so kills also land mid-flush
// and mid-compaction.
RocksDbSettings settings = args.Length == 2
    ? new RocksDbSettings { WriteBufferSize = 256 * 1024 }
    : RocksDbSettings.Default;

// Exit when the parent closes our stdin (e.g. the test runner died) so the probe never outlives the test.
var watchdog = new Thread(() =>
{
    while (Console.In.Read() >= 0)
    {
    }

    Environment.Exit(3);
}) { IsBackground = true };
watchdog.Start();

using RocksDatabase db = RocksDatabase.Open(args[0], CrashBlock.Columns, settings);
ulong head = CrashBlock.ReadHead(db);
Console.Out.WriteLine($"resume {head}");
Console.Out.Flush();

using WriteBatch batch = db.CreateWriteBatch();
for (ulong height = head + 1; ; height++)
{
    batch.Clear();
    CrashBlock.Fill(batch, height, db);
    db.Write(batch, sync: true);
    // Printed only after the synced write returned: every reported height must survive a kill.
    Console.Out.WriteLine(height);
    Console.Out.Flush();
}
