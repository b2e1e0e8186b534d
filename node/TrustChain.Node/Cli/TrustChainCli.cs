using System.CommandLine;
using System.CommandLine.Help;
using TrustChain.Chain.Blocks;
using TrustChain.Node.Config;
using TrustChain.Node.Hosting;
using TrustChain.Node.Keystore;
using TrustChain.Node.Tx;
using TrustChain.Storage;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Node.Cli;

/// <summary>
/// The `trustchain` command tree. Exit codes: 0 success, 1 the command failed, 2 bad arguments/config (see
/// <see cref="ExitCodes"/>). Parse errors are reported here rather than by System.CommandLine so that they share
/// exit code 2 with config errors.
/// </summary>
public static class TrustChainCli
{
    public static RootCommand Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RootCommand root = new("TrustChain node: Human ID, credentials and AI model ownership on one chain");
        Option<string> config = new("--config")
        {
            Description = "JSON config file (settings: " + string.Join(", ", ConfigKeys.All.Select(k => k.JsonName)) + "); env TRUSTCHAIN_CONFIG",
            HelpName = "FILE",
            Recursive = true,
        };
        root.Options.Add(config);
        foreach (Command command in CommandFactories(context, config))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        RootCommand root = Build(context);
        ParseResult parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
        {
            foreach (System.CommandLine.Parsing.ParseError error in parseResult.Errors)
            {
                await context.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync("Run 'trustchain --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        InvocationConfiguration invocation = new()
        {
            Output = context.Output,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
            // `run` handles SIGINT/SIGTERM itself so that it can finish the block in flight and close the database.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (ConfigException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is KeystoreException or JsonRpcClientException or TimeoutException or IOException
            or UnauthorizedAccessException or ZkFormatException or GenesisMismatchException or RocksDbException or DataDirException)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("interrupted").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            // Anything else is a defect or an environment fault: say what it was rather than dumping a stack trace.
            await context.Error.WriteLineAsync($"fatal: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    private static IEnumerable<Command> CommandFactories(CliContext context, Option<string> config)
    {
        yield return NodeCommands.CreateInit(context, config);
        yield return NodeCommands.CreateRun(context, config);
        yield return TestnetCommands.Create(context);
        yield return AccountCommands.Create(context, config);
        yield return TxCommands.Create(context);
        yield return ConfigCommands.Create(context, config);
        yield return ZkCommands.Create(context);
        yield return CredentialCommands.Create(context);
        yield return PalmCommands.Create(context);
        yield return ProverCommands.Create(context);
        yield return ModelCommands.Create(context);
        yield return StakeCommands.Create(context);
        yield return HumanCommands.Create(context);
    }
}
