// SPDX-License-Identifier: MIT
// Generated from the CredentialRegistry system-contract declarations; tests check it against the dispatcher.
pragma solidity ^0.8.20;

/// @title CredentialRegistry (TrustChain system contract at 0x0000000000000000000000000000000000001002)
interface ICredentialRegistry {
    struct Schema {
        bytes32 uid;
        address registrant;
        bool revocable;
        string schema;
        uint64 registeredBlock;
    }

    struct Request {
        bytes32 schemaUid;
        address recipient;
        bytes32 subjectCommitment;
        uint64 expiration;
        bytes32 refUid;
        bytes32 dataHash;
    }

    struct Credential {
        bytes32 uid;
        bytes32 schemaUid;
        address issuer;
        address recipient;
        bytes32 subjectCommitment;
        bytes32 refUid;
        bytes32 dataHash;
        uint64 expiration;
        uint64 issuedAt;
        uint64 issuedBlock;
        uint64 revokedAt;
        uint64 revokedBlock;
    }

    struct Proposal {
        uint256 id;
        address issuer;
        address proposer;
        uint16 bps;
        bytes32 reasonHash;
        uint64 proposedBlock;
        uint64 deadline;
        uint8 status;
        uint256 votedStake;
        uint256 activeStake;
    }

    /// @notice A schema was registered; uid = keccak256(abi.encodePacked(schema, registrant, revocable)).
    event SchemaRegistered(bytes32 indexed uid, address indexed registrant, bool revocable, string schema);

    /// @notice A credential was issued.
    event CredentialIssued(bytes32 indexed uid, address indexed issuer, address indexed recipient, bytes32 schemaUid);

    /// @notice A credential was revoked by its issuer.
    event CredentialRevoked(bytes32 indexed uid, address indexed issuer, address indexed recipient);

    /// @notice A paid verification succeeded; issuers bill from these events. fee is the whole msg.value.
    event CredentialVerified(bytes32 indexed uid, address indexed issuer, address indexed verifier, uint256 fee);

    /// @notice A validator proposed to slash an issuer; votes are accepted before block `deadline`.
    event IssuerSlashProposed(uint256 indexed id, address indexed issuer, address indexed proposer, uint16 bps, bytes32 reasonHash, uint64 deadline);

    /// @notice A validator voted for a slash; the tally is over the active validator set at this block.
    event IssuerSlashVoted(uint256 indexed id, address indexed validator, uint256 votedStake, uint256 activeStake);

    /// @notice Two thirds of the active validator stake voted: Issuer stake slashed (burned) and jailed until `jailedUntil`.
    event IssuerSlashExecuted(uint256 indexed id, address indexed issuer, uint256 slashed, uint64 jailedUntil);

    /// @notice The voting window closed without two thirds of the active validator stake.
    event IssuerSlashExpired(uint256 indexed id, address indexed issuer, uint256 votedStake, uint256 activeStake);

    /// @notice Registers a schema (1..4096 UTF-8 bytes); uid = keccak256(abi.encodePacked(schema, msg.sender, revocable)); a duplicate reverts.
    /// Gas: 40000 + 40 per argument byte.
    function registerSchema(string calldata schema, bool revocable) external returns (bytes32 uid);

    /// @notice The schema; reverts for an unknown uid.
    /// Gas: 2500.
    function getSchema(bytes32 uid) external view returns (Schema memory schema);

    /// @notice Issues a credential; the caller must be an active Issuer (stake at least the minimum, not jailed). expiration is Unix seconds (0 = never)
    /// and must be after the block time; refUid is 0 or an existing credential; recipient may be 0 (then it is not indexed).
    /// uid = keccak256(abi.encodePacked(issuer, uint64 nonce, schemaUid, recipient, subjectCommitment, expiration, refUid, dataHash)), nonce = issuedCount(issuer).
    /// Gas: 30000.
    function issue(bytes32 schemaUid, address recipient, bytes32 subjectCommitment, uint64 expiration, bytes32 refUid, bytes32 dataHash) external returns (bytes32 uid);

    /// @notice Issues 1..500 credentials as issue() does, all or nothing; a failing item reverts with "requests[i]: reason".
    /// Gas: 20000 + 10000 per credential.
    function issueMany(Request[] calldata requests) external returns (bytes32[] memory uids);

    /// @notice Revokes a credential: only its issuer, only for a revocable schema, only once.
    /// Gas: 20000.
    function revoke(bytes32 uid) external;

    /// @notice Revokes 1..1000 credentials as revoke() does, all or nothing; a failing item reverts with "uids[i]: reason".
    /// Gas: 10000 + 12000 per credential.
    function revokeMany(bytes32[] calldata uids) external;

    /// @notice The credential (times in Unix seconds, revokedBlock 0 = not revoked); reverts for an unknown uid.
    /// Gas: 2500.
    function getCredential(bytes32 uid) external view returns (Credential memory credential);

    /// @notice True iff the credential exists, is not revoked, has not expired at block.timestamp, its issuer is an active Issuer
    /// and the issuer was not slashed by a validator vote at or after the credential's block.
    /// Gas: 5000.
    function isValid(bytes32 uid) external view returns (bool);

    /// @notice Why isValid(uid) is false (the revert reason verifyCredential would give); empty when valid.
    /// Gas: 5000.
    function invalidReason(bytes32 uid) external view returns (string memory);

    /// @notice Paid verification: msg.value >= verificationFee() and the credential valid, else revert. The whole msg.value is split:
    /// issuer floor(value*issuerBps/10000) paid directly; validators floor(value*validatorBps/10000) into Staking's Validator pool;
    /// the rest to `prover` directly, or into Staking's Prover pool when prover is 0. Emits CredentialVerified.
    /// Gas: 45000.
    function verifyCredential(bytes32 uid, address prover) external payable;

    /// @notice Smallest msg.value of verifyCredential (wei).
    /// Gas: 2500.
    function verificationFee() external view returns (uint256);

    /// @notice Credentials ever issued to `recipient` (revoked ones included).
    /// Gas: 2500.
    function credentialCountOf(address recipient) external view returns (uint256);

    /// @notice Up to `limit` uids issued to `recipient`, oldest first, from index `offset`.
    /// Gas: 2500 + 800 per uid returned.
    function credentialsOf(address recipient, uint256 offset, uint256 limit) external view returns (bytes32[] memory);

    /// @notice Credentials ever issued by `issuer`; also the nonce of its next uid.
    /// Gas: 2500.
    function issuedCount(address issuer) external view returns (uint256);

    /// @notice Up to `limit` uids issued by `issuer`, oldest first, from index `offset`.
    /// Gas: 2500 + 800 per uid returned.
    function credentialsIssuedBy(address issuer, uint256 offset, uint256 limit) external view returns (bytes32[] memory);

    /// @notice By an active validator: proposes to slash `bps` (1..10000) of the issuer's Issuer stake; the proposer's vote counts at once.
    /// At two thirds of the active validator stake the slash executes: stake burned, issuer jailed for issuerJailBlocks, and its
    /// credentials issued up to that block stop being valid.
    /// Gas: 80000 + 2000 per Validator-role member.
    function proposeIssuerSlash(address issuer, uint16 bps, bytes32 reasonHash) external returns (uint256 id);

    /// @notice By an active validator, once, before the proposal's deadline; executes the slash when the votes reach two thirds.
    /// Gas: 70000 + 2000 per Validator-role member.
    function voteIssuerSlash(uint256 id) external;

    /// @notice By anyone, after the deadline of a proposal that did not pass: records the outcome and emits IssuerSlashExpired.
    /// Gas: 25000 + 2000 per Validator-role member.
    function closeIssuerSlash(uint256 id) external;

    /// @notice The proposal with its tally over the current active set; status 1 Open, 2 Executed, 3 Expired. Reverts for an unknown id.
    /// Gas: 2500 + 2000 per Validator-role member.
    function getIssuerSlash(uint256 id) external view returns (Proposal memory proposal);

    /// @notice Number of slash proposals so far (ids run 1..count).
    /// Gas: 2500.
    function issuerSlashCount() external view returns (uint256);

    /// @notice Whether `validator` voted for proposal `id`.
    /// Gas: 2500.
    function hasVotedIssuerSlash(uint256 id, address validator) external view returns (bool);

    /// @notice Block of the issuer's latest executed slash (0 = never).
    /// Gas: 2500.
    function issuerSlashedAt(address issuer) external view returns (uint64);
}
