using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Credentials;

/// <summary>The fields an issuer supplies for one credential (one element of issueMany's array).</summary>
public readonly record struct CredentialRequest(
    Hash256 SchemaUid,
    Address Recipient,
    Hash256 SubjectCommitment,
    ulong Expiration,
    Hash256 RefUid,
    Hash256 DataHash);
