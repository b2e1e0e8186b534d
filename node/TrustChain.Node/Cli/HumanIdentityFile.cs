using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustChain.Node.Config;
using TrustChain.Zk.Semaphore;

namespace TrustChain.Node.Cli;

/// <summary>
/// A Semaphore v4 identity on disk: {"privateKey": base64, "commitment": decimal}. The base64 key is what
/// @semaphore-protocol/identity's <c>identity.export()</c> writes and <c>Identity.import()</c> reads, so the same file
/// works with the JavaScript tools. The file is created owner-read/write only: the key proves membership and erases it.
/// </summary>
public static class HumanIdentityFile
{
    public const int KeyLength = 32;

    public static SemaphoreIdentity Create(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            throw new ConfigException($"{path} already exists; refusing to overwrite an identity (its key cannot be recovered).");
        }

        byte[] key = RandomNumberGenerator.GetBytes(KeyLength);
        SemaphoreIdentity identity = new(key);
        JsonObject json = new()
        {
            ["privateKey"] = Convert.ToBase64String(key),
            ["commitment"] = identity.Commitment.ToString(),
        };
        FileStreamOptions options = new() { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (StreamWriter writer = new(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
        {
            writer.Write(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }

        return identity;
    }

    /// <exception cref="ConfigException">Missing file, not the identity format, or a commitment that does not match the key.</exception>
    public static SemaphoreIdentity Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ConfigException($"identity file {path} does not exist (create one with 'trustchain human new-identity --out {path}').");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement root = document.RootElement;
            byte[] key = Convert.FromBase64String(root.GetProperty("privateKey").GetString() ?? "");
            if (key.Length == 0)
            {
                throw new ConfigException($"{path}: privateKey is empty.");
            }

            SemaphoreIdentity identity = new(key);
            if (root.TryGetProperty("commitment", out JsonElement commitment) && commitment.GetString() != identity.Commitment.ToString())
            {
                throw new ConfigException($"{path}: the commitment does not belong to the private key; the file is damaged.");
            }

            return identity;
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ConfigException($"{path} is not a TrustChain identity file ({{\"privateKey\": base64, \"commitment\": decimal}}): {e.Message}");
        }
    }
}
