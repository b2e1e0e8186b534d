namespace TrustChain.Biometrics.Study;

public readonly record struct ChartPoint(double X, double Y);
