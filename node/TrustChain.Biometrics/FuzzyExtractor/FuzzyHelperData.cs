using System.Buffers.Binary;

namespace TrustChain.Biometrics.FuzzyExtractor;

/// <summary>
/// Public helper data of the code-offset extractor: offset = template ⊕ repeated codeword on positions valid at
/// enrolment (0 elsewhere, so junk under the mask cannot expose codeword bits), the enrolment mask, a salt and
/// a check hash that tells a correct decoding from a miscorrection. Serialized form (version 1):
/// 0x01 | templateBits u16 BE | repetition u8 | m u8 | t u8 | offset (templateBits/8) | mask (templateBits/8) | salt 32 | check 32.
/// </summary>
public sealed class FuzzyHelperData
{
    public const byte Version = 1;
    public const int SaltLength = 32;
    public const int CheckLength = 32;
    private const int HeaderLength = 6;

    private readonly ulong[] _offset;
    private readonly ulong[] _mask;
    private readonly byte[] _salt;
    private readonly byte[] _check;

    public FuzzyHelperData(FuzzyExtractorParameters parameters, ulong[] offset, ulong[] enrolmentMask, byte[] salt, byte[] check)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(offset);
        ArgumentNullException.ThrowIfNull(enrolmentMask);
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(check);
        parameters.Validate();
        int words = parameters.TemplateBits / 64;
        if (offset.Length != words || enrolmentMask.Length != words)
        {
            throw new ArgumentException($"Offset and mask must be {words} words for a {parameters.TemplateBits}-bit template.");
        }

        if (salt.Length != SaltLength || check.Length != CheckLength)
        {
            throw new ArgumentException($"Salt and check must be {SaltLength} and {CheckLength} bytes.");
        }

        Parameters = parameters;
        _offset = (ulong[])offset.Clone();
        _mask = (ulong[])enrolmentMask.Clone();
        _salt = (byte[])salt.Clone();
        _check = (byte[])check.Clone();
    }

    public FuzzyExtractorParameters Parameters { get; }

    public ReadOnlySpan<ulong> Offset => _offset;

    public ReadOnlySpan<ulong> EnrolmentMask => _mask;

    public ReadOnlySpan<byte> Salt => _salt;

    public ReadOnlySpan<byte> Check => _check;

    public byte[] ToBytes()
    {
        int bitmapBytes = Parameters.TemplateBits / 8;
        byte[] result = new byte[HeaderLength + 2 * bitmapBytes + SaltLength + CheckLength];
        result[0] = Version;
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(1), (ushort)Parameters.TemplateBits);
        result[3] = (byte)Parameters.Repetition;
        result[4] = (byte)Parameters.FieldDegree;
        result[5] = (byte)Parameters.CorrectableErrors;
        int at = HeaderLength;
        WriteWords(_offset, result.AsSpan(at, bitmapBytes));
        at += bitmapBytes;
        WriteWords(_mask, result.AsSpan(at, bitmapBytes));
        at += bitmapBytes;
        _salt.CopyTo(result, at);
        _check.CopyTo(result, at + SaltLength);
        return result;
    }

    public static FuzzyHelperData FromBytes(ReadOnlySpan<byte> data)
    {
        if (data.Length < HeaderLength)
        {
            throw new FormatException($"Helper data is {data.Length} bytes; the header alone is {HeaderLength}.");
        }

        if (data[0] != Version)
        {
            throw new FormatException($"Unsupported helper data version {data[0]} (expected {Version}).");
        }

        var parameters = new FuzzyExtractorParameters
        {
            TemplateBits = BinaryPrimitives.ReadUInt16BigEndian(data[1..]),
            Repetition = data[3],
            FieldDegree = data[4],
            CorrectableErrors = data[5],
        };
        try
        {
            parameters.Validate();
        }
        catch (ArgumentException e)
        {
            throw new FormatException("Helper data has invalid code parameters: " + e.Message, e);
        }

        int bitmapBytes = parameters.TemplateBits / 8;
        int expected = HeaderLength + 2 * bitmapBytes + SaltLength + CheckLength;
        if (data.Length != expected)
        {
            throw new FormatException($"Helper data must be {expected} bytes for these parameters, got {data.Length}.");
        }

        int at = HeaderLength;
        ulong[] offset = ReadWords(data.Slice(at, bitmapBytes));
        at += bitmapBytes;
        ulong[] mask = ReadWords(data.Slice(at, bitmapBytes));
        at += bitmapBytes;
        for (int i = 0; i < offset.Length; i++)
        {
            if ((offset[i] & ~mask[i]) != 0)
            {
                throw new FormatException("Helper data has offset bits set under the enrolment mask.");
            }
        }

        return new FuzzyHelperData(parameters, offset, mask, data.Slice(at, SaltLength).ToArray(), data.Slice(at + SaltLength, CheckLength).ToArray());
    }

    private static void WriteWords(ReadOnlySpan<ulong> words, Span<byte> destination)
    {
        for (int i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination[(8 * i)..], words[i]);
        }
    }

    private static ulong[] ReadWords(ReadOnlySpan<byte> source)
    {
        ulong[] words = new ulong[source.Length / 8];
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt64LittleEndian(source[(8 * i)..]);
        }

        return words;
    }
}
