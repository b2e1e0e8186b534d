namespace TrustChain.Biometrics.Study;

/// <summary>
/// A small line-chart rasteriser: framed plot area, decade grid on log axes (linear otherwise), tick labels,
/// title, axis titles and a legend. Values outside the y range are clamped to its edge so curves stay visible.
/// </summary>
public sealed class LineChart
{
    private const int Left = 78;
    private const int Right = 24;
    private const int Top = 44;
    private const int Bottom = 62;

    public string Title { get; init; } = string.Empty;

    public string XLabel { get; init; } = string.Empty;

    public string YLabel { get; init; } = string.Empty;

    public double XMin { get; init; } = 1;

    public double XMax { get; init; } = 10;

    public double YMin { get; init; } = 1;

    public double YMax { get; init; } = 10;

    public bool LogX { get; init; } = true;

    public bool LogY { get; init; } = true;

    public IReadOnlyList<ChartSeries> Series { get; init; } = [];

    public RgbCanvas Render(int width = 960, int height = 640)
    {
        if (!(XMax > XMin) || !(YMax > YMin) || (LogX && XMin <= 0) || (LogY && YMin <= 0))
        {
            throw new InvalidOperationException("Chart ranges must be increasing and positive on log axes.");
        }

        var canvas = new RgbCanvas(width, height, Rgb.White);
        int plotW = width - Left - Right;
        int plotH = height - Top - Bottom;
        if (plotW < 50 || plotH < 50)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "Canvas too small for a chart.");
        }

        DrawGridAndTicks(canvas, plotW, plotH);
        canvas.DrawRect(Left, Top, plotW, plotH, Rgb.Black);

        foreach (ChartSeries series in Series)
        {
            for (int i = 1; i < series.Points.Count; i++)
            {
                (int x0, int y0) = Map(series.Points[i - 1], plotW, plotH);
                (int x1, int y1) = Map(series.Points[i], plotW, plotH);
                canvas.DrawLine(x0, y0, x1, y1, series.Color, thickness: 2, dash: series.Dashed ? 6 : 0);
            }
        }

        canvas.DrawText(Left, 14, Title, Rgb.Black, 2);
        canvas.DrawText(Left + (plotW - BitmapFont.MeasureWidth(XLabel)) / 2, height - 20, XLabel, Rgb.Black);
        canvas.DrawText(6, Top - 14, YLabel, Rgb.Black);
        DrawLegend(canvas, plotW);
        return canvas;
    }

    private void DrawGridAndTicks(RgbCanvas canvas, int plotW, int plotH)
    {
        foreach (double x in Ticks(XMin, XMax, LogX))
        {
            (int px, _) = Map(new ChartPoint(x, YMin), plotW, plotH);
            canvas.DrawLine(px, Top, px, Top + plotH - 1, Rgb.Grid);
            string label = Format(x, LogX);
            canvas.DrawText(px - BitmapFont.MeasureWidth(label) / 2, Top + plotH + 8, label, Rgb.Black);
        }

        List<double> yTicks = Ticks(YMin, YMax, LogY);
        int every = Math.Max(1, (yTicks.Count + 11) / 12);
        for (int i = 0; i < yTicks.Count; i++)
        {
            (_, int py) = Map(new ChartPoint(XMin, yTicks[i]), plotW, plotH);
            canvas.DrawLine(Left, py, Left + plotW - 1, py, Rgb.Grid);
            if (i % every == 0)
            {
                string label = Format(yTicks[i], LogY);
                canvas.DrawText(Left - 6 - BitmapFont.MeasureWidth(label), py - 3, label, Rgb.Black);
            }
        }
    }

    private void DrawLegend(RgbCanvas canvas, int plotW)
    {
        if (Series.Count == 0)
        {
            return;
        }

        int textWidth = 0;
        foreach (ChartSeries s in Series)
        {
            textWidth = Math.Max(textWidth, BitmapFont.MeasureWidth(s.Label));
        }

        int boxW = textWidth + 44;
        int boxH = Series.Count * 14 + 8;
        int x = Left + plotW - boxW - 8;
        int y = Top + 8;
        canvas.FillRect(x, y, boxW, boxH, Rgb.White);
        canvas.DrawRect(x, y, boxW, boxH, Rgb.Black);
        for (int i = 0; i < Series.Count; i++)
        {
            int rowY = y + 8 + i * 14;
            canvas.DrawLine(x + 6, rowY + 3, x + 30, rowY + 3, Series[i].Color, thickness: 2, dash: Series[i].Dashed ? 4 : 0);
            canvas.DrawText(x + 36, rowY, Series[i].Label, Rgb.Black);
        }
    }

    private (int X, int Y) Map(ChartPoint p, int plotW, int plotH)
    {
        double fx = Fraction(p.X, XMin, XMax, LogX);
        double fy = Fraction(p.Y, YMin, YMax, LogY);
        return (Left + (int)Math.Round(fx * (plotW - 1)), Top + plotH - 1 - (int)Math.Round(fy * (plotH - 1)));
    }

    private static double Fraction(double v, double min, double max, bool log)
    {
        double f = log
            ? (Math.Log10(Math.Max(v, min)) - Math.Log10(min)) / (Math.Log10(max) - Math.Log10(min))
            : (v - min) / (max - min);
        return Math.Clamp(double.IsNaN(f) ? 0 : f, 0, 1);
    }

    private static List<double> Ticks(double min, double max, bool log)
    {
        var ticks = new List<double>();
        if (log)
        {
            for (int e = (int)Math.Ceiling(Math.Log10(min) - 1e-9); e <= (int)Math.Floor(Math.Log10(max) + 1e-9); e++)
            {
                ticks.Add(Math.Pow(10, e));
            }
        }
        else
        {
            double step = (max - min) / 10;
            for (int i = 0; i <= 10; i++)
            {
                ticks.Add(min + i * step);
            }
        }

        return ticks;
    }

    private static string Format(double v, bool log) =>
        log ? "1E" + ((int)Math.Round(Math.Log10(v))).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : v.ToString("G3", System.Globalization.CultureInfo.InvariantCulture);
}
