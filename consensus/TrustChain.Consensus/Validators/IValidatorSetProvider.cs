namespace TrustChain.Consensus.Validators;

/// <summary>The validator set that votes at a height, with proposer priorities as of round 0 of that height.</summary>
public interface IValidatorSetProvider
{
    /// <summary>Returns a set the caller may mutate (a fresh copy).</summary>
    ValidatorSet GetValidatorSet(ulong height);
}
