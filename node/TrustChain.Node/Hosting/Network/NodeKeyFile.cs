using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.Cli;

namespace TrustChain.Node.Hosting.Network;

/// <summary>The node's P2P identity key: a hex file in the data dir, generated (owner-only permissions) on first use.</summary>
public static class NodeKeyFile
{
    public static PrivateKey LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (File.Exists(path))
        {
            return KeyFile.ReadHexKey(path);
        }

        PrivateKey key = PrivateKey.Generate();
        Write(path, key);
        return key;
    }

    public static void Write(string path, PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        FileStreamOptions options = new() { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using StreamWriter writer = new(new FileStream(path, options));
        writer.Write(Hex.ToHexString(key.KeyBytes, withPrefix: false));
    }
}
