namespace TrustChain.Node.Cli;

/// <summary>Asks the user for a password interactively.</summary>
public interface IPasswordPrompt
{
    string Read(string prompt);
}
