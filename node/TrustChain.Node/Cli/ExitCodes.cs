namespace TrustChain.Node.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and failed (I/O, wrong password, RPC error, failed transaction).</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments, flags, environment or config values; nothing was done.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted by SIGINT/SIGTERM before the command could finish (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
