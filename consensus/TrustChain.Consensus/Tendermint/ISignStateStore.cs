namespace TrustChain.Consensus.Tendermint;

/// <summary>Where a <see cref="PrivValidator"/> keeps its <see cref="LastSignState"/>.</summary>
public interface ISignStateStore
{
    /// <summary>Null when nothing was ever signed.</summary>
    LastSignState? Load();

    /// <summary>Must be durable when it returns: the signature is released only afterwards.</summary>
    void Save(LastSignState state);
}
