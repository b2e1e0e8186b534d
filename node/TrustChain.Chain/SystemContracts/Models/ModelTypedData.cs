using System.Text;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.SystemContracts.Models;

/// <summary>
/// The EIP-712 messages of the ModelRegistry. Domain: name "TrustChain ModelRegistry", version "1", the chain id and
/// the registry's address, so a signature is bound to one chain and one contract. Types:
/// <list type="bullet">
/// <item><c>Usage(uint256 modelId,address host,uint256 cumulativeCalls)</c>: the user's receipt a host settles with;
/// binding the model and the host makes it useless for any other model or host.</item>
/// <item><c>Response(uint256 modelId,bytes32 key,bytes32 response)</c>: what a host signs for every response it
/// serves; evidence in reportUnauthorizedHost and challengeModel.</item>
/// </list>
/// ethers: <c>TypedDataEncoder.hash(domain, types, value)</c> / <c>wallet.signTypedData(...)</c> give the same digests.
/// </summary>
public static class ModelTypedData
{
    public const string DomainName = "TrustChain ModelRegistry";
    public const string DomainVersion = "1";
    public const string DomainType = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";
    public const string UsageType = "Usage(uint256 modelId,address host,uint256 cumulativeCalls)";
    public const string ResponseType = "Response(uint256 modelId,bytes32 key,bytes32 response)";
    public const int SignatureLength = 65;

    private static readonly Hash256 DomainTypeHash = Keccak256.Compute(Encoding.ASCII.GetBytes(DomainType));
    private static readonly Hash256 NameHash = Keccak256.Compute(Encoding.UTF8.GetBytes(DomainName));
    private static readonly Hash256 VersionHash = Keccak256.Compute(Encoding.ASCII.GetBytes(DomainVersion));
    private static readonly Hash256 UsageTypeHash = Keccak256.Compute(Encoding.ASCII.GetBytes(UsageType));
    private static readonly Hash256 ResponseTypeHash = Keccak256.Compute(Encoding.ASCII.GetBytes(ResponseType));

    // A node serves one chain and one registry address: remembering the last separator saves a 160-byte Keccak per call.
    private static DomainCache? _lastDomain;

    public static Hash256 DomainSeparator(ulong chainId, Address verifyingContract)
    {
        DomainCache? cached = _lastDomain;
        if (cached is not null && cached.ChainId == chainId && cached.Contract == verifyingContract)
        {
            return cached.Separator;
        }

        Hash256 separator = ComputeDomainSeparator(chainId, verifyingContract);
        _lastDomain = new DomainCache(chainId, verifyingContract, separator);
        return separator;
    }

    private static Hash256 ComputeDomainSeparator(ulong chainId, Address verifyingContract)
    {
        Span<byte> encoded = stackalloc byte[5 * 32];
        DomainTypeHash.CopyTo(encoded);
        NameHash.CopyTo(encoded[32..]);
        VersionHash.CopyTo(encoded[64..]);
        ((UInt256)chainId).ToBigEndian(encoded[96..128]);
        WriteAddress(verifyingContract, encoded[128..]);
        return Keccak256.Compute(encoded);
    }

    public static Hash256 UsageDigest(ulong chainId, Address verifyingContract, in UInt256 modelId, Address host, in UInt256 cumulativeCalls)
    {
        Span<byte> encoded = stackalloc byte[4 * 32];
        UsageTypeHash.CopyTo(encoded);
        modelId.ToBigEndian(encoded[32..64]);
        WriteAddress(host, encoded[64..96]);
        cumulativeCalls.ToBigEndian(encoded[96..]);
        return Digest(DomainSeparator(chainId, verifyingContract), Keccak256.Compute(encoded));
    }

    public static Hash256 ResponseDigest(ulong chainId, Address verifyingContract, in UInt256 modelId, in Hash256 key, in Hash256 response)
    {
        Span<byte> encoded = stackalloc byte[4 * 32];
        ResponseTypeHash.CopyTo(encoded);
        modelId.ToBigEndian(encoded[32..64]);
        key.CopyTo(encoded[64..96]);
        response.CopyTo(encoded[96..]);
        return Digest(DomainSeparator(chainId, verifyingContract), Keccak256.Compute(encoded));
    }

    /// <summary>r ‖ s ‖ v with v = 27/28, as ethers' signTypedData returns it.</summary>
    public static byte[] Sign(PrivateKey key, in Hash256 digest)
    {
        ArgumentNullException.ThrowIfNull(key);
        byte[] signature = key.Sign(digest).ToBytes65();
        signature[64] += 27;
        return signature;
    }

    /// <summary>
    /// The signer of <paramref name="digest"/>, or an error: the signature must be 65 bytes r ‖ s ‖ v (v 27/28 or 0/1)
    /// with low s (EIP-2), so each message has exactly one valid signature per key.
    /// </summary>
    public static bool TryRecover(in Hash256 digest, ReadOnlySpan<byte> signature, out Address signer, out string? error) =>
        TryRecover(digest, signature, cache: null, out signer, out error);

    /// <summary>As above, answering the recovery from <paramref name="cache"/> when the pre-pass already made it.</summary>
    public static bool TryRecover(in Hash256 digest, ReadOnlySpan<byte> signature, RecoveredSignerCache? cache, out Address signer, out string? error)
    {
        signer = Address.Zero;
        if (!TryParse(signature, out EcdsaSignature parsed, out error))
        {
            return false;
        }

        Address? recovered;
        if (cache is null || !cache.TryGet(RecoveredSignerCache.Key(digest, signature), out recovered))
        {
            recovered = parsed.RecoverAddress(digest);
        }

        if (recovered is not { } address)
        {
            error = "signature does not recover to a public key";
            return false;
        }

        signer = address;
        return true;
    }

    /// <summary>Recovers a well-formed signature into <paramref name="cache"/>; malformed ones are left to the call to reject.</summary>
    public static void RecoverInto(RecoveredSignerCache cache, in Hash256 digest, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (TryParse(signature, out EcdsaSignature parsed, out _))
        {
            cache.Set(RecoveredSignerCache.Key(digest, signature), parsed.RecoverAddress(digest));
        }
    }

    private static bool TryParse(ReadOnlySpan<byte> signature, out EcdsaSignature parsed, out string? error)
    {
        parsed = default;
        if (signature.Length != SignatureLength)
        {
            error = $"signature must be {SignatureLength} bytes (r ‖ s ‖ v), got {signature.Length}";
            return false;
        }

        byte v = signature[64];
        if (v is not (0 or 1 or 27 or 28))
        {
            error = $"signature v must be 27 or 28 (or 0/1), got {v}";
            return false;
        }

        parsed = EcdsaSignature.FromBytes65(signature);
        if (!parsed.IsLowS)
        {
            error = "signature s is in the upper half of the curve order (EIP-2 requires low s)";
            return false;
        }

        error = null;
        return true;
    }

    private static Hash256 Digest(in Hash256 domainSeparator, in Hash256 structHash)
    {
        Span<byte> preimage = stackalloc byte[2 + 64];
        preimage[0] = 0x19;
        preimage[1] = 0x01;
        domainSeparator.CopyTo(preimage[2..]);
        structHash.CopyTo(preimage[34..]);
        return Keccak256.Compute(preimage);
    }

    private static void WriteAddress(Address address, Span<byte> word)
    {
        word[..12].Clear();
        address.CopyTo(word[12..32]);
    }

    private sealed record DomainCache(ulong ChainId, Address Contract, Hash256 Separator);
}
