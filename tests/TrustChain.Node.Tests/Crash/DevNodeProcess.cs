using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace TrustChain.Node.Tests.Crash;

/// <summary>
/// The real `trustchain run --dev` as a child process (trustchain.dll from the test output, which the project
/// reference puts there), on a given data dir and a free RPC port it reports on stdout.
/// </summary>
public sealed partial class DevNodeProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string? _ownedDirectory;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource<Uri> _rpcUri = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DevNodeProcess(Process process, string? ownedDirectory)
    {
        _process = process;
        _ownedDirectory = ownedDirectory;
    }

    public Uri RpcUri => _rpcUri.Task.Result;

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

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

    public static DevNodeProcess Start(string dataDir, int blockTimeMs) => Start(dataDir, blockTimeMs, [], ownedDirectory: null);

    /// <summary>
    /// A node on a fresh temp directory (deleted on dispose), optionally with its own genesis file, started and
    /// serving JSON-RPC.
    /// </summary>
    public static DevNodeProcess StartInTemp(string prefix, int blockTimeMs, string? genesisJson = null)
    {
        string directory = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        List<string> extra = [];
        if (genesisJson is not null)
        {
            string genesis = Path.Combine(directory, "genesis.json");
            File.WriteAllText(genesis, genesisJson);
            extra.AddRange(["--genesis", genesis]);
        }

        DevNodeProcess node = Start(Path.Combine(directory, "data"), blockTimeMs, extra, directory);
        try
        {
            node.WaitForRpc(StartTimeout);
        }
        catch
        {
            node.Dispose();
            throw;
        }

        return node;
    }

    private static DevNodeProcess Start(string dataDir, int blockTimeMs, IReadOnlyList<string> extraArgs, string? ownedDirectory)
    {
        string dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "trustchain.dll");
        Assert.That(File.Exists(dll), Is.True, "trustchain.dll must be next to the test assembly: " + dll);
        ProcessStartInfo start = new("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { dll, "run", "--dev", "--datadir", dataDir, "--rpc-port", "0", "--block-time", blockTimeMs.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (string arg in extraArgs)
        {
            start.ArgumentList.Add(arg);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start trustchain");
        DevNodeProcess node = new(process, ownedDirectory);
        process.OutputDataReceived += (_, e) => node.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => node.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    public Uri WaitForRpc(TimeSpan timeout)
    {
        if (!_rpcUri.Task.Wait(timeout))
        {
            Assert.Fail($"node did not report its JSON-RPC URL within {timeout.TotalSeconds} s (exited: {_process.HasExited}). Log:\n{Log}");
        }

        return _rpcUri.Task.Result;
    }

    /// <summary>SIGKILL: no managed code runs, nothing is flushed.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, then waits for the process to exit on its own; returns its exit code.</summary>
    public int Terminate(TimeSpan timeout)
    {
        Assert.That(SendSignal(_process.Id, Sigterm), Is.Zero, "kill(SIGTERM) failed");
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"node did not exit within {timeout.TotalSeconds} s of SIGTERM. Log:\n{Log}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        if (_ownedDirectory is null)
        {
            return;
        }

        try
        {
            Directory.Delete(_ownedDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private const int Sigterm = 15;

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
