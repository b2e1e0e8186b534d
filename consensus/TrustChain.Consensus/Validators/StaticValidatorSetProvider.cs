namespace TrustChain.Consensus.Validators;

/// <summary>
/// A validator set that never changes (genesis, until staking drives updates). Priorities advance by one increment
/// per height, as CometBFT does between blocks, so the proposer rotates across heights. Snapshots every
/// <see cref="SnapshotInterval"/> heights keep a look-back (sync and commit checks ask for h − 1 after h) from
/// replaying priorities all the way from height 1.
/// </summary>
public sealed class StaticValidatorSetProvider : IValidatorSetProvider
{
    private const ulong SnapshotInterval = 64;

    private readonly ValidatorSet _atHeightOne;
    private readonly List<ValidatorSet> _snapshots = [];
    private readonly Lock _lock = new();
    private ValidatorSet _cached;
    private ulong _cachedHeight;

    /// <param name="genesis">Validators as listed at genesis; priorities are initialised like CometBFT's NewValidatorSet.</param>
    public StaticValidatorSetProvider(IEnumerable<Validator> genesis)
    {
        _atHeightOne = ValidatorSet.CreateGenesis(genesis);
        _snapshots.Add(_atHeightOne.Copy());
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
                // Snapshot i holds height 1 + i·interval.
                int index = (int)Math.Min((ulong)(_snapshots.Count - 1), (height - 1) / SnapshotInterval);
                _cached = _snapshots[index].Copy();
                _cachedHeight = 1 + ((ulong)index * SnapshotInterval);
            }

            while (_cachedHeight < height)
            {
                _cached.IncrementProposerPriority(1);
                _cachedHeight++;
                if ((_cachedHeight - 1) % SnapshotInterval == 0 && (_cachedHeight - 1) / SnapshotInterval == (ulong)_snapshots.Count)
                {
                    _snapshots.Add(_cached.Copy());
                }
            }

            return _cached.Copy();
        }
    }
}
