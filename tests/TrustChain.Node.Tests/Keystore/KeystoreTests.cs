using System.Text.Json;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.Keystore;

namespace TrustChain.Node.Tests.Keystore;

public class KeystoreTests
{
    private const string Password = "correct horse battery staple";

    [Test]
    public void Decrypt_PublishedPbkdf2Vector_GivesPublishedKey()
    {
        PrivateKey key = KeystoreDecryptor.Decrypt(KeystoreVectors.Pbkdf2, KeystoreVectors.Password);
        Assert.That(Convert.ToHexStringLower(key.KeyBytes), Is.EqualTo(KeystoreVectors.PrivateKey));
    }

    /// <summary>
    /// The published scrypt vector uses r = 1 with n = 2^18, beyond RFC 7914's n &lt; 2^(16·r) which BouncyCastle
    /// enforces; it must fail with a clear message, not an exception from inside the library. (geth and ethers
    /// write r = 8, which is covered by the ethers interop tests.)
    /// </summary>
    [Test]
    public void Decrypt_PublishedScryptVectorWithR1_IsRejectedClearly()
    {
        KeystoreException e = Assert.Throws<KeystoreException>(() => KeystoreDecryptor.Decrypt(KeystoreVectors.Scrypt, KeystoreVectors.Password))!;
        Assert.That(e.Message, Does.Contain("RFC 7914"));
    }

    [Test]
    public void Decrypt_ScryptVectorReencodedWithR8_GivesSameKey()
    {
        PrivateKey key = new(KeystoreVectors.PrivateKey);
        string json = KeystoreEncryptor.Encrypt(key, KeystoreVectors.Password, ScryptParameters.Light);
        Assert.That(Convert.ToHexStringLower(KeystoreDecryptor.Decrypt(json, KeystoreVectors.Password).KeyBytes), Is.EqualTo(KeystoreVectors.PrivateKey));
    }

    [Test]
    public void Decrypt_WrongPassword_FailsWithGethMessage()
    {
        KeystorePasswordException e = Assert.Throws<KeystorePasswordException>(() => KeystoreDecryptor.Decrypt(KeystoreVectors.Pbkdf2, "testpassword2"))!;
        Assert.That(e.Message, Is.EqualTo("could not decrypt key with given password"));
    }

    [Test]
    public void Encrypt_ThenDecrypt_RoundTripsWithGethLayout()
    {
        PrivateKey key = PrivateKey.Generate();
        string json = KeystoreEncryptor.Encrypt(key, Password, ScryptParameters.Light);

        Assert.That(KeystoreDecryptor.Decrypt(json, Password).KeyBytes.ToArray(), Is.EqualTo(key.KeyBytes.ToArray()));
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        Assert.That(root.GetProperty("version").GetInt32(), Is.EqualTo(3));
        Assert.That(root.GetProperty("address").GetString(), Is.EqualTo(Convert.ToHexStringLower(key.Address.Bytes)));
        Assert.That(Guid.TryParseExact(root.GetProperty("id").GetString(), "D", out Guid id), Is.True);
        Assert.That(root.GetProperty("id").GetString()![14], Is.EqualTo('4'), "uuid version 4");
        Assert.That("89ab", Does.Contain(id.ToString("D")[19].ToString()), "uuid RFC 4122 variant");
        JsonElement crypto = root.GetProperty("crypto");
        Assert.That(crypto.GetProperty("cipher").GetString(), Is.EqualTo("aes-128-ctr"));
        Assert.That(crypto.GetProperty("kdf").GetString(), Is.EqualTo("scrypt"));
        JsonElement kdf = crypto.GetProperty("kdfparams");
        Assert.That(
            (kdf.GetProperty("n").GetInt32(), kdf.GetProperty("r").GetInt32(), kdf.GetProperty("p").GetInt32(), kdf.GetProperty("dklen").GetInt32()),
            Is.EqualTo((4096, 8, 1, 32)));
        Assert.That(Convert.FromHexString(kdf.GetProperty("salt").GetString()!), Has.Length.EqualTo(32));
        Assert.That(Convert.FromHexString(crypto.GetProperty("cipherparams").GetProperty("iv").GetString()!), Has.Length.EqualTo(16));
    }

    [Test]
    public void Encrypt_TwiceWithSameKey_UsesFreshSaltIvAndId()
    {
        PrivateKey key = PrivateKey.Generate();
        string a = KeystoreEncryptor.Encrypt(key, Password, ScryptParameters.Light);
        string b = KeystoreEncryptor.Encrypt(key, Password, ScryptParameters.Light);
        Assert.That(a, Is.Not.EqualTo(b));
    }

    [Test]
    public void StandardParameters_AreGethDefaults()
    {
        Assert.That(ScryptParameters.Standard, Is.EqualTo(new ScryptParameters(131072, 8, 1)));
        Assert.That(ScryptParameters.Light, Is.EqualTo(new ScryptParameters(4096, 8, 1)));
    }

    [Test]
    public void Decrypt_AlteredCiphertext_FailsMacCheck()
    {
        string json = KeystoreEncryptor.Encrypt(PrivateKey.Generate(), Password, ScryptParameters.Light);
        using JsonDocument document = JsonDocument.Parse(json);
        string ciphertext = document.RootElement.GetProperty("crypto").GetProperty("ciphertext").GetString()!;
        string flipped = (ciphertext[0] == '0' ? '1' : '0') + ciphertext[1..];
        Assert.Throws<KeystorePasswordException>(() => KeystoreDecryptor.Decrypt(json.Replace(ciphertext, flipped, StringComparison.Ordinal), Password));
    }

    [TestCase("\"cipher\" : \"aes-128-ctr\"", "\"cipher\" : \"aes-128-cbc\"", "unsupported cipher 'aes-128-cbc'")]
    [TestCase("\"kdf\" : \"pbkdf2\"", "\"kdf\" : \"argon2\"", "unsupported kdf 'argon2'")]
    [TestCase("\"prf\" : \"hmac-sha256\"", "\"prf\" : \"hmac-sha512\"", "unsupported pbkdf2 prf 'hmac-sha512'")]
    [TestCase("\"version\" : 3", "\"version\" : 2", "unsupported keystore version 2")]
    [TestCase("\"c\" : 262144", "\"c\" : 0", "crypto.kdfparams.c must be between")]
    [TestCase("\"dklen\" : 32", "\"dklen\" : 16", "crypto.kdfparams.dklen must be between 32")]
    [TestCase("\"iv\" : \"6087dab2f9fdbbfaddc31a909735c1e6\"", "\"iv\" : \"6087\"", "crypto.cipherparams.iv must be 16 bytes")]
    [TestCase("\"iv\" : \"6087dab2f9fdbbfaddc31a909735c1e6\"", "\"iv\" : \"zz\"", "crypto.cipherparams.iv is not valid hex")]
    [TestCase("\"mac\" :", "\"macx\" :", "keystore is missing crypto.mac")]
    [TestCase("\"id\"", "\"address\" : \"0x0000000000000000000000000000000000000001\", \"id\"", "declares address 0x0000000000000000000000000000000000000001")]
    public void Decrypt_MalformedFile_FailsWithSpecificMessage(string find, string replace, string expected)
    {
        string json = KeystoreVectors.Pbkdf2.Replace(find, replace, StringComparison.Ordinal);
        Assert.That(json, Is.Not.EqualTo(KeystoreVectors.Pbkdf2), "test case must change the file");
        KeystoreException e = Assert.Throws<KeystoreException>(() => KeystoreDecryptor.Decrypt(json, KeystoreVectors.Password))!;
        Assert.That(e.Message, Does.Contain(expected));
    }

    [TestCase(4095, 8, 1, "power of two")]
    [TestCase(1 << 24, 8, 1, "exceed the supported cost")]
    [TestCase(4096, 0, 1, "must be positive")]
    public void Decrypt_HostileScryptParameters_RejectedBeforeDerivation(int n, int r, int p, string expected)
    {
        string json = KeystoreVectors.Scrypt
            .Replace("\"n\" : 262144", $"\"n\" : {n}", StringComparison.Ordinal)
            .Replace("\"r\" : 1", $"\"r\" : {r}", StringComparison.Ordinal)
            .Replace("\"p\" : 8", $"\"p\" : {p}", StringComparison.Ordinal);
        KeystoreException e = Assert.Throws<KeystoreException>(() => KeystoreDecryptor.Decrypt(json, KeystoreVectors.Password))!;
        Assert.That(e.Message, Does.Contain(expected));
    }

    [TestCase("not json")]
    [TestCase("[]")]
    [TestCase("{}")]
    public void Decrypt_NotAKeystore_FailsWithKeystoreException(string json)
    {
        Assert.Throws<KeystoreException>(() => KeystoreDecryptor.Decrypt(json, Password));
    }

    /// <summary>NIST SP 800-38A, F.5.1 CTR-AES128.Encrypt (the counter's low bytes wrap from ff to 00).</summary>
    [Test]
    public void AesCtr_MatchesNistVector()
    {
        byte[] key = Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3c");
        byte[] counter = Convert.FromHexString("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
        byte[] plain = Convert.FromHexString(
            "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
        byte[] output = new byte[plain.Length];
        AesCtr.Transform(key, counter, plain, output);
        Assert.That(Convert.ToHexStringLower(output), Is.EqualTo(
            "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee"));
    }

    [Test]
    public void KeystoreDirectory_FileName_IsGethStyle()
    {
        Address address = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        DateTime time = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234500);
        Assert.That(KeystoreDirectory.FileName(time, address), Is.EqualTo("UTC--2024-01-02T03-04-05.12345Z--f39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
        Assert.That(KeystoreDirectory.FileName(time.AddTicks(-1234500), address), Is.EqualTo("UTC--2024-01-02T03-04-05Z--f39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
    }

    [Test]
    public void KeystoreDirectory_StoreThenList_FindsOwnerOnlyFile()
    {
        using Cli.TempDirectory temp = new();
        KeystoreDirectory keystore = new(temp.Combine("keystore"));
        PrivateKey key = PrivateKey.Generate();
        string path = keystore.Store(key, Password, ScryptParameters.Light);

        Assert.That(keystore.List(), Is.EqualTo(new[] { new KeystoreEntry(key.Address, path) }));
        Assert.That(keystore.Find(key.Address).Path, Is.EqualTo(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }

        Assert.That(KeystoreDecryptor.Decrypt(File.ReadAllText(path), Password).Address, Is.EqualTo(key.Address));
        Assert.Throws<KeystoreException>(() => keystore.Find(Address.Zero));
    }
}
