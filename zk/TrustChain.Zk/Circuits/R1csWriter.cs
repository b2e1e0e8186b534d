using System.Buffers.Binary;
using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Circuits;

/// <summary>Serialises a constraint system as circom's .r1cs version 1 (what snarkjs r1cs info/export json read).</summary>
internal static class R1csWriter
{
    private const int TermSize = 4 + Fr.ByteLength;

    public static byte[] Write(
        int nWires,
        int nPubOut,
        int nPubIn,
        int nPrvIn,
        IReadOnlyList<(LinearCombination A, LinearCombination B, LinearCombination C)> constraints)
    {
        const int headerSize = 4 + Fr.ByteLength + 4 * 4 + 8 + 4;
        long constraintsSize = 0;
        foreach ((LinearCombination a, LinearCombination b, LinearCombination c) in constraints)
        {
            constraintsSize += 12 + (long)(a.TermCount + b.TermCount + c.TermCount) * TermSize;
        }

        long mapSize = (long)nWires * 8;
        long total = 12 + (12 + headerSize) + (12 + constraintsSize) + (12 + mapSize);
        if (total > Array.MaxLength)
        {
            throw new InvalidOperationException($"The .r1cs would be {total} bytes, more than one array can hold.");
        }

        byte[] data = new byte[total];
        Span<byte> s = data;
        "r1cs"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(s[8..], 3);
        int pos = 12;

        pos = SectionHeader(s, pos, 1, headerSize);
        BinaryPrimitives.WriteUInt32LittleEndian(s[pos..], Fr.ByteLength);
        Fr.Modulus.TryWriteBytes(s.Slice(pos + 4, Fr.ByteLength), out _, isUnsigned: true, isBigEndian: false);
        pos += 4 + Fr.ByteLength;
        BinaryPrimitives.WriteUInt32LittleEndian(s[pos..], (uint)nWires);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(pos + 4)..], (uint)nPubOut);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(pos + 8)..], (uint)nPubIn);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(pos + 12)..], (uint)nPrvIn);
        BinaryPrimitives.WriteUInt64LittleEndian(s[(pos + 16)..], (ulong)nWires);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(pos + 24)..], (uint)constraints.Count);
        pos += 28;

        pos = SectionHeader(s, pos, 2, constraintsSize);
        foreach ((LinearCombination a, LinearCombination b, LinearCombination c) in constraints)
        {
            pos = WriteCombination(s, pos, a);
            pos = WriteCombination(s, pos, b);
            pos = WriteCombination(s, pos, c);
        }

        // Labels: our wires have no circom symbol table, so wire i carries label i.
        pos = SectionHeader(s, pos, 3, mapSize);
        for (int i = 0; i < nWires; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(s[pos..], (ulong)i);
            pos += 8;
        }

        return data;
    }

    private static int SectionHeader(Span<byte> s, int pos, uint id, long size)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(s[pos..], id);
        BinaryPrimitives.WriteUInt64LittleEndian(s[(pos + 4)..], (ulong)size);
        return pos + 12;
    }

    private static int WriteCombination(Span<byte> s, int pos, LinearCombination lc)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(s[pos..], (uint)lc.TermCount);
        pos += 4;
        ReadOnlySpan<int> wires = lc.Wires;
        ReadOnlySpan<Fr> coefficients = lc.Coefficients;
        for (int i = 0; i < wires.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s[pos..], (uint)wires[i]);
            coefficients[i].ToBytesLittleEndian(s.Slice(pos + 4, Fr.ByteLength));
            pos += TermSize;
        }

        return pos;
    }
}
