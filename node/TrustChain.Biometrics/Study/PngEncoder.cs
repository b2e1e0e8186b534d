using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace TrustChain.Biometrics.Study;

/// <summary>Minimal PNG writer: 8-bit RGB, no interlace, filter type 0 on every row, one zlib IDAT chunk.</summary>
public static class PngEncoder
{
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Encode(RgbCanvas canvas)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        using var output = new MemoryStream();
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)canvas.Width);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], (uint)canvas.Height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: truecolour
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering
        header[12] = 0; // no interlace
        WriteChunk(output, "IHDR", header);

        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                ReadOnlySpan<byte> pixels = canvas.Pixels;
                int stride = canvas.Width * 3;
                Span<byte> filter = [0];
                for (int y = 0; y < canvas.Height; y++)
                {
                    zlib.Write(filter);
                    zlib.Write(pixels.Slice(y * stride, stride));
                }
            }

            WriteChunk(output, "IDAT", compressed.ToArray());
        }

        WriteChunk(output, "IEND", ReadOnlySpan<byte>.Empty);
        return output.ToArray();
    }

    public static void Save(RgbCanvas canvas, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, Encode(canvas));
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        byte[] typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        uint crc = Crc32.Append(Crc32.Compute(typeBytes), data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        output.Write(word);
    }
}
