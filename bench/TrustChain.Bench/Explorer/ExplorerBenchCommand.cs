using System.Diagnostics;
using System.Globalization;
using TrustChain.Bench.Cli;

namespace TrustChain.Bench.Explorer;

/// <summary>
/// `explorer --blocks 100000`: builds (or reuses) a dev data dir of that height, starts `trustchain run --dev` on it and
/// measures the explorer home page: in headless Chromium when node, playwright-core and chromium are there
/// (tests/interop/explorer/explorer-load.mjs: first load with the node and the browser cold, fresh-profile loads,
/// reloads), and always the page's own requests replayed over HTTP (first and warm).
/// </summary>
public static class ExplorerBenchCommand
{
    private const double TargetMs = 300;
    private const int WarmLoads = 20;

    public static async Task<int> RunAsync(CommandArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        int blocks = args.GetInt("blocks", 100_000, 10, 10_000_000);
        int txsPerBlock = args.GetInt("txs-per-block", 4, 1, 500);
        string dataDir = args.GetString("datadir", Path.Combine(Path.GetTempPath(), $"trustchain-explorer-bench-{blocks}"));
        string trustchain = args.GetString("trustchain", Path.Combine(AppContext.BaseDirectory, "trustchain.dll"));
        bool browser = ParseBool(args.GetString("browser", "true"), "browser");
        string script = args.GetString("script", Path.Combine(FindRepoRoot(), "tests", "interop", "explorer", "explorer-load.mjs"));
        args.EnsureAllUsed();

        Console.WriteLine($"explorer bench: {blocks:N0} blocks, {txsPerBlock} txs per block, data dir {dataDir} (kept for reuse)");
        ChainBuildResult built = new ExplorerChainBuilder(dataDir, txsPerBlock, Console.Out).Build((ulong)blocks);
        if (built.BlocksAdded > 0)
        {
            Console.WriteLine($"built {built.BlocksAdded:N0} blocks ({built.Transactions:N0} txs) in {built.Elapsed.TotalSeconds:N1} s = {built.BlocksAdded / built.Elapsed.TotalSeconds:N0} blocks/s");
        }

        Stopwatch startup = Stopwatch.StartNew();
        using BenchNodeProcess node = BenchNodeProcess.Start(trustchain, dataDir);
        Uri rpc = await node.WaitForRpcAsync(TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        Console.WriteLine($"node up at {rpc} in {startup.Elapsed.TotalMilliseconds:N0} ms");

        if (browser)
        {
            await RunBrowserAsync(script, rpc).ConfigureAwait(false);
        }

        using HomePageRpcTimer timer = new(rpc);
        (TimeSpan first, ulong head) = await timer.LoadOnceAsync().ConfigureAwait(false);
        double[] warm = new double[WarmLoads];
        for (int i = 0; i < warm.Length; i++)
        {
            warm[i] = (await timer.LoadOnceAsync().ConfigureAwait(false)).Elapsed.TotalMilliseconds;
        }

        Array.Sort(warm);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"home page requests over HTTP at head #{head:N0} (files + eth_blockNumber + batch of 12): first {first.TotalMilliseconds:N1} ms{(browser ? " (after the browser run)" : "")}, warm best {warm[0]:N1} ms, median {warm[warm.Length / 2]:N1} ms, worst {warm[^1]:N1} ms (target: first page load < {TargetMs} ms)"));
        return 0;
    }

    private static async Task RunBrowserAsync(string script, Uri rpc)
    {
        if (!File.Exists(script))
        {
            Console.WriteLine($"browser run skipped: {script} not found");
            return;
        }

        ProcessStartInfo start = new("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(rpc.ToString());
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.WriteLine($"browser run skipped: cannot run node ({e.Message})");
            return;
        }

        using (process)
        {
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().ConfigureAwait(false);
            Console.Write(await output.ConfigureAwait(false));
            string errors = await error.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                Console.WriteLine($"browser run failed (exit {process.ExitCode}): {errors}");
            }
        }
    }

    private static bool ParseBool(string text, string name) => text switch
    {
        "true" => true,
        "false" => false,
        _ => throw new BenchUsageException($"--{name} must be true or false, got '{text}'"),
    };

    private static string FindRepoRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "TrustChain.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? Directory.GetCurrentDirectory();
    }
}
