namespace TrustChain.Node.Keystore;

/// <summary>The MAC did not match: the password is wrong (or the ciphertext was altered). Worded as geth does.</summary>
public sealed class KeystorePasswordException : KeystoreException
{
    public KeystorePasswordException() : base("could not decrypt key with given password")
    {
    }
}
