using System.Diagnostics;
using System.Text;
using System.Text.Json;
using TrustChain.Node.Cli;
using TrustChain.Node.Tx;

namespace TrustChain.Node.Tests.Testnet;

/// <summary>One node of a generated testnet as a real `trustchain @node.args` child process, with its JSON-RPC client.</summary>
public sealed class TestnetNodeProcess : IDisposable
{
    private readonly StringBuilder _log = new();
    private Process? _process;

    public TestnetNodeProcess(TestnetNode node)
    {
        Node = node;
        Rpc = new JsonRpcClient(new Uri($"http://127.0.0.1:{node.RpcPort}/"), TimeSpan.FromSeconds(5));
    }

    public TestnetNode Node { get; }

    public JsonRpcClient Rpc { get; }

    public bool IsRunning => _process is { HasExited: false };

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

    public void Start()
    {
        string dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "trustchain.dll");
        ProcessStartInfo start = new("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("@" + Node.ArgsFile);
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start trustchain");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>SIGKILL: nothing is flushed, no shutdown code runs.</summary>
    public void KillHard()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>The head number, or null while the node is down or its RPC is not up yet.</summary>
    public async Task<ulong?> TryHeadAsync()
    {
        if (!IsRunning)
        {
            return null;
        }

        try
        {
            return Quantity(await Rpc.CallAsync("eth_blockNumber", []));
        }
        catch (Exception e) when (e is JsonRpcClientException or HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }

    public async Task<JsonElement> BlockAsync(ulong number) =>
        await Rpc.CallAsync("eth_getBlockByNumber", ["0x" + number.ToString("x", System.Globalization.CultureInfo.InvariantCulture), false]);

    public static ulong Quantity(JsonElement hex) => Convert.ToUInt64(hex.GetString()![2..], 16);

    public void Dispose()
    {
        KillHard();
        _process?.Dispose();
        Rpc.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
