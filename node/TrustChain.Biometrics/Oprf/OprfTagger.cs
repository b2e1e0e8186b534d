using TrustChain.Biometrics.Lsh;
using TrustChain.Core;

namespace TrustChain.Biometrics.Oprf;

/// <summary>
/// Runs the full blind → evaluate → finalize round in-process against a set of local servers (for the simulator,
/// tests and single-machine demos; prover nodes serve the same <see cref="OprfServer.Evaluate"/> over RPC).
/// </summary>
public sealed class OprfTagger : IBandTagger
{
    private readonly OprfCommittee _committee;
    private readonly IReadOnlyList<OprfServer> _servers;

    public OprfTagger(OprfCommittee committee, IReadOnlyList<OprfServer> servers)
    {
        _committee = committee ?? throw new ArgumentNullException(nameof(committee));
        _servers = servers ?? throw new ArgumentNullException(nameof(servers));
        if (servers.Count < committee.Threshold)
        {
            throw new ArgumentException($"{servers.Count} servers cannot meet the threshold {committee.Threshold}.", nameof(servers));
        }
    }

    /// <summary>Asks the first t servers; only if some answer fails its proof are the remaining ones asked too.</summary>
    public Hash256 Tag(in BandInput band)
    {
        OprfBlindedInput blinded = OprfClient.Blind(band);
        int threshold = _committee.Threshold;
        var evaluations = new List<OprfEvaluation>(_servers.Count);
        for (int i = 0; i < threshold; i++)
        {
            evaluations.Add(_servers[i].Evaluate(blinded.BlindedElement));
        }

        OprfFinalization? result = TryFinalize(blinded, evaluations);
        if (result is not null)
        {
            return result.Tag;
        }

        for (int i = threshold; i < _servers.Count; i++)
        {
            evaluations.Add(_servers[i].Evaluate(blinded.BlindedElement));
        }

        return OprfClient.Finalize(blinded, evaluations, _committee).Tag;
    }

    private OprfFinalization? TryFinalize(OprfBlindedInput blinded, List<OprfEvaluation> evaluations)
    {
        try
        {
            return OprfClient.Finalize(blinded, evaluations, _committee);
        }
        catch (OprfException)
        {
            return null;
        }
    }
}
