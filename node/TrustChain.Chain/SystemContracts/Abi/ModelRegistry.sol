// SPDX-License-Identifier: MIT
// Generated from the ModelRegistry system-contract declarations; tests check it against the dispatcher.
pragma solidity ^0.8.20;

/// @title ModelRegistry (TrustChain system contract at 0x0000000000000000000000000000000000001003)
interface IModelRegistry {
    struct Model {
        uint256 id;
        address registrant;
        bytes32 weightsHash;
        bytes32 fingerprintRoot;
        uint32 fingerprintCount;
        string uri;
        uint256 pricePerCall;
        address[] owners;
        uint16[] ownerBps;
        uint16 hostBps;
        uint16 validatorBps;
        bool requireHuman;
        uint64 registeredAt;
        uint8 status;
    }

    /// @notice A model was registered; its id is the registration order (from 1).
    event ModelRegistered(uint256 indexed modelId, address indexed registrant, bytes32 weightsHash, bytes32 fingerprintRoot, uint32 fingerprintCount, uint256 pricePerCall, bool requireHuman);

    /// @notice An owner approved authorising (authorize = true) or revoking a host; approvedBps is the ownership approving so far.
    event HostApproval(uint256 indexed modelId, address indexed host, address indexed owner, bool authorize, uint256 approvedBps);

    /// @notice Owners holding at least half of the ownership bps authorised the host.
    event HostAuthorized(uint256 indexed modelId, address indexed host);

    /// @notice Owners holding at least half of the ownership bps revoked the host.
    event HostRevoked(uint256 indexed modelId, address indexed host);

    /// @notice Calls were bought into escrow; the escrow is refundable from expiryBlock on.
    event AccessBought(uint256 indexed modelId, address indexed user, uint256 calls, uint256 paid, uint256 expiryBlock);

    /// @notice A host settled the user's signed cumulative usage; amount left escrow for owners, host and validators.
    event UsageSettled(uint256 indexed modelId, address indexed user, address indexed host, uint256 cumulativeCalls, uint256 amount);

    /// @notice Unused escrow went back to the user (after expiry or once the model was struck).
    event EscrowRefunded(uint256 indexed modelId, address indexed user, uint256 amount);

    /// @notice A host not authorised for the model signed one of its fingerprints: slashed, reporter rewarded.
    event UnauthorizedHostReported(uint256 indexed modelId, address indexed host, address indexed reporter, bytes32 key, uint256 slashed, uint256 reward);

    /// @notice The model was struck as a copy of an earlier one: matched of revealed fingerprints were answered by its hosts.
    event ModelStruck(uint256 indexed modelId, uint256 indexed earlierModelId, address indexed challenger, uint256 matched, uint256 revealed);

    /// @notice Registers a model. fingerprintRoot is the KeccakMerkleTree root over keccak256(key, response) of fingerprintCount secret pairs. Owners: 1..16 distinct non-zero addresses, each with a non-zero share; sum(ownerBps) + hostBps + validatorBps must be 10000 (shares of every settled payment; rounding dust goes to the first owner). pricePerCall > 0; uri at most 1024 bytes; weightsHash not registered by a live model.
    /// Gas: 90000 + 12000 per owner + 16 per calldata byte.
    function registerModel(bytes32 weightsHash, bytes32 fingerprintRoot, uint32 fingerprintCount, string calldata uri, uint256 pricePerCall, address[] calldata owners, uint16[] calldata ownerBps, uint16 hostBps, uint16 validatorBps, bool requireHuman) external returns (uint256 modelId);

    /// @notice An owner's approval to authorise `host` (which must hold active ModelHost stake); takes effect once owners holding at least half of the ownership bps approved. Returns whether the host is now authorised.
    /// Gas: 40000.
    function authorizeHost(uint256 modelId, address host) external returns (bool authorized);

    /// @notice An owner's approval to revoke `host`; takes effect once owners holding at least half of the ownership bps approved. Returns whether the host is now revoked.
    /// Gas: 40000.
    function revokeHost(uint256 modelId, address host) external returns (bool revoked);

    /// @notice Buys `calls` calls: msg.value must be exactly calls * pricePerCall (no change is given). Moves the access expiry to block.number + accessExpiryBlocks. requireHuman models need the buyer's human proof for scope keccak256(abi.encodePacked("model", modelId)).
    /// Gas: 45000.
    function buyAccess(uint256 modelId, uint64 calls) external payable returns (uint256 expiryBlock);

    /// @notice Returns the caller's unused escrow once its access expired, or at once if the model was struck.
    /// Gas: 30000.
    function refundExpired(uint256 modelId) external returns (uint256 amount);

    /// @notice By an authorised, actively staked host: pays (cumulativeCalls - settled) * pricePerCall out of the user's escrow to owners / host / validators; receipts stay settleable after expiry until the user takes the escrow back with refundExpired. userSignature is the user's EIP-712 signature of Usage(uint256 modelId,address host,uint256 cumulativeCalls) in domain ("TrustChain ModelRegistry", "1", chainId, this contract); 65 bytes, low s.
    /// Gas: 45000 + 9000 per owner.
    function settle(uint256 modelId, address user, uint64 cumulativeCalls, bytes calldata userSignature) external returns (uint256 amount);

    /// @notice Evidence that `host`, not authorised for the model, served one of its fingerprints: the proof puts (key, response) under the model's root and hostSignature is the host's EIP-712 signature of Response(uint256 modelId,bytes32 key,bytes32 response). Slashes infringementSlashBps of the host's ModelHost stake; infringementReporterBps of it goes to the caller, the rest is burned. Each (model, host, key) can be reported once.
    /// Gas: 90000 + 200 per proof element.
    function reportUnauthorizedHost(uint256 modelId, address host, bytes32 key, bytes32 response, bytes32[] calldata merkleProof, bytes calldata hostSignature) external returns (uint256 slashed);

    /// @notice True iff (key, response) is a fingerprint under the model's root (the proof must have exactly ceil(log2(fingerprintCount)) elements).
    /// Gas: 4000 + 200 per proof element.
    function proveOwnership(uint256 modelId, bytes32 key, bytes32 response, bytes32[] calldata merkleProof) external view returns (bool);

    /// @notice By an owner of the earlier model, within modelChallengeWindowBlocks of the new model's registration: reveals 1..256 distinct fingerprints of the earlier model (each proved against its root) with, for each, the Response signature of an authorised host of the NEW model (or empty bytes when not answered). If matched * 10000 >= challengeThresholdBps * revealed (and matched > 0) the new model is struck: no more access or settlement, escrows refundable at once.
    /// Gas: 40000 + 6000 per fingerprint.
    function challengeModel(uint256 newModelId, uint256 earlierModelId, bytes32[] calldata keys, bytes32[] calldata responses, bytes32[][] calldata proofs, bytes[] calldata hostSignatures) external returns (uint256 matched);

    /// @notice Number of registered models (ids 1..modelCount).
    /// Gas: 2500.
    function modelCount() external view returns (uint256);

    /// @notice The model's registration; status 1 active, 2 struck.
    /// Gas: 6000 + 1600 per owner.
    function getModel(uint256 modelId) external view returns (Model memory model);

    /// @notice The user's access to the model (zeros if none).
    /// Gas: 2500.
    function getAccess(uint256 modelId, address user) external view returns (uint256 callsBought, uint256 callsSettled, uint256 escrow, uint256 expiryBlock);

    /// @notice Whether the host is authorised for the model.
    /// Gas: 2500.
    function isHostAuthorized(uint256 modelId, address host) external view returns (bool);

    /// @notice Ownership bps that approved the pending authorise/revoke of the host so far.
    /// Gas: 2500.
    function hostApprovalBps(uint256 modelId, address host) external view returns (uint256);

    /// @notice keccak256(abi.encodePacked("model", modelId)): the human-proof scope of requireHuman models.
    /// Gas: 1000.
    function humanScope(uint256 modelId) external view returns (uint256);

    /// @notice The EIP-712 digest a user signs for settle.
    /// Gas: 1000.
    function usageDigest(uint256 modelId, address host, uint256 cumulativeCalls) external view returns (bytes32);

    /// @notice The EIP-712 digest a host signs for every response it serves.
    /// Gas: 1000.
    function responseDigest(uint256 modelId, bytes32 key, bytes32 response) external view returns (bytes32);
}
