using TrustChain.Chain.Abi;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>The HumanRegistry's events, shared by the ABI declarations and the ledger that emits them.</summary>
public static class HumanRegistryEvents
{
    public const string HumanEnrolledDeclaration = "event HumanEnrolled(uint256 indexed index, uint256 commitment, address indexed operator)";
    public const string IdentityDeletedDeclaration = "event IdentityDeleted(uint256 indexed index, uint256 commitment, uint256 tagsFreeBlock)";
    public const string RecoveryRequestedDeclaration = "event RecoveryRequested(uint256 indexed index, uint256 newCommitment, uint256 executeBlock, address indexed operator)";
    public const string RecoveryCancelledDeclaration = "event RecoveryCancelled(uint256 indexed index, uint256 newCommitment)";
    public const string RecoveryExecutedDeclaration = "event RecoveryExecuted(uint256 indexed index, uint256 oldCommitment, uint256 newCommitment)";
    public const string HumanVerifiedDeclaration =
        "event HumanVerified(uint256 indexed scope, uint256 nullifier, uint256 root, uint256 message, address indexed prover, uint256 fee, uint256 proverShare, uint256 validatorShare, uint256 operatorShare)";

    public static readonly AbiEvent HumanEnrolled = AbiEvent.Parse(HumanEnrolledDeclaration);
    public static readonly AbiEvent IdentityDeleted = AbiEvent.Parse(IdentityDeletedDeclaration);
    public static readonly AbiEvent RecoveryRequested = AbiEvent.Parse(RecoveryRequestedDeclaration);
    public static readonly AbiEvent RecoveryCancelled = AbiEvent.Parse(RecoveryCancelledDeclaration);
    public static readonly AbiEvent RecoveryExecuted = AbiEvent.Parse(RecoveryExecutedDeclaration);
    public static readonly AbiEvent HumanVerified = AbiEvent.Parse(HumanVerifiedDeclaration);
}
