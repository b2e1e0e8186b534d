using TrustChain.Core.Crypto;
using TrustChain.Node.Keystore;

namespace TrustChain.Node.Tests.Keystore;

/// <summary>Our keystores open in ethers 6 and ethers' keystores open here (node + tests/interop/node_modules).</summary>
public class EthersKeystoreInteropTests
{
    private const string Password = "interop-pässword";

    [Test]
    public void OurKeystore_OpensInEthers()
    {
        PrivateKey key = PrivateKey.Generate();
        string json = KeystoreEncryptor.Encrypt(key, Password, ScryptParameters.Light);

        string output = NodeScript.Run(
            """
            import { Wallet } from "ethers";
            const wallet = await Wallet.fromEncryptedJson(process.env.KS_JSON, process.env.KS_PASSWORD);
            console.log(wallet.address + " " + wallet.privateKey);
            """,
            new Dictionary<string, string> { ["KS_JSON"] = json, ["KS_PASSWORD"] = Password });

        Assert.That(output, Is.EqualTo($"{key.Address} 0x{Convert.ToHexStringLower(key.KeyBytes)}"));
    }

    [Test]
    public void EthersKeystore_OpensHere()
    {
        PrivateKey key = PrivateKey.Generate();
        string json = NodeScript.Run(
            """
            import { Wallet, encryptKeystoreJson } from "ethers";
            const wallet = new Wallet(process.env.KS_KEY);
            console.log(await encryptKeystoreJson(wallet, process.env.KS_PASSWORD, { scrypt: { N: 4096 } }));
            """,
            new Dictionary<string, string> { ["KS_KEY"] = "0x" + Convert.ToHexStringLower(key.KeyBytes), ["KS_PASSWORD"] = Password });

        Assert.That(json, Does.Contain("\"n\":4096"), "ethers honoured the light scrypt option");
        Assert.That(KeystoreDecryptor.Decrypt(json, Password).KeyBytes.ToArray(), Is.EqualTo(key.KeyBytes.ToArray()));
        Assert.Throws<KeystorePasswordException>(() => KeystoreDecryptor.Decrypt(json, "wrong"));
    }
}
