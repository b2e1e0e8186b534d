using System.Net;
using System.Text;
using System.Text.Json;
using TrustChain.Node.Config;
using TrustChain.Node.Tests.Cli;
using TrustChain.Rpc.Hosting;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Node.Tests.Explorer;

/// <summary>The explorer can be switched off (`--explorer false`, TRUSTCHAIN_EXPLORER, "explorer" in the config file).</summary>
[TestFixture]
public sealed class ExplorerSwitchTests
{
    [TestCase(true, HttpStatusCode.OK)]
    [TestCase(false, HttpStatusCode.NotFound)]
    public async Task Explorer_paths_follow_the_switch_and_json_rpc_is_served_either_way(bool enabled, HttpStatusCode expected)
    {
        await using RpcServer server = new(new RpcOptions { Port = 0, Path = "/" }, new RpcMethodRegistry()) { ExplorerEnabled = enabled };
        await server.StartAsync();
        using HttpClient http = new() { BaseAddress = server.HttpUri, Timeout = TimeSpan.FromSeconds(30) };

        foreach (string path in new[] { "/explorer", "/explorer/", "/explorer/app.js", "/explorer/block/1" })
        {
            using HttpResponseMessage page = await http.GetAsync(path);
            Assert.That(page.StatusCode, Is.EqualTo(expected), path);
        }

        using StringContent body = new("""{"jsonrpc":"2.0","id":1,"method":"nope_nothing","params":[]}""", Encoding.UTF8, "application/json");
        using HttpResponseMessage rpc = await http.PostAsync("/", body);
        JsonElement response = JsonDocument.Parse(await rpc.Content.ReadAsStringAsync()).RootElement;
        Assert.That(response.GetProperty("error").GetProperty("code").GetInt32(), Is.EqualTo(-32601), "the RPC endpoint answers whatever the explorer switch");
    }

    [Test]
    public async Task The_switch_cannot_change_once_the_server_runs()
    {
        await using RpcServer server = new(new RpcOptions { Port = 0 }, new RpcMethodRegistry());
        await server.StartAsync();
        Assert.That(() => server.ExplorerEnabled = false, Throws.InvalidOperationException);
        Assert.That(server.ExplorerEnabled, Is.True);
    }

    [TestCase(null, null, null, true, "default")]
    [TestCase("false", null, null, false, "--explorer")]
    [TestCase(null, "0", null, false, "TRUSTCHAIN_EXPLORER")]
    [TestCase(null, null, "false", false, "config file")]
    [TestCase("true", "false", "false", true, "--explorer")]
    [TestCase(null, "yes", "false", true, "TRUSTCHAIN_EXPLORER")]
    public void Config_show_reports_the_effective_switch_and_its_source(string? flag, string? env, string? file, bool expected, string source)
    {
        using var dir = new TempDirectory();
        string config = dir.Combine("node.json");
        File.WriteAllText(config, file is null ? "{}" : $$"""{ "explorer": {{file}} }""");
        Dictionary<string, string> environment = new() { ["HOME"] = dir.Path };
        if (env is not null)
        {
            environment["TRUSTCHAIN_EXPLORER"] = env;
        }

        List<string> args = ["config", "show", "--config", config];
        if (flag is not null)
        {
            args.AddRange(["--explorer", flag]);
        }

        CliRun run = CliRun.Invoke(environment, [.. args]);
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        string line = run.Output.Split('\n').Single(l => l.StartsWith("explorer ", StringComparison.Ordinal));
        // config show prints the winning layer's value as written; RunSettings is what `run` acts on.
        string shown = flag ?? env ?? file ?? "true";
        Assert.That(line, Does.Contain($"  {shown}  [{source}"));
        LayeredConfig layered = LayeredConfig.Create(
            flag is null ? new Dictionary<ConfigKey, string>() : new Dictionary<ConfigKey, string> { [ConfigKeys.Explorer] = flag },
            config,
            environment);
        Assert.That(RunSettings.Resolve(layered).Explorer, Is.EqualTo(expected));
    }

    [Test]
    public void A_value_that_is_not_a_boolean_is_refused()
    {
        CliRun run = CliRun.Invoke(new Dictionary<string, string> { ["HOME"] = "/tmp/nowhere" }, "config", "show", "--explorer", "off");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("invalid value \"off\" for explorer (from --explorer): must be true or false"));
    }
}
