namespace TrustChain.Biometrics.Simulation;

/// <summary>A synthetic person: an id and the latent (noise-free) palm code every scan is a noisy copy of.</summary>
public sealed class SimulatedPerson
{
    private readonly ulong[] _latent;

    internal SimulatedPerson(ulong id, ulong[] latent)
    {
        Id = id;
        _latent = latent;
    }

    public ulong Id { get; }

    public ReadOnlySpan<ulong> LatentCode => _latent;
}
