namespace TrustChain.Consensus.Validators;

/// <summary>
/// A validator set that never changes (genesis, until staking drives updates). Priorities advance by one increment
/// per height, as CometBFT does between blocks, so the proposer rotates across heights.
/// </summary>
public sealed class StaticValidatorSetProvider : IValidatorSetProvider
{
    private readonly ValidatorSet _atHeightOne;
    private readonly Lock _lock = new();
    private ValidatorSet _cached;
    private ulong _cachedHeight;

    /// <param name="genesis">Validators as listed at genesis; priorities are initialised like CometBFT's NewValidatorSet.</param>
    public StaticValidatorSetProvider(IEnumerable<Validator> genesis)
    {
        _atHeightOne = ValidatorSet.CreateGenesis(genesis);
        _cached = _atHeightOne.Copy();
        _cachedHeight = 1;
    }

    public ValidatorSet GetValidatorSet(ulong height)
    {
        if (height == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(height), "Height 0 is genesis; validators sign from height 1.");
        }

        lock (_lock)
        {
            if (height < _cachedHeight)
            {
                _cached = _atHeightOne.Copy();
                _cachedHeight = 1;
            }

            while (_cachedHeight < height)
            {
                _cached.IncrementProposerPriority(1);
                _cachedHeight++;
            }

            return _cached.Copy();
        }
    }
}
