using System.Globalization;
using TrustChain.Node.Cli;
using TrustChain.Node.Tests.Cli;

namespace TrustChain.Node.Tests.Testnet;

/// <summary>
/// A `trustchain testnet init` network in a temp directory on free loopback ports, with the short timeouts the
/// multi-process tests use. Its node processes exist but are not started, so a test can edit a node's args file first;
/// disposing kills every node and deletes the directory.
/// </summary>
public sealed class LocalTestnet : IDisposable
{
    private readonly TempDirectory _dir;

    private LocalTestnet(TempDirectory dir, string outDir, List<TestnetNodeProcess> nodes)
    {
        _dir = dir;
        OutDir = outDir;
        Nodes = nodes;
    }

    public string OutDir { get; }

    public List<TestnetNodeProcess> Nodes { get; }

    /// <param name="extraArgs">More `testnet init` options (e.g. --epoch-length).</param>
    public static LocalTestnet Init(int validators, int followers, params string[] extraArgs)
    {
        int count = validators + followers;
        TempDirectory dir = new();
        int p2p = FreePorts.FindRun(count);
        int rpc = FreePorts.FindRun(count, p2p, count);
        string outDir = Path.Combine(dir.Path, "net");
        CliRun init = CliRun.Invoke(new Dictionary<string, string>(), [
            "testnet", "init", "--validators", validators.ToString(CultureInfo.InvariantCulture),
            "--followers", followers.ToString(CultureInfo.InvariantCulture), "--out", outDir,
            "--base-p2p-port", p2p.ToString(CultureInfo.InvariantCulture), "--base-rpc-port", rpc.ToString(CultureInfo.InvariantCulture),
            "--timeout-commit", "300", "--timeout-propose", "1500", "--timeout-vote", "400", .. extraArgs]);
        Assert.That(init.ExitCode, Is.Zero, init.Error);
        string[] argsFiles = [.. Enumerable.Range(0, count).Select(i => Path.Combine(outDir, $"node{i}", TestnetGenerator.ArgsFileName))];
        Assert.That(argsFiles.All(File.Exists), Is.True, init.Output);

        List<TestnetNodeProcess> nodes = [.. Enumerable.Range(0, count).Select(i => new TestnetNodeProcess(new TestnetNode(
            i, Path.Combine(outDir, $"node{i}"), argsFiles[i], p2p + i, rpc + i, string.Empty, null)))];
        return new LocalTestnet(dir, outDir, nodes);
    }

    public string NodeDir(int index) => Path.Combine(OutDir, $"node{index}");

    public string ArgsFile(int index) => Path.Combine(NodeDir(index), TestnetGenerator.ArgsFileName);

    public void Dispose()
    {
        foreach (TestnetNodeProcess node in Nodes)
        {
            node.Dispose();
        }

        _dir.Dispose();
    }
}
