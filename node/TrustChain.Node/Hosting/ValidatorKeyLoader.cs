using TrustChain.Chain.Specs;
using TrustChain.Core.Crypto;
using TrustChain.Node.Cli;
using TrustChain.Node.Config;
using TrustChain.Node.Dev;
using TrustChain.Node.Keystore;

namespace TrustChain.Node.Hosting;

/// <summary>
/// The key this node signs blocks with: --validator-key (hex key file), --unlock (keystore + password), or in dev
/// mode the first dev account. The dev producer signs every block, so its key must be a genesis validator; on the
/// network any key is accepted: the node follows until Staking makes its address active at an epoch boundary and
/// then signs.
/// </summary>
public static class ValidatorKeyLoader
{
    /// <returns>Null when the node has no validator key (it then serves RPC without producing blocks).</returns>
    public static PrivateKey? Load(RunSettings settings, ChainSpec spec, IPasswordPrompt prompt)
    {
        PrivateKey? key;
        if (settings.ValidatorKeyFile is { } file)
        {
            key = KeyFile.ReadHexKey(file);
        }
        else if (settings.Unlock is { } address)
        {
            KeystoreEntry entry = new KeystoreDirectory(settings.KeystoreDir).Find(address);
            string password = PasswordSource.Get(settings.PasswordFile, prompt, confirm: false);
            key = KeystoreDecryptor.Decrypt(File.ReadAllText(entry.Path), password);
        }
        else
        {
            key = settings.Dev ? DevAccounts.Get(0) : null;
        }

        if (key is not null && settings.Dev && !IsGenesisValidator(spec, key))
        {
            throw new ConfigException($"validator key {key.Address} is not in the genesis validator set of {spec.Name}.");
        }

        return key;
    }

    public static bool IsGenesisValidator(ChainSpec spec, PrivateKey key)
    {
        foreach (GenesisValidator validator in spec.Validators)
        {
            if (validator.Address == key.Address)
            {
                return true;
            }
        }

        return false;
    }
}
