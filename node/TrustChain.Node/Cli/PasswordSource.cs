using TrustChain.Node.Config;

namespace TrustChain.Node.Cli;

/// <summary>A password from --password-file (its first line, as geth reads it) or from an interactive prompt.</summary>
public static class PasswordSource
{
    public static string Get(string? passwordFile, IPasswordPrompt prompt, bool confirm)
    {
        if (passwordFile is not null)
        {
            return ReadFile(passwordFile);
        }

        string password = prompt.Read("Password: ");
        if (confirm && !string.Equals(password, prompt.Read("Repeat password: "), StringComparison.Ordinal))
        {
            throw new ConfigException("passwords do not match.");
        }

        return password;
    }

    public static string ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"cannot read password file {path}: {e.Message}", e);
        }

        int end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
