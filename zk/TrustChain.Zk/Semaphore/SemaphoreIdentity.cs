using System.Numerics;
using System.Text;
using TrustChain.Zk.BabyJubJub;
using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Semaphore;

/// <summary>
/// A Semaphore v4 identity as @semaphore-protocol/identity 4.x: an EdDSA-Poseidon key pair whose
/// commitment Poseidon(Ax, Ay) is the group leaf, and whose secret scalar is the circuit's secret input.
/// </summary>
public sealed class SemaphoreIdentity
{
    private readonly byte[] _privateKey;

    /// <summary>Any number of bytes of key material (zk-kit hashes them with BLAKE-512).</summary>
    public SemaphoreIdentity(byte[] privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        _privateKey = (byte[])privateKey.Clone();
        BigInteger secret = EdDsaPoseidon.DeriveSecretScalar(_privateKey);
        SecretScalar = Fr.FromBigInteger(secret);
        PublicKey = BabyJubJubPoint.Base8.Multiply(secret);
        Commitment = GenerateCommitment(PublicKey);
    }

    /// <summary>A text private key is used as its UTF-8 bytes, as the JavaScript library does.</summary>
    public SemaphoreIdentity(string privateKey)
        : this(Encoding.UTF8.GetBytes(privateKey ?? throw new ArgumentNullException(nameof(privateKey))))
    {
    }

    public ReadOnlySpan<byte> PrivateKey => _privateKey;

    /// <summary>The secret scalar s (below the Baby Jubjub subgroup order l).</summary>
    public Fr SecretScalar { get; }

    /// <summary>Base8·s.</summary>
    public BabyJubJubPoint PublicKey { get; }

    /// <summary>Poseidon(Ax, Ay), the LeanIMT leaf.</summary>
    public Fr Commitment { get; }

    public static Fr GenerateCommitment(in BabyJubJubPoint publicKey) => Poseidon.Poseidon.Hash2(publicKey.X, publicKey.Y);

    /// <summary>Poseidon(scopeHash, secret), where scopeHash is <see cref="SemaphoreHash.HashToField(BigInteger)"/> of the scope, as the v4 circuit computes it.</summary>
    public Fr Nullifier(BigInteger scope) => Poseidon.Poseidon.Hash2(SemaphoreHash.HashToField(scope), SecretScalar);

    /// <summary>Nullifier for a string scope, converted with Semaphore's toBigInt.</summary>
    public Fr Nullifier(string scope) => Nullifier(SemaphoreHash.ToBigInt(scope));

    /// <summary>Nullifier for a byte-string scope, read as a big-endian integer.</summary>
    public Fr Nullifier(ReadOnlySpan<byte> scope) => Nullifier(SemaphoreHash.ToBigInt(scope));

    public EdDsaPoseidonSignature Sign(BigInteger message) => EdDsaPoseidon.Sign(_privateKey, message);

    /// <summary>Signs a string message converted as zk-kit's checkMessage does.</summary>
    public EdDsaPoseidonSignature Sign(string message) => Sign(EdDsaPoseidon.MessageFromString(message));

    public static bool VerifySignature(BigInteger message, EdDsaPoseidonSignature signature, BabyJubJubPoint publicKey) =>
        EdDsaPoseidon.Verify(message, signature, publicKey);

    public static bool VerifySignature(string message, EdDsaPoseidonSignature signature, BabyJubJubPoint publicKey) =>
        EdDsaPoseidon.Verify(EdDsaPoseidon.MessageFromString(message), signature, publicKey);
}
