using TrustChain.Node.Cli;

namespace TrustChain.Node.Tests.Cli;

/// <summary>Bad arguments, flags, environment and config values end with exit code 2, a specific message, and no side effects.</summary>
public class CliArgumentTests
{
    private TempDirectory _temp = null!;
    private Dictionary<string, string> _environment = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDirectory();
        _environment = new Dictionary<string, string> { ["HOME"] = _temp.Path };
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [TestCase(new string[0], "Required command was not provided")]
    [TestCase(new[] { "frobnicate" }, "Unrecognized command or argument 'frobnicate'")]
    [TestCase(new[] { "run", "--bogus" }, "Unrecognized command or argument '--bogus'")]
    [TestCase(new[] { "run", "--rpc-port", "70000" }, "invalid value \"70000\" for rpc-port (from --rpc-port): must be an integer between 0 and 65535")]
    [TestCase(new[] { "run", "--rpc-port", "abc" }, "invalid value \"abc\" for rpc-port (from --rpc-port)")]
    [TestCase(new[] { "run", "--rpc-port", "-1" }, "for rpc-port")]
    [TestCase(new[] { "run", "--block-time", "0" }, "invalid value \"0\" for block-time (from --block-time): must be an integer between 1 and 3600000")]
    [TestCase(new[] { "run", "--rpc-addr", "not-an-ip" }, "invalid value \"not-an-ip\" for rpc-addr (from --rpc-addr): must be an IP address or localhost")]
    [TestCase(new[] { "run", "--unlock", "0x1234" }, "invalid value \"0x1234\" for unlock (from --unlock)")]
    [TestCase(new[] { "run", "--dev", "--validator-key", "k", "--unlock", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266" }, "mutually exclusive")]
    [TestCase(new[] { "run", "--password-file", "p" }, "--password-file is only used with --unlock")]
    [TestCase(new[] { "run", "--dev", "--genesis", "/nonexistent/genesis.json" }, "genesis file /nonexistent/genesis.json does not exist")]
    [TestCase(new[] { "run", "--config", "/nonexistent/config.json" }, "cannot read config file /nonexistent/config.json")]
    [TestCase(new[] { "init" }, "Option '--genesis' is required")]
    [TestCase(new[] { "init", "--genesis", "/nonexistent/genesis.json" }, "genesis file /nonexistent/genesis.json does not exist")]
    [TestCase(new[] { "tx", "send", "--dev-account", "0" }, "Option '--to' is required")]
    [TestCase(new[] { "tx", "send", "--to", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266" }, "give exactly one of --from-key FILE or --dev-account N")]
    [TestCase(new[] { "tx", "send", "--to", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", "--dev-account", "10" }, "--dev-account must be between 0 and 9, got 10")]
    [TestCase(new[] { "tx", "send", "--to", "0xnothex", "--dev-account", "1" }, "--to: Invalid address '0xnothex'")]
    [TestCase(new[] { "tx", "send", "--to", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", "--dev-account", "1", "--value", "-5" }, "--value must be a non-negative integer amount of wei")]
    [TestCase(new[] { "tx", "send", "--to", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", "--dev-account", "1", "--data", "0xabc" }, "--data must be hex bytes")]
    [TestCase(new[] { "tx", "send", "--to", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", "--dev-account", "1", "--rpc", "ftp://x" }, "--rpc must be an http(s) URL")]
    [TestCase(new[] { "tx", "send", "--to", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", "--dev-account", "x" }, "Cannot parse argument 'x' for option '--dev-account'")]
    [TestCase(new[] { "account", "import" }, "Required argument missing for command: 'import'")]
    [TestCase(new[] { "account", "import", "/nonexistent/key.txt", "--password-file", "/nonexistent/pw" }, "cannot read key file /nonexistent/key.txt")]
    public void BadArguments_ExitWithUsageCode(string[] args, string expectedMessage)
    {
        CliRun run = CliRun.Invoke(_environment, args);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Error);
        Assert.That(run.Error, Does.Contain(expectedMessage));
        Assert.That(Directory.EnumerateFileSystemEntries(_temp.Path), Is.Empty, "a rejected command must not create files");
    }

    [TestCase("TRUSTCHAIN_RPC_PORT", "99999", "invalid value \"99999\" for rpc-port (from TRUSTCHAIN_RPC_PORT)")]
    [TestCase("TRUSTCHAIN_BLOCK_TIME", "soon", "invalid value \"soon\" for block-time (from TRUSTCHAIN_BLOCK_TIME)")]
    [TestCase("TRUSTCHAIN_DEV", "maybe", "invalid value \"maybe\" for dev (from TRUSTCHAIN_DEV): must be true or false")]
    [TestCase("TRUSTCHAIN_CONFIG", "/nonexistent/c.json", "cannot read config file /nonexistent/c.json")]
    public void BadEnvironmentValues_ExitWithUsageCode(string variable, string value, string expectedMessage)
    {
        _environment[variable] = value;
        CliRun run = CliRun.Invoke(_environment, "run");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Error);
        Assert.That(run.Error, Does.Contain(expectedMessage));
    }

    [TestCase("{ \"rpcPort\": \"x\" }", "invalid value \"x\" for rpc-port (from config file")]
    [TestCase("{ \"rpcPrt\": 1 }", "unknown setting \"rpcPrt\"")]
    [TestCase("{ \"cors\": [1, 2] }", "array items must be strings")]
    [TestCase("[1]", "must hold a JSON object")]
    [TestCase("{ nope", "is not valid JSON")]
    public void BadConfigFile_ExitsWithUsageCode(string content, string expectedMessage)
    {
        string config = Path.Combine(Path.GetTempPath(), "trustchain-config-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(config, content);
        try
        {
            CliRun run = CliRun.Invoke(_environment, "run", "--config", config);
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Error);
            Assert.That(run.Error, Does.Contain(expectedMessage));
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Test]
    public void Help_ExitsWithSuccess()
    {
        CliRun run = CliRun.Invoke(_environment, "run", "--help");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(run.Output, Does.Contain("--rpc-port"));
    }
}
