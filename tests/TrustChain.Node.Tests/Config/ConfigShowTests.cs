using System.Text.Json;
using TrustChain.Node.Config;
using TrustChain.Node.Tests.Cli;

namespace TrustChain.Node.Tests.Config;

/// <summary>`trustchain config show` through the real CLI: precedence, sources, redaction and validation.</summary>
[TestFixture]
public sealed class ConfigShowTests
{
    private const string SecretKey = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    [Test]
    public void Shows_each_value_with_the_layer_it_came_from()
    {
        using var dir = new TempDirectory();
        string file = dir.Combine("node.json");
        File.WriteAllText(file, """{ "rpcPort": 9000, "logLevel": "Consensus=Debug", "blockTime": 500, "p2pPort": 26000, "cors": ["https://a.example", "https://b.example"] }""");
        var environment = new Dictionary<string, string> { ["HOME"] = dir.Path, ["TRUSTCHAIN_RPC_PORT"] = "9100", ["TRUSTCHAIN_LOG_FORMAT"] = "json" };

        CliRun run = CliRun.Invoke(environment, "config", "show", "--config", file, "--rpc-port", "9200", "--format", "json");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        JsonElement settings = JsonDocument.Parse(run.Output).RootElement.GetProperty("settings");

        AssertEntry(settings, "rpcPort", "9200", "--rpc-port");
        AssertEntry(settings, "logFormat", "json", "TRUSTCHAIN_LOG_FORMAT");
        AssertEntry(settings, "logLevel", "Consensus=Debug", $"config file {file} (logLevel)");
        AssertEntry(settings, "blockTime", "500", $"config file {file} (blockTime)");
        AssertEntry(settings, "p2pPort", "26000", $"config file {file} (p2pPort)");
        AssertEntry(settings, "cors", "https://a.example,https://b.example", $"config file {file} (cors)");
        AssertEntry(settings, "rpcAddr", "127.0.0.1", "default");
        Assert.That(settings.GetProperty("rpcPort").GetProperty("env").GetString(), Is.EqualTo("TRUSTCHAIN_RPC_PORT"));
    }

    [Test]
    public void Text_output_lists_every_key_and_the_precedence()
    {
        CliRun run = CliRun.Invoke(new Dictionary<string, string> { ["HOME"] = "/tmp/nowhere" }, "config", "show", "--dev");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        string[] lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.Contain(ConfigReport.Precedence));
        Assert.That(lines, Has.Length.EqualTo(ConfigKeys.All.Count + 1));
        Assert.That(lines.Single(l => l.StartsWith("dev ", StringComparison.Ordinal)), Does.EndWith("true  [--dev]"));
        Assert.That(lines.Single(l => l.StartsWith("logLevel ", StringComparison.Ordinal)), Does.EndWith("Information  [default]"));
    }

    [Test]
    public void Secrets_are_redacted_wherever_they_come_from()
    {
        using var dir = new TempDirectory();
        string file = dir.Combine("node.json");
        File.WriteAllText(file, $$"""{ "validatorKey": "{{SecretKey}}" }""");
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = dir.Path,
            ["TRUSTCHAIN_BOOTNODES"] = "https://admin:hunter2@seed.example:26656",
        };

        CliRun run = CliRun.Invoke(environment, "config", "show", "--config", file, "--unlock", SecretKey[..42].Replace("0x4c", "0x00", StringComparison.Ordinal), "--validator-key", SecretKey[2..]);
        Assert.That(run.ExitCode, Is.EqualTo(2), "validator-key and unlock together must still be refused");

        run = CliRun.Invoke(environment, "config", "show", "--config", file);
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Not.Contain(SecretKey[2..]).And.Not.Contain("hunter2"));
        Assert.That(run.Output, Does.Contain("https://admin:<redacted>@seed.example:26656"));
        Assert.That(run.Output.Split('\n').Single(l => l.StartsWith("validatorKey", StringComparison.Ordinal)), Does.Contain("<redacted>"));
    }

    [TestCase("--rpc-port", "70000", "invalid value \"70000\" for rpc-port (from --rpc-port): must be an integer between 0 and 65535.")]
    [TestCase("--log-level", "Rpc=Loud", "for log-level (from --log-level): unknown log level \"Loud\"")]
    [TestCase("--format", "yaml", "invalid value \"yaml\" for --format")]
    public void Invalid_values_exit_with_2_and_a_clear_message(string flag, string value, string message)
    {
        CliRun run = CliRun.Invoke(new Dictionary<string, string> { ["HOME"] = "/tmp/nowhere" }, "config", "show", flag, value);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(message));
        Assert.That(run.Output, Is.Empty);
    }

    [TestCase("plain-value", "plain-value")]
    [TestCase(SecretKey, ConfigRedactor.Redacted)]
    [TestCase("/keys/4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318.hex", ConfigRedactor.Redacted)]
    [TestCase("/keys/validator.hex", "/keys/validator.hex")]
    [TestCase("ws://u:p@host/x", "ws://u:<redacted>@host/x")]
    [TestCase("0x00000000000000000000000000000000000000b0", "0x00000000000000000000000000000000000000b0")]
    public void Redactor_hides_key_shaped_values_and_url_passwords(string value, string expected) =>
        Assert.That(ConfigRedactor.Redact(ConfigKeys.DataDir, value), Is.EqualTo(expected));

    [Test]
    public void Health_threshold_defaults_to_ten_block_times_with_a_30_s_floor()
    {
        var none = new LayeredConfig(new Dictionary<ConfigKey, string>(), new Dictionary<string, string> { ["HOME"] = "/tmp/x" }, new Dictionary<ConfigKey, ConfigValue>());
        RunSettings settings = RunSettings.Resolve(none);
        Assert.That(settings.HealthMaxHeadAge(1_000), Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(settings.HealthMaxHeadAge(5_000), Is.EqualTo(TimeSpan.FromSeconds(50)));
        var set = new LayeredConfig(new Dictionary<ConfigKey, string> { [ConfigKeys.HealthMaxHeadAge] = "2500" }, new Dictionary<string, string> { ["HOME"] = "/tmp/x" }, new Dictionary<ConfigKey, ConfigValue>());
        Assert.That(RunSettings.Resolve(set).HealthMaxHeadAge(5_000), Is.EqualTo(TimeSpan.FromMilliseconds(2500)));
    }

    private static void AssertEntry(JsonElement settings, string name, string value, string source)
    {
        JsonElement entry = settings.GetProperty(name);
        Assert.That(entry.GetProperty("value").GetString(), Is.EqualTo(value), name);
        Assert.That(entry.GetProperty("source").GetString(), Is.EqualTo(source), name);
    }
}
