using System.Text.Json;
using Microsoft.Extensions.Logging;
using TrustChain.Node.Config;
using TrustChain.Node.Hosting;

namespace TrustChain.Node.Tests.Config;

[TestFixture]
public sealed class LoggingTests
{
    private static readonly DateTimeOffset s_time = new(2026, 3, 4, 5, 6, 7, 89, TimeSpan.Zero);

    [TestCase("Debug", LogLevel.Debug, "")]
    [TestCase("warn", LogLevel.Warning, "")]
    [TestCase("Consensus=Debug,Rpc=Warning", LogLevel.Information, "TrustChain.Consensus=Debug;TrustChain.Rpc=Warning")]
    [TestCase("error, Network=Trace, *=Info", LogLevel.Information, "TrustChain.Network=Trace")]
    [TestCase("default=None,Microsoft.AspNetCore=Debug", LogLevel.None, "Microsoft.AspNetCore=Debug")]
    public void Level_specifications_parse(string text, LogLevel expectedDefault, string expectedCategories)
    {
        (LogLevel level, List<KeyValuePair<string, LogLevel>> categories) = LogSettings.ParseLevels(text);
        Assert.That(level, Is.EqualTo(expectedDefault));
        Assert.That(string.Join(";", categories.Select(c => $"{c.Key}={c.Value}")), Is.EqualTo(expectedCategories));
    }

    [TestCase("Loud", "unknown log level \"Loud\"")]
    [TestCase("Rpc=", "unknown log level \"\"")]
    [TestCase("=Debug", "missing component name")]
    [TestCase("Rp c=Debug", "invalid component name")]
    [TestCase(",", "expected a level")]
    public void Bad_level_specifications_name_the_source(string text, string reason)
    {
        var config = new LayeredConfig(new Dictionary<ConfigKey, string> { [ConfigKeys.LogLevel] = text }, new Dictionary<string, string>(), new Dictionary<ConfigKey, ConfigValue>());
        Assert.That(() => LogSettings.Resolve(config), Throws.TypeOf<ConfigException>()
            .With.Message.Contains(reason).And.Message.Contains("--log-level"));
    }

    [Test]
    public void Bad_format_is_refused_with_the_env_variable_named()
    {
        var config = new LayeredConfig(new Dictionary<ConfigKey, string>(), new Dictionary<string, string> { ["TRUSTCHAIN_LOG_FORMAT"] = "xml" }, new Dictionary<ConfigKey, ConfigValue>());
        Assert.That(() => LogSettings.Resolve(config), Throws.TypeOf<ConfigException>()
            .With.Message.EqualTo("invalid value \"xml\" for log-format (from TRUSTCHAIN_LOG_FORMAT): must be console or json."));
    }

    [Test]
    public void Per_component_levels_filter_events()
    {
        var settings = new LogSettings
        {
            DefaultLevel = LogLevel.Warning,
            CategoryLevels = LogSettings.ParseLevels("Warning,Consensus=Debug,Rpc=Error").Categories,
        };
        var output = new StringWriter();
        using (ILoggerFactory factory = NodeLogging.CreateFactory(settings, output, new FixedTime(s_time)))
        {
            ILogger consensus = factory.CreateLogger("TrustChain.Consensus");
            ILogger rpc = factory.CreateLogger("TrustChain.Rpc");
            ILogger node = factory.CreateLogger("TrustChain.Node");
            consensus.LogDebug("consensus debug");
            consensus.LogTrace("consensus trace");
            rpc.LogWarning("rpc warning");
            rpc.LogError("rpc error");
            node.LogInformation("node info");
            node.LogWarning("node warning");
        }

        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Is.EqualTo(new[]
        {
            "05:06:07.089 DBG Consensus: consensus debug",
            "05:06:07.089 ERR Rpc: rpc error",
            "05:06:07.089 WRN Node: node warning",
        }));
    }

    [Test]
    public void Json_format_writes_one_object_per_line_with_structured_fields()
    {
        var output = new StringWriter();
        using (ILoggerFactory factory = NodeLogging.CreateFactory(new LogSettings { Format = LogFormat.Json }, output, new FixedTime(s_time)))
        {
            ILogger log = factory.CreateLogger("TrustChain.Node");
            log.LogInformation("Committed block #{Number} txs={Txs} hash={Hash}\nsecond line", 42UL, 3, "0xabc");
            log.LogError(new InvalidOperationException("boom"), "Block production failed");
            log.LogDebug("below the default level");
        }

        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2));
        using JsonDocument first = JsonDocument.Parse(lines[0]);
        JsonElement e = first.RootElement;
        Assert.That(e.GetProperty("time").GetString(), Is.EqualTo("2026-03-04T05:06:07.089Z"));
        Assert.That(e.GetProperty("level").GetString(), Is.EqualTo("Information"));
        Assert.That(e.GetProperty("category").GetString(), Is.EqualTo("TrustChain.Node"));
        Assert.That(e.GetProperty("message").GetString(), Is.EqualTo("Committed block #42 txs=3 hash=0xabc\nsecond line"));
        JsonElement fields = e.GetProperty("fields");
        Assert.That(fields.GetProperty("Number").GetUInt64(), Is.EqualTo(42));
        Assert.That(fields.GetProperty("Txs").GetInt32(), Is.EqualTo(3));
        Assert.That(fields.GetProperty("Hash").GetString(), Is.EqualTo("0xabc"));
        Assert.That(fields.TryGetProperty("{OriginalFormat}", out _), Is.False);

        using JsonDocument second = JsonDocument.Parse(lines[1]);
        Assert.That(second.RootElement.GetProperty("level").GetString(), Is.EqualTo("Error"));
        Assert.That(second.RootElement.GetProperty("exception").GetString(), Does.StartWith("System.InvalidOperationException: boom"));
        Assert.That(second.RootElement.TryGetProperty("fields", out _), Is.False, "a message without values has no fields");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
