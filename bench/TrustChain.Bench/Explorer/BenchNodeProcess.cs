using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace TrustChain.Bench.Explorer;

/// <summary>`trustchain run --dev --datadir D --rpc-port 0` as a child process: its JSON-RPC URL, its log, a SIGTERM stop.</summary>
public sealed partial class BenchNodeProcess : IDisposable
{
    private const int Sigterm = 15;

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource<Uri> _rpcUri = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BenchNodeProcess(Process process)
    {
        _process = process;
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static BenchNodeProcess Start(string trustchainDll, string dataDir)
    {
        if (!File.Exists(trustchainDll))
        {
            throw new FileNotFoundException($"trustchain.dll not found at {trustchainDll}: build the node or pass --trustchain PATH", trustchainDll);
        }

        ProcessStartInfo start = new("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { trustchainDll, "run", "--dev", "--datadir", dataDir, "--rpc-port", "0", "--log-level", "Warning" })
        {
            start.ArgumentList.Add(arg);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start trustchain");
        BenchNodeProcess node = new(process);
        process.OutputDataReceived += (_, e) => node.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => node.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    public async Task<Uri> WaitForRpcAsync(TimeSpan timeout)
    {
        // A node that refuses the data dir exits at once; say so then rather than at the timeout.
        Task finished = await Task.WhenAny(_rpcUri.Task, _process.WaitForExitAsync(), Task.Delay(timeout)).ConfigureAwait(false);
        if (finished != _rpcUri.Task)
        {
            throw new InvalidOperationException(_process.HasExited
                ? $"the node exited with code {_process.ExitCode} before serving JSON-RPC. Log:\n{Log}"
                : $"the node did not report its JSON-RPC URL within {timeout.TotalSeconds} s. Log:\n{Log}");
        }

        return await _rpcUri.Task.ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the node finishes its block in flight and closes RocksDB, so the data dir can be reused.
            _ = SendSignal(_process.Id, Sigterm);
            if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }

        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);

    [GeneratedRegex(@"^JSON-RPC: (http://\S+)$")]
    private static partial Regex RpcLine();

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }

        Match match = RpcLine().Match(line);
        if (match.Success)
        {
            _rpcUri.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }
}
