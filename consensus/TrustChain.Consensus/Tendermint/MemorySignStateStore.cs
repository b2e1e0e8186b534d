namespace TrustChain.Consensus.Tendermint;

/// <summary>Volatile sign state: the same guard within one process lifetime (simulations, observers' tests).</summary>
public sealed class MemorySignStateStore : ISignStateStore
{
    private LastSignState? _state;

    public LastSignState? Load() => _state;

    public void Save(LastSignState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _state = state;
    }
}
