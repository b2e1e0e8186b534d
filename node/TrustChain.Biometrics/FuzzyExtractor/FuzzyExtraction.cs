namespace TrustChain.Biometrics.FuzzyExtractor;

/// <summary>Result of Gen: the 32-byte secret (keep on the device) and the public helper data.</summary>
public sealed record FuzzyExtraction(byte[] Secret, FuzzyHelperData Helper);
