using System.Buffers.Binary;
using System.Text;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Rpc.Modules.Prover;

/// <summary>
/// A signed prover_evaluateOprf request: blinded points B (64 bytes X‖Y each), an expiry (unix seconds) and the
/// enrolment operator's 65-byte secp256k1 signature r‖s‖v over <see cref="SigningHash"/>:
/// keccak256("TrustChain/prover/oprf/v1" ‖ chainId u64 BE ‖ expiry u64 BE ‖ count u32 BE ‖ B_1 ‖ … ‖ B_n).
/// The chain id binds it to one network, the expiry bounds how long a captured request can be replayed (provers
/// also refuse a signing hash they have already served until it expires).
/// </summary>
public sealed record ProverOprfRequest(ulong Expiry, IReadOnlyList<byte[]> Elements, byte[] Signature)
{
    public const int ElementLength = 64;
    public const int SignatureLength = 65;
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("TrustChain/prover/oprf/v1");

    public static Hash256 SigningHash(ulong chainId, ulong expiry, IReadOnlyList<byte[]> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        var hasher = new KeccakHasher();
        Span<byte> header = stackalloc byte[20];
        BinaryPrimitives.WriteUInt64BigEndian(header, chainId);
        BinaryPrimitives.WriteUInt64BigEndian(header[8..], expiry);
        BinaryPrimitives.WriteUInt32BigEndian(header[16..], (uint)elements.Count);
        hasher.Update(Domain);
        hasher.Update(header);
        foreach (byte[] element in elements)
        {
            if (element.Length != ElementLength)
            {
                throw new ArgumentException($"A blinded element is {ElementLength} bytes, got {element.Length}.", nameof(elements));
            }

            hasher.Update(element);
        }

        return hasher.Finish();
    }

    /// <summary>Signs the request as the operator (the scanner side).</summary>
    public static ProverOprfRequest Create(PrivateKey operatorKey, ulong chainId, ulong expiry, IReadOnlyList<byte[]> elements)
    {
        ArgumentNullException.ThrowIfNull(operatorKey);
        EcdsaSignature signature = operatorKey.Sign(SigningHash(chainId, expiry, elements));
        return new ProverOprfRequest(expiry, elements, ProverSignatures.ToBytes(signature));
    }

    /// <summary>The signer's address, or null when the signature does not recover.</summary>
    public Address? RecoverOperator(ulong chainId) => ProverSignatures.Recover(SigningHash(chainId, Expiry, Elements), Signature);
}
