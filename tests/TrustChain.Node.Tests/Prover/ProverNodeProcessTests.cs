using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrustChain.Core;
using TrustChain.Node.Dev;
using TrustChain.Node.Tests.Cli;
using TrustChain.Node.Tx;

namespace TrustChain.Node.Tests.Prover;

/// <summary>The real `trustchain run --dev --prover` process: keygen's files load, prover_* is served next to eth_*.</summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ProverNodeProcessTests
{
    [Test]
    public async Task Run_with_prover_serves_prover_info_from_the_share_and_key_files()
    {
        using TempDirectory dir = new();
        File.WriteAllText(dir.Combine("password"), "pw");
        string prover = DevAccounts.Get(5).Address.ToString();
        CliRun keygen = CliRun.Invoke(new Dictionary<string, string>(), "prover", "keygen", "--members", "3", "--threshold", "2", "--out", dir.Combine("c"),
            "--password-file", dir.Combine("password"), "--light-kdf", "--provers", $"{prover},{DevAccounts.Get(6).Address},{DevAccounts.Get(7).Address}");
        Assert.That(keygen.ExitCode, Is.Zero, keygen.Error);
        File.WriteAllText(dir.Combine("prover.key"), DevAccounts.KeyHexAt(5));

        ProcessStartInfo start = new("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { Path.Combine(TestContext.CurrentContext.TestDirectory, "trustchain.dll"), "run", "--dev", "--datadir", dir.Combine("data"),
            "--rpc-port", "0", "--prover", "--prover-share", dir.Combine("c", "prover-1.share.json"), "--committee", dir.Combine("c", "committee.json"),
            "--prover-key", dir.Combine("prover.key"), "--prover-password-file", dir.Combine("password") })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        StringBuilder log = new();
        TaskCompletionSource<Uri> rpc = new(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (log)
            {
                log.AppendLine(line);
            }

            if (RpcLine().Match(line) is { Success: true } match)
            {
                rpc.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            Assert.That(rpc.Task.Wait(TimeSpan.FromSeconds(60)), Is.True, () => "no JSON-RPC line:\n" + log);
            using JsonRpcClient client = new(rpc.Task.Result);
            JsonElement info = await client.CallAsync("prover_info", []);
            Assert.That(info.GetProperty("member").GetInt32(), Is.EqualTo(1));
            Assert.That(info.GetProperty("threshold").GetInt32(), Is.EqualTo(2));
            Assert.That(Address.Parse(info.GetProperty("prover").GetString()!), Is.EqualTo(DevAccounts.Get(5).Address));
            JsonElement chainId = await client.CallAsync("eth_chainId", []);
            Assert.That(chainId.GetString(), Is.EqualTo(info.GetProperty("chainId").GetString()));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    [GeneratedRegex(@"^JSON-RPC: (http://\S+)$")]
    private static partial Regex RpcLine();
}
