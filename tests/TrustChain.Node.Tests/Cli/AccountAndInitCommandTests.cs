using System.Text.Json;
using System.Text.Json.Nodes;
using TrustChain.Node.Cli;
using TrustChain.Node.Keystore;

namespace TrustChain.Node.Tests.Cli;

/// <summary>`account new|list|import`, `init` and `run` start-up checks, end to end through the CLI.</summary>
public class AccountAndInitCommandTests
{
    private const string DevKey0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string DevAddress0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    private TempDirectory _temp = null!;
    private Dictionary<string, string> _environment = null!;
    private string _passwordFile = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDirectory();
        _environment = new Dictionary<string, string> { ["HOME"] = _temp.Path };
        _passwordFile = _temp.Combine("password.txt");
        File.WriteAllText(_passwordFile, "s3cret\nsecond line is ignored\n");
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void AccountImport_ThenList_UsesDefaultKeystoreUnderHome()
    {
        string keyFile = _temp.Combine("key.txt");
        File.WriteAllText(keyFile, DevKey0 + "\n");

        CliRun import = CliRun.Invoke(_environment, "account", "import", keyFile, "--password-file", _passwordFile, "--light");
        Assert.That(import.ExitCode, Is.EqualTo(ExitCodes.Success), import.Error);
        Assert.That(import.Output, Does.Contain("Address: " + DevAddress0));

        string keystore = _temp.Combine(".trustchain", "keystore");
        string file = Directory.GetFiles(keystore).Single();
        Assert.That(Path.GetFileName(file), Does.Match("^UTC--\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d(\\.\\d+)?Z--f39fd6e51aad88f6f4ce6ab8827279cfffb92266$"));
        Assert.That(KeystoreDecryptor.Decrypt(File.ReadAllText(file), "s3cret").Address.ToString(), Is.EqualTo(DevAddress0));
        Assert.Throws<KeystorePasswordException>(() => KeystoreDecryptor.Decrypt(File.ReadAllText(file), "s3cret\nsecond line is ignored"));

        CliRun list = CliRun.Invoke(_environment, "account", "list");
        Assert.That(list.ExitCode, Is.EqualTo(ExitCodes.Success), list.Error);
        Assert.That(list.Output.Trim(), Is.EqualTo($"Account #0: {DevAddress0} keystore://{file}"));
    }

    [Test]
    public void AccountNew_WritesDecryptableKeyForPrintedAddress()
    {
        string keystore = _temp.Combine("ks");
        CliRun run = CliRun.Invoke(_environment, "account", "new", "--keystore", keystore, "--password-file", _passwordFile, "--light");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);

        KeystoreEntry entry = new KeystoreDirectory(keystore).List().Single();
        Assert.That(run.Output, Does.Contain("Public address of the key:   " + entry.Address));
        Assert.That(run.Output, Does.Contain(entry.Path));
        Assert.That(KeystoreDecryptor.Decrypt(File.ReadAllText(entry.Path), "s3cret").Address, Is.EqualTo(entry.Address));
    }

    [Test]
    public void Init_WritesGenesisBlockOnce_AndRefusesAnotherChain()
    {
        string dataDir = _temp.Combine("node");
        CliRun first = CliRun.Invoke(_environment, "init", "--genesis", RepoPaths.Genesis, "--datadir", dataDir);
        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Success), first.Error);
        Assert.That(first.Output, Does.Contain("chain id 7357"));
        Assert.That(File.ReadAllText(Path.Combine(dataDir, "genesis.json")), Is.EqualTo(File.ReadAllText(RepoPaths.Genesis)));
        Assert.That(Directory.Exists(Path.Combine(dataDir, "db")), Is.True);

        CliRun again = CliRun.Invoke(_environment, "init", "--genesis", RepoPaths.Genesis, "--datadir", dataDir);
        Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.Success), again.Error);
        Assert.That(again.Output, Is.EqualTo(first.Output), "re-running init on the same genesis is a no-op");

        string otherChainId = WriteModifiedGenesis("chainId", 4242);
        CliRun otherFile = CliRun.Invoke(_environment, "init", "--genesis", otherChainId, "--datadir", dataDir);
        Assert.That(otherFile.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(otherFile.Error, Does.Contain("is already initialised with a different genesis file"));
        Assert.That(File.ReadAllText(Path.Combine(dataDir, "genesis.json")), Is.EqualTo(File.ReadAllText(RepoPaths.Genesis)), "the stored genesis is untouched");

        // Without the stored file, the database itself still refuses a different genesis block.
        File.Delete(Path.Combine(dataDir, "genesis.json"));
        string otherTime = WriteModifiedGenesis("timestamp", 1767225600001);
        CliRun otherBlock = CliRun.Invoke(_environment, "init", "--genesis", otherTime, "--datadir", dataDir);
        Assert.That(otherBlock.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(otherBlock.Error, Does.Contain("data dir holds genesis"));
        Assert.That(File.Exists(Path.Combine(dataDir, "genesis.json")), Is.False);
    }

    private string WriteModifiedGenesis(string field, long value)
    {
        JsonNode genesis = JsonNode.Parse(File.ReadAllText(RepoPaths.Genesis))!;
        genesis[field] = value;
        string path = _temp.Combine(field + ".json");
        File.WriteAllText(path, genesis.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    [Test]
    public void Run_WithoutInit_TellsToInitialise()
    {
        string dataDir = _temp.Combine("fresh");
        CliRun run = CliRun.Invoke(_environment, "run", "--datadir", dataDir);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain($"data dir {dataDir} is not initialised: run 'trustchain init"));
        Assert.That(Directory.Exists(dataDir), Is.False);
    }

    [Test]
    public void Run_WithKeyOutsideValidatorSet_IsRejectedBeforeOpeningAnything()
    {
        string keyFile = _temp.Combine("key.txt");
        File.WriteAllText(keyFile, "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
        string dataDir = _temp.Combine("dev");
        CliRun run = CliRun.Invoke(_environment, "run", "--dev", "--datadir", dataDir, "--validator-key", keyFile);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain("validator key 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 is not in the genesis validator set"));
        Assert.That(Directory.Exists(dataDir), Is.False);
    }
}
