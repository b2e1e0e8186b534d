using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using TrustChain.Biometrics.Study;

namespace TrustChain.Biometrics.Tests.Study;

public class PngEncoderTests
{
    [Test]
    public void Crc32_matches_the_standard_check_value()
    {
        Assert.That(Crc32.Compute(Encoding.ASCII.GetBytes("123456789")), Is.EqualTo(0xCBF43926u));
        Assert.That(Crc32.Append(Crc32.Compute(Encoding.ASCII.GetBytes("1234")), Encoding.ASCII.GetBytes("56789")), Is.EqualTo(0xCBF43926u));
    }

    [Test]
    public void Png_has_signature_valid_chunks_and_inflates_to_the_raw_scanlines()
    {
        var canvas = new RgbCanvas(37, 21, Rgb.White);
        canvas.DrawLine(0, 0, 36, 20, new Rgb(200, 10, 10));
        canvas.DrawText(2, 2, "1E-6", Rgb.Black);
        byte[] png = PngEncoder.Encode(canvas);
        AssertDecodes(png, 37, 21, canvas);
    }

    [Test]
    public void Study_chart_renders_to_a_decodable_png()
    {
        var chart = new LineChart
        {
            Title = "TEST",
            XMin = 1e3,
            XMax = 1e8,
            YMin = 1e-12,
            YMax = 1,
            Series = [new ChartSeries("A", new Rgb(0, 0, 255), [new ChartPoint(1e3, 1e-10), new ChartPoint(1e8, 1e-2)])],
        };
        RgbCanvas canvas = chart.Render(400, 300);
        AssertDecodes(PngEncoder.Encode(canvas), 400, 300, canvas);
        // The series line is drawn: some pixel is pure blue.
        bool blue = false;
        for (int y = 0; y < 300 && !blue; y++)
        {
            for (int x = 0; x < 400 && !blue; x++)
            {
                blue = canvas.GetPixel(x, y) == new Rgb(0, 0, 255);
            }
        }

        Assert.That(blue, Is.True);
    }

    private static void AssertDecodes(byte[] png, int width, int height, RgbCanvas canvas)
    {
        Assert.That(png.AsSpan(0, 8).ToArray(), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
        int at = 8;
        var types = new List<string>();
        using var idat = new MemoryStream();
        while (at < png.Length)
        {
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            string type = Encoding.ASCII.GetString(png, at + 4, 4);
            ReadOnlySpan<byte> typeAndData = png.AsSpan(at + 4, 4 + length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Assert.That(crc, Is.EqualTo(Crc32.Compute(typeAndData)), $"CRC of {type}");
            if (type == "IHDR")
            {
                Assert.That(BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8)), Is.EqualTo((uint)width));
                Assert.That(BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 12)), Is.EqualTo((uint)height));
                Assert.That(png.AsSpan(at + 16, 5).ToArray(), Is.EqualTo(new byte[] { 8, 2, 0, 0, 0 }));
            }
            else if (type == "IDAT")
            {
                idat.Write(png, at + 8, length);
            }

            types.Add(type);
            at += 12 + length;
        }

        Assert.That(types.First(), Is.EqualTo("IHDR"));
        Assert.That(types.Last(), Is.EqualTo("IEND"));
        // IEND's CRC is a fixed, published constant.
        Assert.That(png.AsSpan(png.Length - 4).ToArray(), Is.EqualTo(new byte[] { 0xAE, 0x42, 0x60, 0x82 }));

        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        byte[] scanlines = raw.ToArray();
        Assert.That(scanlines.Length, Is.EqualTo(height * (1 + width * 3)));
        int stride = width * 3;
        for (int y = 0; y < height; y++)
        {
            Assert.That(scanlines[y * (stride + 1)], Is.EqualTo(0));
            Assert.That(scanlines.AsSpan(y * (stride + 1) + 1, stride).SequenceEqual(canvas.Pixels.Slice(y * stride, stride)), Is.True);
        }
    }
}
