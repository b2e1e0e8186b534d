using TrustChain.Chain.Abi;

namespace TrustChain.Chain.SystemContracts.Staking;

/// <summary>The Staking contract's events, shared by the ABI declarations and the native API that emits them.</summary>
public static class StakingEvents
{
    public const string StakedDeclaration = "event Staked(address indexed account, uint8 indexed role, uint256 amount, uint256 newStake)";
    public const string ValidatorKeySetDeclaration = "event ValidatorKeySet(address indexed account, bytes consensusPublicKey)";
    public const string UnstakeRequestedDeclaration = "event UnstakeRequested(address indexed account, uint8 indexed role, uint256 amount, uint256 releaseBlock)";
    public const string WithdrawnDeclaration = "event Withdrawn(address indexed account, uint256 amount)";
    public const string SlashedDeclaration = "event Slashed(address indexed account, uint8 indexed role, uint256 amount, address recipient, string reason)";
    public const string JailedDeclaration = "event Jailed(address indexed account, uint8 indexed role, uint256 untilBlock)";
    public const string FeesAccruedDeclaration = "event FeesAccrued(uint8 indexed role, address indexed payer, uint256 amount)";
    public const string RewardsDistributedDeclaration = "event RewardsDistributed(uint8 indexed role, uint256 amount, uint256 remainder)";
    public const string RewardsClaimedDeclaration = "event RewardsClaimed(address indexed account, uint256 amount)";
    public const string UnjailedDeclaration = "event Unjailed(address indexed validator)";

    public static readonly AbiEvent Staked = AbiEvent.Parse(StakedDeclaration);
    public static readonly AbiEvent ValidatorKeySet = AbiEvent.Parse(ValidatorKeySetDeclaration);
    public static readonly AbiEvent UnstakeRequested = AbiEvent.Parse(UnstakeRequestedDeclaration);
    public static readonly AbiEvent Withdrawn = AbiEvent.Parse(WithdrawnDeclaration);
    public static readonly AbiEvent Slashed = AbiEvent.Parse(SlashedDeclaration);
    public static readonly AbiEvent Jailed = AbiEvent.Parse(JailedDeclaration);
    public static readonly AbiEvent FeesAccrued = AbiEvent.Parse(FeesAccruedDeclaration);
    public static readonly AbiEvent RewardsDistributed = AbiEvent.Parse(RewardsDistributedDeclaration);
    public static readonly AbiEvent RewardsClaimed = AbiEvent.Parse(RewardsClaimedDeclaration);
    public static readonly AbiEvent Unjailed = AbiEvent.Parse(UnjailedDeclaration);
}
