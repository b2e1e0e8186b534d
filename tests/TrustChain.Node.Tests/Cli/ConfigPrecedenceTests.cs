using TrustChain.Core;
using TrustChain.Node.Config;

namespace TrustChain.Node.Tests.Cli;

/// <summary>flags &gt; TRUSTCHAIN_* environment &gt; config file &gt; defaults.</summary>
public class ConfigPrecedenceTests
{
    private static readonly Dictionary<string, string> Home = new() { ["HOME"] = "/home/alice" };

    [Test]
    public void Defaults_WhenNothingIsGiven()
    {
        RunSettings settings = Resolve([], Home, null);
        Assert.That(settings.Dev, Is.False);
        Assert.That(settings.DataDir, Is.EqualTo("/home/alice/.trustchain/node"));
        Assert.That(settings.RpcAddress, Is.EqualTo("127.0.0.1"));
        Assert.That(settings.RpcPort, Is.EqualTo(8545));
        Assert.That(settings.BlockTimeMs, Is.Null);
        Assert.That(settings.CorsOrigins, Is.Null);
        Assert.That(settings.KeystoreDir, Is.EqualTo("/home/alice/.trustchain/node/keystore"));
    }

    [Test]
    public void DevDefaultDataDir_IsUnderHome()
    {
        RunSettings settings = Resolve(new() { [ConfigKeys.Dev] = "true" }, Home, null);
        Assert.That(settings.DataDir, Is.EqualTo("/home/alice/.trustchain/dev"));
    }

    [TestCase(true, true, true, 1111)]
    [TestCase(false, true, true, 2222)]
    [TestCase(false, false, true, 3333)]
    [TestCase(false, false, false, 8545)]
    public void RpcPort_TakesTheHighestPrecedenceSource(bool flag, bool env, bool file, int expected)
    {
        Dictionary<ConfigKey, string> flags = flag ? new() { [ConfigKeys.RpcPort] = "1111" } : [];
        Dictionary<string, string> environment = new(Home);
        if (env)
        {
            environment["TRUSTCHAIN_RPC_PORT"] = "2222";
        }

        string? json = file ? "{ \"rpcPort\": 3333 }" : null;
        Assert.That(Resolve(flags, environment, json).RpcPort, Is.EqualTo(expected));
    }

    [Test]
    public void EachSettingReadsFromFileAndEnvironment()
    {
        Dictionary<string, string> environment = new(Home)
        {
            ["TRUSTCHAIN_CORS"] = "http://a.example, http://b.example",
            ["TRUSTCHAIN_UNLOCK"] = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
        };
        string json = """
            { "dev": true, "datadir": "~/chain", "rpcAddr": "0.0.0.0", "blockTime": 250, "passwordFile": "/pw", "keystore": "/ks",
              "cors": ["http://ignored.example"] }
            """;
        RunSettings settings = Resolve(new() { [ConfigKeys.BlockTime] = "100" }, environment, json);
        Assert.That(settings.Dev, Is.True);
        Assert.That(settings.DataDir, Is.EqualTo("/home/alice/chain"));
        Assert.That(settings.RpcAddress, Is.EqualTo("0.0.0.0"));
        Assert.That(settings.BlockTimeMs, Is.EqualTo(100));
        Assert.That(settings.CorsOrigins, Is.EqualTo(new[] { "http://a.example", "http://b.example" }));
        Assert.That(settings.Unlock, Is.EqualTo(Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")));
        Assert.That(settings.PasswordFile, Is.EqualTo("/pw"));
        Assert.That(settings.KeystoreDir, Is.EqualTo("/ks"));
    }

    private static RunSettings Resolve(Dictionary<ConfigKey, string> flags, Dictionary<string, string> environment, string? json)
    {
        IReadOnlyDictionary<ConfigKey, ConfigValue> file = json is null ? new Dictionary<ConfigKey, ConfigValue>() : ConfigFile.Parse(json, "test.json");
        return RunSettings.Resolve(new LayeredConfig(flags, environment, file));
    }
}
