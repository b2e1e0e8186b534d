using System.Buffers.Binary;
using System.Text;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.SystemContracts.Credentials;

/// <summary>
/// Deterministic identifiers, reproducible off chain with ethers' <c>solidityPackedKeccak256</c>:
/// <list type="bullet">
/// <item>schema uid = keccak256(abi.encodePacked(string schema, address registrant, bool revocable)) — EAS's layout with
/// the registrant in the resolver's place, so two issuers can register the same schema text independently;</item>
/// <item>credential uid = keccak256(abi.encodePacked(address issuer, uint64 nonce, bytes32 schemaUid, address recipient,
/// bytes32 subjectCommitment, uint64 expiration, bytes32 refUid, bytes32 dataHash)), where nonce is the number of
/// credentials the issuer issued before (0, 1, 2, …), so identical requests still get distinct uids.</item>
/// </list>
/// </summary>
public static class CredentialUids
{
    public const int CredentialPreimageLength = 20 + 8 + 32 + 20 + 32 + 8 + 32 + 32;

    public static Hash256 Schema(string schema, Address registrant, bool revocable)
    {
        ArgumentNullException.ThrowIfNull(schema);
        int textLength = Encoding.UTF8.GetByteCount(schema);
        byte[] preimage = new byte[textLength + Address.Length + 1];
        Encoding.UTF8.GetBytes(schema, preimage);
        registrant.CopyTo(preimage.AsSpan(textLength));
        preimage[^1] = revocable ? (byte)1 : (byte)0;
        return Keccak256.Compute(preimage);
    }

    public static Hash256 Credential(Address issuer, ulong nonce, in CredentialRequest request)
    {
        Span<byte> preimage = stackalloc byte[CredentialPreimageLength];
        issuer.CopyTo(preimage);
        BinaryPrimitives.WriteUInt64BigEndian(preimage[20..], nonce);
        request.SchemaUid.CopyTo(preimage[28..]);
        request.Recipient.CopyTo(preimage[60..]);
        request.SubjectCommitment.CopyTo(preimage[80..]);
        BinaryPrimitives.WriteUInt64BigEndian(preimage[112..], request.Expiration);
        request.RefUid.CopyTo(preimage[120..]);
        request.DataHash.CopyTo(preimage[152..]);
        return Keccak256.Compute(preimage);
    }
}
