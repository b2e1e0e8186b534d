namespace TrustChain.Biometrics.Study;

/// <summary>One line of a chart: its legend label, colour, data points and whether it is dashed.</summary>
public sealed record ChartSeries(string Label, Rgb Color, IReadOnlyList<ChartPoint> Points, bool Dashed = false);
