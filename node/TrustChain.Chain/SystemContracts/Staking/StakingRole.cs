namespace TrustChain.Chain.SystemContracts.Staking;

/// <summary>What an account stakes for; a uint8 in the ABI. One account may hold stake in several roles.</summary>
public enum StakingRole : byte
{
    Validator = 0,
    EnrollmentOperator = 1,
    Issuer = 2,
    Prover = 3,
    ModelHost = 4,
}
