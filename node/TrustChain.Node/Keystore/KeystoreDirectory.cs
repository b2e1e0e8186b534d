using System.Globalization;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Node.Keystore;

/// <summary>
/// A directory of keystore files named as geth names them (<c>UTC--&lt;ISO time&gt;--&lt;address&gt;</c>), readable
/// only by the owner.
/// </summary>
public sealed class KeystoreDirectory
{
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public KeystoreDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    /// <summary>geth's file name: UTC--2006-01-02T15-04-05.999999999Z--&lt;address, lowercase, no 0x&gt;.</summary>
    public static string FileName(DateTime utc, Address address)
    {
        utc = utc.ToUniversalTime();
        string fraction = utc.ToString("fffffff", CultureInfo.InvariantCulture).TrimEnd('0');
        string time = utc.ToString("yyyy-MM-dd'T'HH-mm-ss", CultureInfo.InvariantCulture)
            + (fraction.Length > 0 ? "." + fraction : string.Empty) + "Z";
        return $"UTC--{time}--{Hex.ToHexString(address.Bytes, withPrefix: false)}";
    }

    /// <summary>Encrypts <paramref name="key"/> and writes it as a new file; returns the file's path.</summary>
    public string Store(PrivateKey key, string password, ScryptParameters kdf)
    {
        ArgumentNullException.ThrowIfNull(key);
        string json = KeystoreEncryptor.Encrypt(key, password, kdf);
        EnsureDirectory();
        string file = System.IO.Path.Combine(Path, FileName(DateTime.UtcNow, key.Address));
        string temp = file + ".tmp";
        // Written under a temporary name and renamed so a crash never leaves a truncated keystore behind.
        FileStreamOptions options = new() { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        using (FileStream stream = new(temp, options))
        using (StreamWriter writer = new(stream))
        {
            writer.Write(json);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, file);
        return file;
    }

    /// <summary>Keystore files in the directory, oldest first (geth's file names sort by creation time).</summary>
    public IReadOnlyList<KeystoreEntry> List()
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }

        List<KeystoreEntry> entries = [];
        string[] files = Directory.GetFiles(Path);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (string file in files)
        {
            string name = System.IO.Path.GetFileName(file);
            if (name.StartsWith('.') || name.EndsWith(".tmp", StringComparison.Ordinal))
            {
                continue;
            }

            Address? address;
            try
            {
                address = KeystoreDecryptor.ReadAddress(File.ReadAllText(file));
            }
            catch (KeystoreException)
            {
                continue;
            }

            if (address is { } a)
            {
                entries.Add(new KeystoreEntry(a, file));
            }
        }

        return entries;
    }

    /// <summary>The first file holding <paramref name="address"/>.</summary>
    public KeystoreEntry Find(Address address)
    {
        foreach (KeystoreEntry entry in List())
        {
            if (entry.Address == address)
            {
                return entry;
            }
        }

        throw new KeystoreException($"no key for address {address} in keystore {Path}.");
    }

    private void EnsureDirectory()
    {
        if (Directory.Exists(Path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Path);
        }
        else
        {
            Directory.CreateDirectory(Path, DirectoryMode);
        }
    }
}
