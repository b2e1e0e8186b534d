using System.Buffers.Binary;
using System.Text;

namespace TrustChain.Zk.Snarkjs;

/// <summary>
/// The container snarkjs/circom use for .wtns, .zkey, .r1cs and .ptau ("binfile"): 4-byte magic, u32 version,
/// u32 section count, then sections of (u32 type, u64 size, bytes), all little-endian.
/// </summary>
public sealed class BinFile
{
    private readonly byte[] _data;
    private readonly Dictionary<uint, (int Offset, int Length)> _sections;

    private BinFile(byte[] data, string magic, uint version, Dictionary<uint, (int Offset, int Length)> sections)
    {
        _data = data;
        Magic = magic;
        Version = version;
        _sections = sections;
    }

    public string Magic { get; }

    public uint Version { get; }

    public IReadOnlyCollection<uint> SectionIds => _sections.Keys;

    /// <exception cref="ZkFormatException">Wrong magic, unsupported version, truncated or duplicated sections.</exception>
    public static BinFile Parse(byte[] data, string expectedMagic, uint maxVersion)
    {
        ArgumentNullException.ThrowIfNull(data);
        string kind = "." + expectedMagic;
        if (data.Length < 12)
        {
            throw new ZkFormatException($"{kind} file is truncated: {data.Length} bytes, the header alone needs 12.");
        }

        string magic = Encoding.ASCII.GetString(data, 0, 4);
        if (magic != expectedMagic)
        {
            throw new ZkFormatException($"Not a {kind} file: magic is '{magic}'.");
        }

        uint version = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(4));
        if (version == 0 || version > maxVersion)
        {
            throw new ZkFormatException($"{kind} version {version} is not supported (1..{maxVersion}).");
        }

        uint count = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(8));
        Dictionary<uint, (int, int)> sections = [];
        long pos = 12;
        for (uint i = 0; i < count; i++)
        {
            if (data.Length - pos < 12)
            {
                throw new ZkFormatException($"{kind} file is truncated in the header of section #{i} of {count}.");
            }

            uint type = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan((int)pos));
            ulong size = BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan((int)pos + 4));
            pos += 12;
            if (size > (ulong)(data.Length - pos))
            {
                throw new ZkFormatException($"{kind} section {type} declares {size} bytes but only {data.Length - pos} remain (truncated file).");
            }

            if (!sections.TryAdd(type, ((int)pos, (int)size)))
            {
                throw new ZkFormatException($"{kind} section {type} appears more than once.");
            }

            pos += (long)size;
        }

        if (pos != data.Length)
        {
            throw new ZkFormatException($"{kind} file has {data.Length - pos} trailing bytes after its last section.");
        }

        return new BinFile(data, magic, version, sections);
    }

    public bool HasSection(uint id) => _sections.ContainsKey(id);

    /// <exception cref="ZkFormatException">The section is missing.</exception>
    public BinSectionReader Section(uint id, string name)
    {
        if (!_sections.TryGetValue(id, out (int Offset, int Length) s))
        {
            throw new ZkFormatException($".{Magic} section {id} ({name}) is missing.");
        }

        return new BinSectionReader(new ReadOnlyMemory<byte>(_data, s.Offset, s.Length), $".{Magic} section {id} ({name})");
    }

    public static byte[] ReadAllBytes(string path, string kind)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new ZkFormatException($"Cannot read {kind} file '{path}': {e.Message}", e);
        }
    }
}
