namespace TrustChain.Biometrics.Study;

/// <summary>Fuzzy-extractor outcomes: genuine re-scans that reproduced the secret and impostor scans that did.</summary>
public sealed record FuzzyMeasurement(int GenuineTrials, int GenuineReproduced, int ImpostorTrials, int ImpostorReproduced, double ReproducePerSecond)
{
    public double GenuineRate => GenuineTrials == 0 ? 0 : (double)GenuineReproduced / GenuineTrials;

    public double ImpostorRate => ImpostorTrials == 0 ? 0 : (double)ImpostorReproduced / ImpostorTrials;
}
