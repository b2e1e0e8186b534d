using TrustChain.Node.Cli;

namespace TrustChain.Node.Tests.Cli;

/// <summary>Runs the CLI in-process with captured output, a controlled environment and no interactive prompt.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Invoke(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        StringWriter output = new();
        StringWriter error = new();
        CliContext context = new(output, error, environment, new NoPrompt());
        int exitCode = TrustChainCli.RunAsync(args, context).GetAwaiter().GetResult();
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    private sealed class NoPrompt : IPasswordPrompt
    {
        public string Read(string prompt) => throw new AssertionException("the CLI prompted for a password in a test: " + prompt);
    }
}
