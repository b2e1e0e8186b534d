using System.Buffers.Binary;
using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Snarkjs;

/// <summary>
/// circom/snarkjs witness file (.wtns, version 2): section 1 = (u32 n8, prime, u32 count), section 2 = the witness
/// values, each n8 bytes little-endian in canonical (non-Montgomery) form. Witness 0 is the constant 1.
/// </summary>
public static class WtnsFile
{
    private const uint HeaderSection = 1;
    private const uint WitnessSection = 2;

    /// <exception cref="ZkFormatException">The file is malformed; the message names the section.</exception>
    public static Fr[] Read(byte[] data)
    {
        BinFile file = BinFile.Parse(data, "wtns", 2);
        BinSectionReader header = file.Section(HeaderSection, "header");
        int n8 = (int)header.ReadUInt32();
        header.ExpectPrime(n8, Fr.Modulus, "witness field");
        int count = header.ReadCount("witness count", 0);
        header.ExpectEnd();

        BinSectionReader values = file.Section(WitnessSection, "witness values");
        if ((long)count * n8 != values.Length)
        {
            throw values.Error($"holds {values.Length} bytes but the header declares {count} values of {n8} bytes");
        }

        Fr[] witness = new Fr[count];
        for (int i = 0; i < count; i++)
        {
            witness[i] = values.ReadFrCanonical($"witness {i}");
        }

        if (count == 0 || !witness[0].IsOne)
        {
            throw values.Error("witness 0 must be the constant 1");
        }

        return witness;
    }

    public static Fr[] ReadFile(string path) => Read(BinFile.ReadAllBytes(path, ".wtns"));

    /// <summary>Writes a version-2 .wtns that snarkjs and rapidsnark read.</summary>
    public static byte[] Write(ReadOnlySpan<Fr> witness)
    {
        const int n8 = Fr.ByteLength;
        int headerSize = 4 + n8 + 4;
        long valuesSize = (long)witness.Length * n8;
        byte[] data = new byte[12 + 12 + headerSize + 12 + valuesSize];
        Span<byte> s = data;
        "wtns"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], 2);
        BinaryPrimitives.WriteUInt32LittleEndian(s[8..], 2);
        int pos = 12;
        BinaryPrimitives.WriteUInt32LittleEndian(s[pos..], HeaderSection);
        BinaryPrimitives.WriteUInt64LittleEndian(s[(pos + 4)..], (ulong)headerSize);
        pos += 12;
        BinaryPrimitives.WriteUInt32LittleEndian(s[pos..], n8);
        Fr.Modulus.TryWriteBytes(s.Slice(pos + 4, n8), out _, isUnsigned: true, isBigEndian: false);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(pos + 4 + n8)..], (uint)witness.Length);
        pos += headerSize;
        BinaryPrimitives.WriteUInt32LittleEndian(s[pos..], WitnessSection);
        BinaryPrimitives.WriteUInt64LittleEndian(s[(pos + 4)..], (ulong)valuesSize);
        pos += 12;
        for (int i = 0; i < witness.Length; i++)
        {
            witness[i].ToBytesLittleEndian(s.Slice(pos + i * n8, n8));
        }

        return data;
    }
}
