using TrustChain.Chain.Abi;

namespace TrustChain.Chain.SystemContracts.Models;

/// <summary>The ModelRegistry's events, shared by the ABI declarations and the methods that emit them.</summary>
public static class ModelEvents
{
    public const string ModelRegisteredDeclaration = "event ModelRegistered(uint256 indexed modelId, address indexed registrant, bytes32 weightsHash, bytes32 fingerprintRoot, uint32 fingerprintCount, uint256 pricePerCall, bool requireHuman)";
    public const string HostApprovalDeclaration = "event HostApproval(uint256 indexed modelId, address indexed host, address indexed owner, bool authorize, uint256 approvedBps)";
    public const string HostAuthorizedDeclaration = "event HostAuthorized(uint256 indexed modelId, address indexed host)";
    public const string HostRevokedDeclaration = "event HostRevoked(uint256 indexed modelId, address indexed host)";
    public const string AccessBoughtDeclaration = "event AccessBought(uint256 indexed modelId, address indexed user, uint256 calls, uint256 paid, uint256 expiryBlock)";
    public const string UsageSettledDeclaration = "event UsageSettled(uint256 indexed modelId, address indexed user, address indexed host, uint256 cumulativeCalls, uint256 amount)";
    public const string EscrowRefundedDeclaration = "event EscrowRefunded(uint256 indexed modelId, address indexed user, uint256 amount)";
    public const string UnauthorizedHostReportedDeclaration = "event UnauthorizedHostReported(uint256 indexed modelId, address indexed host, address indexed reporter, bytes32 key, uint256 slashed, uint256 reward)";
    public const string ModelStruckDeclaration = "event ModelStruck(uint256 indexed modelId, uint256 indexed earlierModelId, address indexed challenger, uint256 matched, uint256 revealed)";

    public static readonly AbiEvent ModelRegistered = AbiEvent.Parse(ModelRegisteredDeclaration);
    public static readonly AbiEvent HostApproval = AbiEvent.Parse(HostApprovalDeclaration);
    public static readonly AbiEvent HostAuthorized = AbiEvent.Parse(HostAuthorizedDeclaration);
    public static readonly AbiEvent HostRevoked = AbiEvent.Parse(HostRevokedDeclaration);
    public static readonly AbiEvent AccessBought = AbiEvent.Parse(AccessBoughtDeclaration);
    public static readonly AbiEvent UsageSettled = AbiEvent.Parse(UsageSettledDeclaration);
    public static readonly AbiEvent EscrowRefunded = AbiEvent.Parse(EscrowRefundedDeclaration);
    public static readonly AbiEvent UnauthorizedHostReported = AbiEvent.Parse(UnauthorizedHostReportedDeclaration);
    public static readonly AbiEvent ModelStruck = AbiEvent.Parse(ModelStruckDeclaration);
}
