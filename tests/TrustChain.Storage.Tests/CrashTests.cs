using System.Diagnostics;
using System.Globalization;
using TrustChain.Storage.CrashProbe;

namespace TrustChain.Storage.Tests;

/// <summary>
/// kill -9 durability: a child process commits one synced write batch per block and reports each committed
/// height; after SIGKILL at a random moment the database must reopen with every reported block complete and
/// no trace of an uncommitted one.
/// </summary>
[NonParallelizable]
public class CrashTests
{
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(20);

    [Test]
    public async Task SigkillAtRandomMoments_LosesNoCommittedBlockAndLeavesNoPartialOne()
    {
        string probe = CrashProbeLocator.Locate();
        using var dir = new TempDirectory();
        string dbPath = dir.Combine("db");
        int seed = Environment.TickCount;
        TestContext.Out.WriteLine($"crash test seed {seed}");
        var random = new Random(seed);
        ulong lastReported = 0;
        ulong head = 0;
        const int rounds = 6;

        for (int round = 0; round < rounds; round++)
        {
            // Round 1 kills before reading anything, i.e. possibly during open and WAL recovery.
            int blocksToAwait = round == 1 ? 0 : random.Next(1, 60);
            int extraDelayMs = random.Next(0, 40);
            bool smallMemtable = round % 2 == 0;
            ulong reported = await RunAndKill(probe, dbPath, head, blocksToAwait, extraDelayMs, smallMemtable);
            lastReported = Math.Max(lastReported, reported);

            head = VerifyDatabase(dbPath, lastReported);
            TestContext.Out.WriteLine(
                $"round {round}: small memtable {smallMemtable}, awaited {blocksToAwait} blocks + {extraDelayMs} ms, reported {reported}, head {head}");
        }

        Assert.That(head, Is.GreaterThan(0), "the probe never committed a block");
        Assert.That(Directory.GetFiles(dbPath, "*.sst"), Is.Not.Empty, "no flush happened, so no kill could hit one");
    }

    private static async Task<ulong> RunAndKill(string probe, string dbPath, ulong expectedResume, int blocksToAwait, int extraDelayMs,
        bool smallMemtable)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(probe);
        start.ArgumentList.Add(dbPath);
        if (smallMemtable)
        {
            start.ArgumentList.Add("--small-memtable");
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the crash probe");
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();

        ulong reported = 0;
        try
        {
            if (blocksToAwait > 0)
            {
                string? resume = await ReadLine(process);
                Assert.That(resume, Is.EqualTo($"resume {expectedResume}"), () => $"probe stderr: {stderr}");
                for (int i = 0; i < blocksToAwait; i++)
                {
                    ulong height = ParseHeight(await ReadLine(process), stderr);
                    Assert.That(height, Is.EqualTo(expectedResume + (ulong)i + 1), "probe skipped a height");
                    reported = height;
                }
            }

            await Task.Delay(extraDelayMs);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        // Heights printed before the kill are still in the pipe; each was printed only after its commit.
        string rest = await process.StandardOutput.ReadToEndAsync();
        foreach (string line in rest.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ulong.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out ulong height))
            {
                reported = Math.Max(reported, height);
            }
        }

        return reported;
    }

    private static ulong VerifyDatabase(string dbPath, ulong lastReported)
    {
        using RocksDatabase db = RocksDatabase.Open(dbPath, CrashBlock.Columns);
        ulong head = CrashBlock.ReadHead(db);
        Assert.That(head, Is.GreaterThanOrEqualTo(lastReported), "a block reported as committed was lost");

        ColumnFamily state = db.GetColumnFamily(DbColumns.State);
        ColumnFamily blocks = db.GetColumnFamily(DbColumns.Blocks);
        for (ulong height = 1; height <= head; height++)
        {
            Assert.That(db.Get(blocks, CrashBlock.BlockKey(height)), Is.EqualTo(CrashBlock.BlockRecord(height)), $"block record {height}");
            for (int i = 0; i < CrashBlock.KeysPerBlock; i++)
            {
                byte[]? value = db.Get(state, CrashBlock.StateKey(height, i));
                if (value is null || !value.AsSpan().SequenceEqual(CrashBlock.StateValue(height, i)))
                {
                    Assert.Fail($"state entry {i} of block {height} (head {head}) is {(value is null ? "missing" : "wrong")}");
                }
            }
        }

        // Nothing of the uncommitted next block, and exactly head blocks' worth of entries overall.
        for (int i = 0; i < CrashBlock.KeysPerBlock; i++)
        {
            Assert.That(db.ContainsKey(state, CrashBlock.StateKey(head + 1, i)), Is.False, $"entry {i} of uncommitted block {head + 1}");
        }

        using (RocksIterator it = db.CreateIterator(blocks))
        {
            it.SeekToLast();
            Assert.That(head == 0 ? !it.Valid : it.Valid && it.Key.SequenceEqual(CrashBlock.BlockKey(head)), Is.True,
                "a block record beyond head exists");
        }

        ulong entries = 0;
        using (RocksIterator it = db.CreateIterator(state))
        {
            for (it.SeekToFirst(); it.Valid; it.Next())
            {
                entries++;
            }
        }

        Assert.That(entries, Is.EqualTo(head * CrashBlock.KeysPerBlock), "state holds entries of an uncommitted block");
        return head;
    }

    private static async Task<string?> ReadLine(Process process)
    {
        using var timeout = new CancellationTokenSource(LineTimeout);
        return await process.StandardOutput.ReadLineAsync(timeout.Token);
    }

    private static ulong ParseHeight(string? line, System.Text.StringBuilder stderr)
    {
        if (line is null || !ulong.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out ulong height))
        {
            throw new AssertionException($"probe printed '{line}' instead of a height; stderr: {stderr}");
        }

        return height;
    }
}
