// SPDX-License-Identifier: MIT
// Generated from the HumanRegistry system-contract declarations; tests check it against the dispatcher.
pragma solidity ^0.8.20;

/// @title HumanRegistry (TrustChain system contract at 0x0000000000000000000000000000000000001001)
interface IHumanRegistry {
    /// @notice A human joined the set at leaf `index`.
    event HumanEnrolled(uint256 indexed index, uint256 commitment, address indexed operator);

    /// @notice The human's leaf became 0 and its commitment is tombstoned; its dedup tags are free from tagsFreeBlock on.
    event IdentityDeleted(uint256 indexed index, uint256 commitment, uint256 tagsFreeBlock);

    /// @notice An operator asked to replace the human's commitment; anyone may execute it from executeBlock on unless the old key cancels.
    event RecoveryRequested(uint256 indexed index, uint256 newCommitment, uint256 executeBlock, address indexed operator);

    /// @notice A pending recovery was cancelled (by the old identity key, or by deleting the identity).
    event RecoveryCancelled(uint256 indexed index, uint256 newCommitment);

    /// @notice The human's leaf now holds newCommitment; oldCommitment is tombstoned.
    event RecoveryExecuted(uint256 indexed index, uint256 oldCommitment, uint256 newCommitment);

    /// @notice A proof of unique humanity was accepted and its nullifier recorded for the scope; the fee was split as listed.
    event HumanVerified(uint256 indexed scope, uint256 nullifier, uint256 root, uint256 message, address indexed prover, uint256 fee, uint256 proverShare, uint256 validatorShare, uint256 operatorShare);

    /// @notice Adds a Semaphore v4 identity commitment (non-zero, below r, never enrolled) as a new human. Only an active EnrollmentOperator (Staking role 1).
    /// dedupTags: dedupMatch..maxDedupTags distinct palm LSH tags; reverts naming the existing human when dedupMatch or more of them belong to one human.
    /// The index is assigned at once (size() counts it); the leaf joins the LeanIMT with the block's other enrolments at the end of the block (earlier if a deleteIdentity or executeRecovery in the block changes a leaf), so root() changes once per block to the root after the block.
    /// Gas: 220000 + 8000 per tag + 200 per owner read from the tags' owner lists (at most maxOwnersPerTag each).
    function enroll(uint256 commitment, bytes32[] calldata dedupTags) external returns (uint256 index);

    /// @notice Right to erasure: sets the human's leaf to 0 and tombstones the commitment; the dedup tags are freed after deletionCooloffBlocks.
    /// publicKey is the identity's Baby Jubjub key [Ax, Ay] (Poseidon(Ax, Ay) must be the commitment); signature is its EdDSA-Poseidon signature [R8x, R8y, S] (@semaphore-protocol/identity signMessage), over keccak256(abi.encodePacked(uint256 chainId, "delete", uint256 commitment)) >> 8.
    /// Gas: 300000.
    function deleteIdentity(uint256 commitment, uint256[2] calldata publicKey, uint256[3] calldata signature) external;

    /// @notice After a fresh scan, an active EnrollmentOperator schedules replacing the commitment of the live human matching dedupMatch or more of the tags; executable after recoveryDelayBlocks.
    /// Gas: 120000 + 8000 per tag + 200 per owner read from the tags' owner lists (at most maxOwnersPerTag each).
    function recover(uint256 newCommitment, bytes32[] calldata dedupTags) external returns (uint256 index, uint256 executeBlock);

    /// @notice Cancels the pending recovery of human `index` with the OLD identity key: publicKey is the identity's Baby Jubjub key [Ax, Ay] (Poseidon(Ax, Ay) must be the commitment); signature is its EdDSA-Poseidon signature [R8x, R8y, S] (@semaphore-protocol/identity signMessage), over keccak256(abi.encodePacked(uint256 chainId, "cancelRecovery", uint256 oldCommitment, uint256 newCommitment)) >> 8.
    /// Gas: 150000.
    function cancelRecovery(uint256 index, uint256[2] calldata publicKey, uint256[3] calldata signature) external;

    /// @notice Anyone: once the delay has passed, puts the pending commitment in the human's leaf and tombstones the old one.
    /// Gas: 240000.
    function executeRecovery(uint256 index) external;

    /// @notice Verifies a Semaphore v4 proof (public signals [root, nullifier, keccak256(message)>>8, keccak256(scope)>>8]) against a root current within rootHistoryBlocks, with the official key for `depth` or a TrustChain key, and records (scope, nullifier).
    /// msg.value >= verificationFee is the fee: verificationProverBps to `prover`, verificationValidatorBps to the validators' pool, the rest (incl. rounding) to the enrolment operators' pool. A failed check reverts and takes no fee.
    /// Gas: 500000 + 350000 per TrustChain key registered for the depth.
    function verifyHuman(uint256 depth, uint256 root, uint256 nullifier, uint256 message, uint256 scope, uint256[8] calldata points, address prover) external payable;

    /// @notice The checks of verifyHuman without the fee or recording: false for any bad proof, unknown root or used nullifier.
    /// Gas: 500000 + 350000 per TrustChain key registered for the depth.
    function isValidHumanProof(uint256 depth, uint256 root, uint256 nullifier, uint256 message, uint256 scope, uint256[8] calldata points) external view returns (bool);

    /// @notice Number of leaves, deleted humans included.
    /// Gas: 2500.
    function size() external view returns (uint256);

    /// @notice The LeanIMT root of the set (0 when empty). Inside a block the block's enrolments are not in it yet: they join the tree at the block's end, or just before a deleteIdentity or executeRecovery in the block changes a leaf.
    /// Gas: 2500.
    function root() external view returns (uint256);

    /// @notice ceil(log2(size)): the tree depth.
    /// Gas: 2500.
    function depth() external view returns (uint256);

    /// @notice Human `index`: its current (or, when deleted, last) commitment.
    /// Gas: 2500.
    function getHuman(uint256 index) external view returns (uint256 commitment, uint256 enrolledBlock, bool deleted);

    /// @notice The human that holds or held `commitment`.
    /// Gas: 2500.
    function indexOf(uint256 commitment) external view returns (bool known, uint256 index);

    /// @notice Whether verifyHuman already accepted `nullifier` in `scope` (the raw scope).
    /// Gas: 2500.
    function isNullifierUsed(uint256 scope, uint256 nullifier) external view returns (bool);

    /// @notice Whether a proof may use `root` now.
    /// Gas: 2500.
    function isKnownRoot(uint256 root) external view returns (bool);

    /// @notice Up to `limit` usable roots, the current one first (lastBlocks = this block), then past roots newest first with the last block each was current.
    /// Gas: 2500 + 1600 per root returned.
    function rootHistory(uint256 limit) external view returns (uint256[] memory roots, uint256[] memory lastBlocks);

    /// @notice The human sharing the most of the tags (an enrolment is rejected when matches >= dedupMatch).
    /// Gas: 2500 + 8000 per tag + 200 per owner read from the tags' owner lists (at most maxOwnersPerTag each).
    function findDuplicate(bytes32[] calldata dedupTags) external view returns (bool found, uint256 index, uint256 matches);

    /// @notice The pending recovery of human `index` (newCommitment 0 when none).
    /// Gas: 2500.
    function pendingRecovery(uint256 index) external view returns (uint256 newCommitment, uint256 executeBlock, address operator);

    /// @notice The smallest msg.value verifyHuman accepts (wei).
    /// Gas: 2500.
    function verificationFee() external view returns (uint256);
}
