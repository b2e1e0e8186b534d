// SPDX-License-Identifier: MIT
// Generated from the ExampleRegistry system-contract declarations; tests check it against the dispatcher.
pragma solidity ^0.8.20;

/// @title ExampleRegistry (TrustChain system contract at 0x000000000000000000000000000000000000FFf2)
interface IExampleRegistry {
    struct Entry {
        address owner;
        string name;
        uint256 paid;
    }

    struct Move {
        uint256 id;
        address to;
    }

    /// @notice An entry was created.
    event Registered(uint256 indexed id, address indexed owner, string name, uint256 paid);

    /// @notice An entry changed owner.
    event Moved(uint256 indexed id, address indexed from, address indexed to);

    /// @notice An entry got a label; the label is in the topic as its hash.
    event Labelled(uint256 indexed id, string indexed label);

    error NotOwner(uint256 id, address caller);

    /// @notice Creates an entry owned by the caller. Costs the registration fee.
    function register(string calldata name, bytes32[] calldata tags) external payable returns (uint256 id);

    /// @notice Reads an entry; reverts when it does not exist.
    function get(uint256 id) external view returns (Entry memory entry, bytes32[] memory tags);

    function count() external view returns (uint256);

    /// @notice Moves entries the caller owns to new owners.
    function move(Move[] calldata moves) external returns (uint256 moved);

    function label(uint256 id, string calldata label) external;

    /// @notice Charges per-round gas; used to exercise out-of-gas.
    function burn(uint256 rounds) external returns (uint256);

    function withdraw(uint256 amount) external;

    function brokenView() external view;
}
