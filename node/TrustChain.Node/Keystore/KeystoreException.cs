namespace TrustChain.Node.Keystore;

/// <summary>A keystore file that cannot be read, written or decrypted; the message says which and why.</summary>
public class KeystoreException : Exception
{
    public KeystoreException(string message) : base(message)
    {
    }

    public KeystoreException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
