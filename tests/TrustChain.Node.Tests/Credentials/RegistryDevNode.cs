using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrustChain.Core.Crypto;
using TrustChain.Node.Dev;
using TrustChain.Node.Tests.Cli;

namespace TrustChain.Node.Tests.Credentials;

/// <summary>
/// The real `trustchain run --dev` (trustchain.dll next to the tests) on a temp data dir, with a test genesis derived
/// from the repo's: three validators (dev keys 0, 1, 2) of equal stake, so two votes are two thirds; downtime
/// slashing off (only key 0 signs dev blocks). Everything else, including the registry parameters, is the repo's.
/// </summary>
public sealed partial class RegistryDevNode : IDisposable
{
    public const int ValidatorCount = 3;

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource<Uri> _rpcUri = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RegistryDevNode(Process process, string directory)
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

    public static RegistryDevNode Start()
    {
        string dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "trustchain.dll");
        Assert.That(File.Exists(dll), Is.True, "trustchain.dll must be next to the test assembly: " + dll);
        string directory = Path.Combine(Path.GetTempPath(), "tc-registries-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string genesis = Path.Combine(directory, "genesis.json");
        File.WriteAllText(genesis, ThreeValidatorGenesis());
        ProcessStartInfo start = new("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { dll, "run", "--dev", "--genesis", genesis, "--datadir", Path.Combine(directory, "data"), "--rpc-port", "0", "--block-time", "500" })
        {
            start.ArgumentList.Add(arg);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start trustchain");
        RegistryDevNode node = new(process, directory);
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

    /// <summary>The repo genesis with validators = dev keys 0..2, 1,000,000 TRUST each, and no downtime slashing.</summary>
    public static string ThreeValidatorGenesis()
    {
        JsonObject genesis = JsonNode.Parse(File.ReadAllText(RepoPaths.Genesis))!.AsObject();
        JsonArray validators = [];
        for (int i = 0; i < ValidatorCount; i++)
        {
            PrivateKey key = DevAccounts.Get(i);
            validators.Add(new JsonObject
            {
                ["address"] = key.Address.ToString(),
                ["publicKey"] = "0x" + Convert.ToHexString(Compressed(key)).ToLowerInvariant(),
                ["stake"] = "1000000000000000000000000",
            });
        }

        genesis["validators"] = validators;
        genesis["params"]!["downtimeMinSignedBps"] = 0;
        return genesis.ToJsonString();
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

    private static byte[] Compressed(PrivateKey key)
    {
        ReadOnlySpan<byte> uncompressed = key.PublicKey;
        byte[] compressed = new byte[33];
        compressed[0] = (byte)((uncompressed[63] & 1) == 0 ? 0x02 : 0x03);
        uncompressed[..32].CopyTo(compressed.AsSpan(1));
        return compressed;
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
