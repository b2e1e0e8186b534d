namespace TrustChain.Biometrics.Study;

/// <summary>What <see cref="PalmStudy.Run"/> found: the recommended defaults, the provisional ones and the checks behind them.</summary>
public sealed record PalmStudyResult(
    DedupConfiguration Recommended,
    DedupConfiguration Provisional,
    EmpiricalDedupCheck RecommendedCheck,
    EmpiricalDedupCheck ProvisionalCheck,
    IReadOnlyList<DedupConfiguration> Candidates,
    FuzzyMeasurement Fuzzy,
    string? PlotPath);
