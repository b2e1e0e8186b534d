using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace TrustChain.Node.Tests.Human;

/// <summary>`trustchain run --dev` exactly as a user starts it: the bundled genesis (the repo's genesis.json), one validator.</summary>
public sealed partial class HumanDevNode : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource<Uri> _rpcUri = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HumanDevNode(Process process, string directory)
    {
        _process = process;
        _directory = directory;
    }

    public Uri RpcUri => _rpcUri.Task.Result;

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

    public static HumanDevNode Start()
    {
        string dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "trustchain.dll");
        Assert.That(File.Exists(dll), Is.True, "trustchain.dll must be next to the test assembly: " + dll);
        string directory = Path.Combine(Path.GetTempPath(), "tc-human-dev-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        ProcessStartInfo start = new("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { dll, "run", "--dev", "--datadir", Path.Combine(directory, "data"), "--rpc-port", "0", "--block-time", "500" })
        {
            start.ArgumentList.Add(arg);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start trustchain");
        HumanDevNode node = new(process, directory);
        process.OutputDataReceived += (_, e) => node.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => node.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!node._rpcUri.Task.Wait(TimeSpan.FromSeconds(60)))
        {
            node.Dispose();
            Assert.Fail($"node did not report its JSON-RPC URL within 60 s. Log:\n{node.Log}");
        }

        return node;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

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
