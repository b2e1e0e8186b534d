using TrustChain.Node.Tests.Cli;

namespace TrustChain.Node.Tests.Consensus;

/// <summary>The --dev-empty-blocks settings resolve from flags and the environment; contradictory or bad values are refused.</summary>
[TestFixture]
public sealed class DevEmptyBlocksSettingsTests
{
    private static readonly Dictionary<string, string> Home = new() { ["HOME"] = "/tmp/nowhere" };

    [TestCase("--dev-empty-blocks-interval", "500", null, null, "applies only with --dev-empty-blocks false")]
    [TestCase("--dev-empty-blocks", "sometimes", null, null, "must be true or false")]
    [TestCase("--dev-empty-blocks", "false", "--dev-empty-blocks-interval", "-1", "TRUSTCHAIN_DEV_EMPTY_BLOCKS_INTERVAL|--dev-empty-blocks-interval")]
    public void Bad_combinations_are_refused(string flag, string value, string? flag2, string? value2, string message)
    {
        List<string> args = ["config", "show", "--dev", flag, value];
        if (flag2 is not null)
        {
            args.AddRange([flag2, value2!]);
        }

        CliRun run = CliRun.Invoke(Home, [.. args]);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(message.Split('|').Any(m => run.Error.Contains(m, StringComparison.Ordinal)), Is.True, run.Error);
    }

    [Test]
    public void Environment_turns_empty_blocks_off_with_an_interval()
    {
        Dictionary<string, string> environment = new(Home) { ["TRUSTCHAIN_DEV_EMPTY_BLOCKS"] = "false", ["TRUSTCHAIN_DEV_EMPTY_BLOCKS_INTERVAL"] = "60000" };
        CliRun run = CliRun.Invoke(environment, "config", "show", "--dev");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        string[] lines = run.Output.Split('\n');
        Assert.That(lines.Single(l => l.StartsWith("devEmptyBlocks ", StringComparison.Ordinal)), Does.Contain("false").And.Contain("TRUSTCHAIN_DEV_EMPTY_BLOCKS"));
        Assert.That(lines.Single(l => l.StartsWith("devEmptyBlocksInterval ", StringComparison.Ordinal)), Does.Contain("60000"));
    }
}
