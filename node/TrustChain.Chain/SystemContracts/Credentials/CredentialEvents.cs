using TrustChain.Chain.Abi;

namespace TrustChain.Chain.SystemContracts.Credentials;

/// <summary>The CredentialRegistry's events, shared by the ABI declarations and the code that emits them.</summary>
public static class CredentialEvents
{
    public const string SchemaRegisteredDeclaration = "event SchemaRegistered(bytes32 indexed uid, address indexed registrant, bool revocable, string schema)";
    public const string CredentialIssuedDeclaration = "event CredentialIssued(bytes32 indexed uid, address indexed issuer, address indexed recipient, bytes32 schemaUid)";
    public const string CredentialRevokedDeclaration = "event CredentialRevoked(bytes32 indexed uid, address indexed issuer, address indexed recipient)";
    public const string CredentialVerifiedDeclaration = "event CredentialVerified(bytes32 indexed uid, address indexed issuer, address indexed verifier, uint256 fee)";
    public const string IssuerSlashProposedDeclaration =
        "event IssuerSlashProposed(uint256 indexed id, address indexed issuer, address indexed proposer, uint16 bps, bytes32 reasonHash, uint64 deadline)";
    public const string IssuerSlashVotedDeclaration = "event IssuerSlashVoted(uint256 indexed id, address indexed validator, uint256 votedStake, uint256 activeStake)";
    public const string IssuerSlashExecutedDeclaration = "event IssuerSlashExecuted(uint256 indexed id, address indexed issuer, uint256 slashed, uint64 jailedUntil)";
    public const string IssuerSlashExpiredDeclaration = "event IssuerSlashExpired(uint256 indexed id, address indexed issuer, uint256 votedStake, uint256 activeStake)";

    public static readonly AbiEvent SchemaRegistered = AbiEvent.Parse(SchemaRegisteredDeclaration);
    public static readonly AbiEvent CredentialIssued = AbiEvent.Parse(CredentialIssuedDeclaration);
    public static readonly AbiEvent CredentialRevoked = AbiEvent.Parse(CredentialRevokedDeclaration);
    public static readonly AbiEvent CredentialVerified = AbiEvent.Parse(CredentialVerifiedDeclaration);
    public static readonly AbiEvent IssuerSlashProposed = AbiEvent.Parse(IssuerSlashProposedDeclaration);
    public static readonly AbiEvent IssuerSlashVoted = AbiEvent.Parse(IssuerSlashVotedDeclaration);
    public static readonly AbiEvent IssuerSlashExecuted = AbiEvent.Parse(IssuerSlashExecutedDeclaration);
    public static readonly AbiEvent IssuerSlashExpired = AbiEvent.Parse(IssuerSlashExpiredDeclaration);
}
