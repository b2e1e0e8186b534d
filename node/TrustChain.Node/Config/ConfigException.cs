namespace TrustChain.Node.Config;

/// <summary>A bad configuration value or usage error; the CLI prints the message and exits with code 2.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string message) : base(message)
    {
    }

    public ConfigException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
