using System.Numerics;
using System.Text;
using TrustChain.Core.Crypto;

namespace TrustChain.Biometrics.Oprf;

/// <summary>
/// Chaum–Pedersen proof that log_G(Y) = log_B(Z), made non-interactive with Fiat–Shamir:
/// c = Keccak("TrustChain/palm/oprf/dleq/v1" ‖ G ‖ Y ‖ B ‖ Z ‖ ρG ‖ ρB) mod n, s = ρ − c·k mod n.
/// The verifier recomputes A1 = s·G + c·Y and A2 = s·B + c·Z and checks the challenge. 64 bytes: c ‖ s.
/// </summary>
public sealed class DleqProof
{
    public const int EncodedLength = 64;
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("TrustChain/palm/oprf/dleq/v1");

    private DleqProof(BigInteger challenge, BigInteger response)
    {
        Challenge = challenge;
        Response = response;
    }

    public BigInteger Challenge { get; }

    public BigInteger Response { get; }

    /// <summary>Proves that Z = k·B for the k with Y = k·G.</summary>
    public static DleqProof Create(BigInteger key, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> b, ReadOnlySpan<byte> z)
    {
        BigInteger nonce = Secp256k1Scalar.Random();
        byte[] a1 = CurvePoint.MultiplyGenerator(nonce);
        byte[] a2 = CurvePoint.Multiply(b, nonce);
        BigInteger c = ChallengeOf(publicKey, b, z, a1, a2);
        BigInteger s = Secp256k1Scalar.Subtract(nonce, Secp256k1Scalar.Multiply(c, key));
        return new DleqProof(c, s);
    }

    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> b, ReadOnlySpan<byte> z)
    {
        if (!CurvePoint.IsValid(publicKey) || !CurvePoint.IsValid(b) || !CurvePoint.IsValid(z))
        {
            return false;
        }

        byte[]? a1 = CurvePoint.LinearCombination(Response, CurvePoint.Generator, Challenge, publicKey);
        byte[]? a2 = CurvePoint.LinearCombination(Response, b, Challenge, z);
        if (a1 is null || a2 is null)
        {
            return false;
        }

        return ChallengeOf(publicKey, b, z, a1, a2) == Challenge;
    }

    public byte[] ToBytes()
    {
        byte[] result = new byte[EncodedLength];
        Secp256k1Scalar.WriteBytes(Challenge, result);
        Secp256k1Scalar.WriteBytes(Response, result.AsSpan(32));
        return result;
    }

    public static DleqProof FromBytes(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != EncodedLength)
        {
            throw new FormatException($"A DLEQ proof is {EncodedLength} bytes, got {encoded.Length}.");
        }

        BigInteger c = Secp256k1Scalar.FromBytes(encoded[..32]);
        BigInteger s = Secp256k1Scalar.FromBytes(encoded[32..]);
        if (c >= Secp256k1Scalar.Order || s >= Secp256k1Scalar.Order)
        {
            throw new FormatException("DLEQ proof scalars must be below the group order.");
        }

        return new DleqProof(c, s);
    }

    private static BigInteger ChallengeOf(ReadOnlySpan<byte> y, ReadOnlySpan<byte> b, ReadOnlySpan<byte> z, ReadOnlySpan<byte> a1, ReadOnlySpan<byte> a2)
    {
        var hasher = new KeccakHasher();
        hasher.Update(Domain);
        hasher.Update(CurvePoint.Generator);
        hasher.Update(y);
        hasher.Update(b);
        hasher.Update(z);
        hasher.Update(a1);
        hasher.Update(a2);
        Span<byte> digest = stackalloc byte[32];
        hasher.Finish(digest);
        return Secp256k1Scalar.FromHash(digest);
    }
}
