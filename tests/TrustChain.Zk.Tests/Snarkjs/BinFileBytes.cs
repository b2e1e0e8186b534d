using System.Buffers.Binary;

namespace TrustChain.Zk.Tests.Snarkjs;

/// <summary>Independent binfile helpers for the tests: locate a section's payload and build files section by section.</summary>
public static class BinFileBytes
{
    /// <summary>Offset and length of section <paramref name="id"/>'s payload.</summary>
    public static (int Offset, int Length) Locate(byte[] data, uint id)
    {
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(8));
        int pos = 12;
        for (uint i = 0; i < count; i++)
        {
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(pos));
            int size = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(pos + 4)));
            if (type == id)
            {
                return (pos + 12, size);
            }

            pos += 12 + size;
        }

        throw new InvalidOperationException($"Section {id} not found.");
    }

    public static byte[] Build(string magic, uint version, params (uint Id, byte[] Payload)[] sections)
    {
        using MemoryStream ms = new();
        using BinaryWriter w = new(ms);
        w.Write(System.Text.Encoding.ASCII.GetBytes(magic));
        w.Write(version);
        w.Write((uint)sections.Length);
        foreach ((uint id, byte[] payload) in sections)
        {
            w.Write(id);
            w.Write((ulong)payload.Length);
            w.Write(payload);
        }

        w.Flush();
        return ms.ToArray();
    }
}
