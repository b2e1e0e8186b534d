using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Org.BouncyCastle.Crypto.Generators;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Node.Keystore;

/// <summary>
/// Writes Web3 Secret Storage v3 files (scrypt + aes-128-ctr) in the field layout geth and ethers write, so either
/// can open them. The password is taken as its UTF-8 bytes, as geth does.
/// </summary>
public static class KeystoreEncryptor
{
    private const int DerivedKeyLength = 32;

    public static string Encrypt(PrivateKey key, string password, ScryptParameters kdf)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(32);
        byte[] iv = RandomNumberGenerator.GetBytes(16);
        return Encrypt(key, password, kdf, salt, iv, Guid.NewGuid());
    }

    /// <summary>Deterministic form for tests; <paramref name="id"/> should be a random (v4) UUID.</summary>
    public static string Encrypt(PrivateKey key, string password, ScryptParameters kdf, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> iv, Guid id)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(kdf);
        kdf.Validate();
        if (salt.Length == 0)
        {
            throw new ArgumentException("Salt must not be empty.", nameof(salt));
        }

        byte[] passwordBytes = Encoding.UTF8.GetBytes(password);
        byte[] derived = SCrypt.Generate(passwordBytes, salt.ToArray(), kdf.N, kdf.R, kdf.P, DerivedKeyLength);
        byte[] ciphertext = new byte[32];
        AesCtr.Transform(derived.AsSpan(0, 16), iv, key.KeyBytes, ciphertext);
        Hash256 mac = KeystoreMac.Compute(derived, ciphertext);
        CryptographicOperations.ZeroMemory(derived);
        CryptographicOperations.ZeroMemory(passwordBytes);

        using MemoryStream stream = new();
        using (Utf8JsonWriter json = new(stream))
        {
            json.WriteStartObject();
            json.WriteString("address", Hex.ToHexString(key.Address.Bytes, withPrefix: false));
            json.WriteStartObject("crypto");
            json.WriteString("cipher", "aes-128-ctr");
            json.WriteString("ciphertext", Convert.ToHexStringLower(ciphertext));
            json.WriteStartObject("cipherparams");
            json.WriteString("iv", Convert.ToHexStringLower(iv));
            json.WriteEndObject();
            json.WriteString("kdf", "scrypt");
            json.WriteStartObject("kdfparams");
            json.WriteNumber("dklen", DerivedKeyLength);
            json.WriteNumber("n", kdf.N);
            json.WriteNumber("p", kdf.P);
            json.WriteNumber("r", kdf.R);
            json.WriteString("salt", Convert.ToHexStringLower(salt));
            json.WriteEndObject();
            json.WriteString("mac", Hex.ToHexString(mac.Bytes, withPrefix: false));
            json.WriteEndObject();
            json.WriteString("id", id.ToString("D"));
            json.WriteNumber("version", 3);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
