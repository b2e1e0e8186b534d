using TrustChain.Core.Crypto;
using TrustChain.Node.Config;
using TrustChain.Node.Keystore;

namespace TrustChain.Node.Cli;

/// <summary>Loads private keys from files: a bare hex key, or a keystore JSON that needs a password.</summary>
public static class KeyFile
{
    public static PrivateKey ReadHexKey(string path)
    {
        string text = ReadText(path).Trim();
        try
        {
            return new PrivateKey(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new ConfigException($"{path} does not hold a valid private key (64 hex digits): {e.Message}", e);
        }
    }

    /// <summary>A keystore file (JSON) is decrypted with the password from <paramref name="passwordFile"/> or a prompt.</summary>
    public static PrivateKey ReadKeyOrKeystore(string path, string? passwordFile, Cli.IPasswordPrompt prompt)
    {
        string text = ReadText(path);
        if (!text.TrimStart().StartsWith('{'))
        {
            return ReadHexKey(path);
        }

        string password = PasswordSource.Get(passwordFile, prompt, confirm: false);
        return KeystoreDecryptor.Decrypt(text, password);
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"cannot read key file {path}: {e.Message}", e);
        }
    }
}
