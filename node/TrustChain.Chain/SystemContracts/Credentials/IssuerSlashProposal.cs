using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Credentials;

/// <summary>
/// A validator proposal to slash an issuer. <see cref="Deadline"/> is the first block at which votes are no longer
/// accepted. <see cref="VotedStake"/> and <see cref="ActiveStake"/> are tallied over the active validator set at the
/// block the proposal is read at (for an executed proposal: at its execution).
/// </summary>
public sealed record IssuerSlashProposal(
    ulong Id,
    Address Issuer,
    Address Proposer,
    uint BasisPoints,
    Hash256 ReasonHash,
    ulong ProposedBlock,
    ulong Deadline,
    IssuerSlashStatus Status,
    UInt256 VotedStake,
    UInt256 ActiveStake);
