using System.Text.Json;
using System.Text.Json.Nodes;
using TrustChain.Biometrics.Oprf;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.Config;
using TrustChain.Node.Keystore;

namespace TrustChain.Node.Prover;

/// <summary>
/// One prover's OPRF key share on disk: a Web3 Secret Storage v3 keystore (scrypt + aes-128-ctr, as `account new`
/// writes) whose "private key" is the share k_i (a scalar in [1, n), so a valid secp256k1 key; the keystore's
/// "address" is that of k_i·G and is NOT an account), plus <c>"oprfShare": {"index": i, "publicShare": "0x…"}</c>.
/// Loading checks the decrypted share against the recorded public share.
/// </summary>
public static class ProverShareFile
{
    public static string Write(OprfKeyShare share, string password, ScryptParameters kdf)
    {
        ArgumentNullException.ThrowIfNull(share);
        JsonObject keystore = JsonNode.Parse(KeystoreEncryptor.Encrypt(new PrivateKey(share.Secret), password, kdf))!.AsObject();
        keystore["oprfShare"] = new JsonObject
        {
            ["index"] = share.Index,
            ["publicShare"] = Hex.ToHexString(share.PublicShare),
        };
        return keystore.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public static OprfKeyShare Read(string json, string password, string source)
    {
        int index;
        byte[] publicShare;
        try
        {
            JsonObject share = JsonNode.Parse(json)?["oprfShare"]?.AsObject() ?? throw new ConfigException($"{source} is not an OPRF share file (no oprfShare).");
            index = share["index"]?.GetValue<int>() ?? throw new ConfigException($"{source}: oprfShare.index is missing.");
            publicShare = Hex.FromHexString(share["publicShare"]?.GetValue<string>() ?? throw new ConfigException($"{source}: oprfShare.publicShare is missing."));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new ConfigException($"{source}: invalid share file: {e.Message}", e);
        }

        PrivateKey secret = KeystoreDecryptor.Decrypt(json, password);
        OprfKeyShare result = new(index, secret.KeyBytes);
        if (!result.PublicShare.SequenceEqual(publicShare))
        {
            throw new ConfigException($"{source}: the decrypted share does not match its recorded public share.");
        }

        return result;
    }
}
