namespace TrustChain.Biometrics.Study;

/// <summary>A width×height RGB raster (row-major, 3 bytes a pixel) with the few drawing primitives a chart needs.</summary>
public sealed class RgbCanvas
{
    private readonly byte[] _pixels;

    public RgbCanvas(int width, int height, Rgb background)
    {
        if (width is < 1 or > 8192 || height is < 1 or > 8192)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Canvas size {width}×{height} must be within 1..8192 on each side.");
        }

        Width = width;
        Height = height;
        _pixels = new byte[width * height * 3];
        FillRect(0, 0, width, height, background);
    }

    public int Width { get; }

    public int Height { get; }

    public ReadOnlySpan<byte> Pixels => _pixels;

    public Rgb GetPixel(int x, int y)
    {
        int i = (y * Width + x) * 3;
        return new Rgb(_pixels[i], _pixels[i + 1], _pixels[i + 2]);
    }

    /// <summary>Sets a pixel; coordinates outside the canvas are clipped silently.</summary>
    public void SetPixel(int x, int y, Rgb color)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
        {
            return;
        }

        int i = (y * Width + x) * 3;
        _pixels[i] = color.R;
        _pixels[i + 1] = color.G;
        _pixels[i + 2] = color.B;
    }

    public void FillRect(int x, int y, int width, int height, Rgb color)
    {
        for (int yy = Math.Max(0, y); yy < Math.Min(Height, y + height); yy++)
        {
            for (int xx = Math.Max(0, x); xx < Math.Min(Width, x + width); xx++)
            {
                SetPixel(xx, yy, color);
            }
        }
    }

    /// <summary>Bresenham line, widened to <paramref name="thickness"/> pixels by stamping a square; dashed when dash &gt; 0.</summary>
    public void DrawLine(int x0, int y0, int x1, int y1, Rgb color, int thickness = 1, int dash = 0)
    {
        int step = 0;
        int dx = Math.Abs(x1 - x0);
        int dy = -Math.Abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1;
        int sy = y0 < y1 ? 1 : -1;
        int err = dx + dy;
        int half = (thickness - 1) / 2;
        while (true)
        {
            if (dash <= 0 || (step++ / dash) % 2 == 0)
            {
                FillRect(x0 - half, y0 - half, thickness, thickness, color);
            }

            if (x0 == x1 && y0 == y1)
            {
                return;
            }

            int e2 = 2 * err;
            if (e2 >= dy)
            {
                err += dy;
                x0 += sx;
            }

            if (e2 <= dx)
            {
                err += dx;
                y0 += sy;
            }
        }
    }

    public void DrawRect(int x, int y, int width, int height, Rgb color)
    {
        DrawLine(x, y, x + width - 1, y, color);
        DrawLine(x, y + height - 1, x + width - 1, y + height - 1, color);
        DrawLine(x, y, x, y + height - 1, color);
        DrawLine(x + width - 1, y, x + width - 1, y + height - 1, color);
    }

    /// <summary>Draws text in the built-in 5×7 font (upper-cased); returns the width drawn in pixels.</summary>
    public int DrawText(int x, int y, string text, Rgb color, int scale = 1) => BitmapFont.Draw(this, x, y, text, color, scale);
}
