using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Org.BouncyCastle.Crypto.Generators;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Node.Keystore;

/// <summary>
/// Reads Web3 Secret Storage v3 files with an scrypt or pbkdf2 (hmac-sha256) kdf and aes-128-ctr. Field names are
/// matched case-insensitively because ethers writes "Crypto" where geth writes "crypto". The MAC is checked before
/// anything is decrypted.
/// </summary>
public static class KeystoreDecryptor
{
    private const int MaxPbkdf2Iterations = 10_000_000;

    public static PrivateKey Decrypt(string json, string password)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(password);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new KeystoreException($"keystore is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new KeystoreException("keystore must be a JSON object.");
            }

            JsonElement version = Require(root, "version", "version");
            if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int v) || v != 3)
            {
                throw new KeystoreException($"unsupported keystore version {version.GetRawText()} (only version 3 is supported).");
            }

            JsonElement crypto = Require(root, "crypto", "crypto");
            string cipher = RequireString(crypto, "cipher", "crypto.cipher");
            if (!string.Equals(cipher, "aes-128-ctr", StringComparison.Ordinal))
            {
                throw new KeystoreException($"unsupported cipher '{cipher}' (only aes-128-ctr is supported).");
            }

            byte[] ciphertext = RequireHex(crypto, "ciphertext", "crypto.ciphertext");
            if (ciphertext.Length != 32)
            {
                throw new KeystoreException($"crypto.ciphertext must be 32 bytes, got {ciphertext.Length}.");
            }

            byte[] iv = RequireHex(Require(crypto, "cipherparams", "crypto.cipherparams"), "iv", "crypto.cipherparams.iv");
            if (iv.Length != 16)
            {
                throw new KeystoreException($"crypto.cipherparams.iv must be 16 bytes, got {iv.Length}.");
            }

            byte[] mac = RequireHex(crypto, "mac", "crypto.mac");
            if (mac.Length != 32)
            {
                throw new KeystoreException($"crypto.mac must be 32 bytes, got {mac.Length}.");
            }

            byte[] derived = DeriveKey(crypto, password);
            try
            {
                Hash256 expected = KeystoreMac.Compute(derived, ciphertext);
                if (!CryptographicOperations.FixedTimeEquals(expected.Bytes, mac))
                {
                    throw new KeystorePasswordException();
                }

                byte[] plain = new byte[32];
                AesCtr.Transform(derived.AsSpan(0, 16), iv, ciphertext, plain);
                PrivateKey key;
                try
                {
                    key = new PrivateKey(plain);
                }
                catch (ArgumentException e)
                {
                    throw new KeystoreException("keystore decrypts to an invalid secp256k1 private key.", e);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(plain);
                }

                CheckAddress(root, key);
                return key;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(derived);
            }
        }
    }

    /// <summary>The address a keystore declares, without decrypting it; null when the file has none.</summary>
    public static Address? ReadAddress(string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && TryGet(document.RootElement, "address", out JsonElement address)
                && address.ValueKind == JsonValueKind.String
                && Address.TryParse(address.GetString(), out Address parsed))
            {
                return parsed;
            }

            return null;
        }
        catch (JsonException e)
        {
            throw new KeystoreException($"keystore is not valid JSON: {e.Message}", e);
        }
    }

    private static byte[] DeriveKey(JsonElement crypto, string password)
    {
        string kdf = RequireString(crypto, "kdf", "crypto.kdf");
        JsonElement kdfParams = Require(crypto, "kdfparams", "crypto.kdfparams");
        int dkLen = RequireInt(kdfParams, "dklen", "crypto.kdfparams.dklen");
        if (dkLen < 32 || dkLen > 1024)
        {
            throw new KeystoreException($"crypto.kdfparams.dklen must be between 32 and 1024, got {dkLen}.");
        }

        byte[] salt = RequireHex(kdfParams, "salt", "crypto.kdfparams.salt");
        byte[] passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            switch (kdf)
            {
                case "scrypt":
                {
                    ScryptParameters parameters = new(
                        RequireInt(kdfParams, "n", "crypto.kdfparams.n"),
                        RequireInt(kdfParams, "r", "crypto.kdfparams.r"),
                        RequireInt(kdfParams, "p", "crypto.kdfparams.p"));
                    parameters.Validate();
                    return SCrypt.Generate(passwordBytes, salt, parameters.N, parameters.R, parameters.P, dkLen);
                }

                case "pbkdf2":
                {
                    string prf = RequireString(kdfParams, "prf", "crypto.kdfparams.prf");
                    if (!string.Equals(prf, "hmac-sha256", StringComparison.Ordinal))
                    {
                        throw new KeystoreException($"unsupported pbkdf2 prf '{prf}' (only hmac-sha256 is supported).");
                    }

                    int iterations = RequireInt(kdfParams, "c", "crypto.kdfparams.c");
                    if (iterations < 1 || iterations > MaxPbkdf2Iterations)
                    {
                        throw new KeystoreException($"crypto.kdfparams.c must be between 1 and {MaxPbkdf2Iterations}, got {iterations}.");
                    }

                    return Rfc2898DeriveBytes.Pbkdf2(passwordBytes, salt, iterations, HashAlgorithmName.SHA256, dkLen);
                }

                default:
                    throw new KeystoreException($"unsupported kdf '{kdf}' (scrypt and pbkdf2 are supported).");
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    private static void CheckAddress(JsonElement root, PrivateKey key)
    {
        if (!TryGet(root, "address", out JsonElement address) || address.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        string? text = address.ValueKind == JsonValueKind.String ? address.GetString() : null;
        if (!Address.TryParse(text, out Address declared))
        {
            throw new KeystoreException($"keystore address {address.GetRawText()} is not a 20-byte hex address.");
        }

        if (declared != key.Address)
        {
            throw new KeystoreException($"keystore declares address {declared} but holds the key of {key.Address}.");
        }
    }

    private static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in obj.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    private static JsonElement Require(JsonElement obj, string name, string path)
    {
        if (!TryGet(obj, name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new KeystoreException($"keystore is missing {path}.");
        }

        return value;
    }

    private static string RequireString(JsonElement obj, string name, string path)
    {
        JsonElement value = Require(obj, name, path);
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new KeystoreException($"keystore {path} must be a string.");
        }

        return value.GetString()!;
    }

    private static int RequireInt(JsonElement obj, string name, string path)
    {
        JsonElement value = Require(obj, name, path);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int result))
        {
            throw new KeystoreException($"keystore {path} must be a 32-bit integer, got {value.GetRawText()}.");
        }

        return result;
    }

    private static byte[] RequireHex(JsonElement obj, string name, string path)
    {
        string text = RequireString(obj, name, path);
        if (!Hex.TryFromHexString(text, out byte[]? bytes))
        {
            throw new KeystoreException($"keystore {path} is not valid hex.");
        }

        return bytes;
    }
}
