using TrustChain.Node.Cli;

namespace TrustChain.Node;

public static class Program
{
    public static Task<int> Main(string[] args) => TrustChainCli.RunAsync(args, CliContext.FromConsole());
}
