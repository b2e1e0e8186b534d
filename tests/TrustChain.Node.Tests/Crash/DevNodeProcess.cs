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
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource<Uri> _rpcUri = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DevNodeProcess(Process process)
    {
        _process = process;
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

    public static DevNodeProcess Start(string dataDir, int blockTimeMs)
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

        Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start trustchain");
        DevNodeProcess node = new(process);
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
