// SPDX-License-Identifier: MIT
// Generated from the Staking system-contract declarations; tests check it against the dispatcher.
pragma solidity ^0.8.20;

/// @title Staking (TrustChain system contract at 0x0000000000000000000000000000000000001000)
interface IStaking {
    /// @notice Stake bonded; newStake is the account's bonded stake in the role afterwards.
    event Staked(address indexed account, uint8 indexed role, uint256 amount, uint256 newStake);

    /// @notice A validator's consensus key was recorded.
    event ValidatorKeySet(address indexed account, bytes consensusPublicKey);

    /// @notice Stake left the bonded set; withdrawable from releaseBlock on.
    event UnstakeRequested(address indexed account, uint8 indexed role, uint256 amount, uint256 releaseBlock);

    /// @notice Matured unbonding entries were paid out.
    event Withdrawn(address indexed account, uint256 amount);

    /// @notice Stake was slashed: burned when recipient is the zero address, else paid to recipient.
    event Slashed(address indexed account, uint8 indexed role, uint256 amount, address recipient, string reason);

    /// @notice The account is inactive in the role until untilBlock (exclusive; 2^64-1 = forever).
    event Jailed(address indexed account, uint8 indexed role, uint256 untilBlock);

    /// @notice Fees were added to the role's reward pool for the current epoch.
    event FeesAccrued(uint8 indexed role, address indexed payer, uint256 amount);

    /// @notice At an epoch boundary the role's pool went pro rata to its active members; remainder stays pooled.
    event RewardsDistributed(uint8 indexed role, uint256 amount, uint256 remainder);

    /// @notice Claimable rewards were paid out.
    event RewardsClaimed(address indexed account, uint256 amount);

    /// @notice A validator jailed for downtime returned to the candidates for the next epoch's validator set.
    event Unjailed(address indexed validator);

    /// @notice Adds msg.value to the caller's bonded stake in `role`; a new member needs the role's minimum. Validators use stakeValidator first.
    /// Roles: 0 Validator, 1 EnrollmentOperator, 2 Issuer, 3 Prover, 4 ModelHost.
    /// Gas: 60000.
    function stake(uint8 role) external payable;

    /// @notice Adds msg.value to the caller's Validator stake and records its consensus key: a 33-byte compressed secp256k1 key that must be the caller's own (its address derives from it).
    /// Gas: 90000.
    function stakeValidator(bytes calldata consensusPublicKey) external payable;

    /// @notice Moves `amount` of bonded stake into an unbonding entry released at block.number + unbondingBlocks. The remainder must be 0 or at least the minimum.
    /// Gas: 60000.
    function unstake(uint8 role, uint256 amount) external;

    /// @notice Pays out every matured unbonding entry of the caller.
    /// Gas: 25000 + 12000 per pending entry.
    function withdraw() external returns (uint256 amount);

    /// @notice Pays out the caller's distributed fee-share rewards.
    /// Gas: 30000.
    function claimRewards() external returns (uint256 amount);

    /// @notice Ends the caller's Validator jail after downtime once block.number has reached jailedUntil; the bonded stake must be at least the minimum. A validator tombstoned for double-signing can never unjail.
    /// Gas: 30000.
    function unjail() external;

    /// @notice Bonded stake of `account` in `role` (wei).
    /// Gas: 2500.
    function stakeOf(address account, uint8 role) external view returns (uint256);

    /// @notice Sum of all bonded stake in `role`, active or not.
    /// Gas: 2500.
    function totalStake(uint8 role) external view returns (uint256);

    /// @notice True iff the bonded stake is at least the role's minimum and the account is not jailed in the role.
    /// Gas: 2500.
    function isActive(address account, uint8 role) external view returns (bool);

    /// @notice True while block.number is below the account's jail end in `role`.
    /// Gas: 2500.
    function isJailed(address account, uint8 role) external view returns (bool);

    /// @notice First block at which the account is free again in `role` (0 if never jailed).
    /// Gas: 2500.
    function jailedUntil(address account, uint8 role) external view returns (uint256);

    /// @notice Number of accounts with bonded stake in `role`.
    /// Gas: 2500.
    function memberCount(uint8 role) external view returns (uint256);

    /// @notice Up to `limit` members of `role` from index `offset` (order changes as members leave).
    /// Gas: 2500 + 1600 per address returned.
    function members(uint8 role, uint256 offset, uint256 limit) external view returns (address[] memory);

    /// @notice Pending unbonding entries of `account` (at most 32).
    /// Gas: 2500 + 1600 per entry.
    function unbonding(address account) external view returns (uint256[] memory amounts, uint256[] memory releaseBlocks);

    /// @notice The validator's 33-byte consensus key (empty if none).
    /// Gas: 2500.
    function validatorKey(address account) external view returns (bytes memory);

    /// @notice True iff the validator was slashed for double-signing: jailed forever.
    /// Gas: 2500.
    function isTombstoned(address validator) external view returns (bool);

    /// @notice The validator's downtime window: commits counted since tracking (re)started and how many of the last downtimeWindow it missed.
    /// Gas: 2500.
    function signingInfo(address validator) external view returns (uint256 observed, uint256 missed);

    /// @notice The block that included the double-sign evidence with this keccak256 hash (0 if none).
    /// Gas: 2500.
    function evidenceBlock(bytes32 evidenceHash) external view returns (uint256);

    /// @notice Minimum bonded stake of an active member of `role` (wei).
    /// Gas: 2500.
    function minimumStake(uint8 role) external view returns (uint256);

    /// @notice Blocks between unstake and withdrawal.
    /// Gas: 2500.
    function unbondingBlocks() external view returns (uint256);

    /// @notice Rewards distributed to `account` and not yet claimed.
    /// Gas: 2500.
    function pendingRewards(address account) external view returns (uint256);

    /// @notice Fees accrued for `role` and not yet distributed.
    /// Gas: 2500.
    function rewardPool(uint8 role) external view returns (uint256);
}
