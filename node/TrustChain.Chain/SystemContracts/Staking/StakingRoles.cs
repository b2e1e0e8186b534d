using TrustChain.Chain.Specs;
using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Staking;

public static class StakingRoles
{
    public const int Count = 5;

    public static bool IsDefined(ulong value) => value < Count;

    /// <summary>Rejects a role number outside the enum with <see cref="ArgumentOutOfRangeException"/> (native callers).</summary>
    public static void Validate(StakingRole role)
    {
        if ((byte)role >= Count)
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, $"unknown staking role {(byte)role}: expected 0..{Count - 1}");
        }
    }

    public static UInt256 MinimumStake(this ChainParameters parameters, StakingRole role)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return role switch
        {
            StakingRole.Validator => parameters.MinValidatorStake,
            StakingRole.EnrollmentOperator => parameters.MinEnrollmentOperatorStake,
            StakingRole.Issuer => parameters.MinIssuerStake,
            StakingRole.Prover => parameters.MinProverStake,
            StakingRole.ModelHost => parameters.MinModelHostStake,
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, $"unknown staking role {(byte)role}: expected 0..{Count - 1}"),
        };
    }
}
