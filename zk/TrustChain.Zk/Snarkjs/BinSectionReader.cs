using System.Buffers.Binary;
using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Snarkjs;

/// <summary>Sequential, bounds-checked reader over one binfile section; every failure names the section.</summary>
public sealed class BinSectionReader
{
    private readonly ReadOnlyMemory<byte> _data;
    private int _pos;

    internal BinSectionReader(ReadOnlyMemory<byte> data, string name)
    {
        _data = data;
        Name = name;
    }

    public string Name { get; }

    public int Length => _data.Length;

    public int Remaining => _data.Length - _pos;

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>A count that must fit in an int and leave room for at least <paramref name="bytesEach"/> bytes per item.</summary>
    public int ReadCount(string what, int bytesEach)
    {
        uint n = ReadUInt32();
        if (bytesEach > 0 && n > (ulong)Remaining / (ulong)bytesEach)
        {
            throw Error($"{what} = {n} does not fit in the remaining {Remaining} bytes");
        }

        return (int)n;
    }

    public ReadOnlySpan<byte> ReadBytes(int count) => Take(count);

    /// <summary>Reads an n8-byte little-endian field modulus and checks it equals the expected one.</summary>
    public void ExpectPrime(int n8, System.Numerics.BigInteger expected, string what)
    {
        if (n8 != 32)
        {
            throw Error($"{what} element size is {n8} bytes; only BN254 (32) is supported");
        }

        System.Numerics.BigInteger p = new(Take(n8), isUnsigned: true, isBigEndian: false);
        if (p != expected)
        {
            throw Error($"{what} modulus is not BN254's ({p})");
        }
    }

    /// <summary>Canonical little-endian Fr (as in .wtns and .r1cs).</summary>
    public Fr ReadFrCanonical(string what) =>
        Fr.TryFromBytesLittleEndian(Take(Fr.ByteLength), out Fr v) ? v : throw Error($"{what} is not below r");

    /// <summary>Raw Montgomery little-endian Fr (as in .zkey).</summary>
    public Fr ReadFrMontgomery(string what)
    {
        ReadOnlySpan<byte> b = Take(Fr.ByteLength);
        try
        {
            return Fr.FromMontgomeryLimbs(b);
        }
        catch (ArgumentException)
        {
            throw Error($"{what} is not below r");
        }
    }

    /// <summary>G1 as x, y in little-endian Montgomery form; (0, 0) is infinity. Checks the curve equation when asked.</summary>
    public G1Affine ReadG1Montgomery(string what, bool checkOnCurve)
    {
        Fq x = ReadFqMontgomery(what);
        Fq y = ReadFqMontgomery(what);
        G1Affine p = new(x, y);
        if (checkOnCurve && !p.IsOnCurve)
        {
            throw Error($"{what} is not on the G1 curve");
        }

        return p;
    }

    /// <summary>G2 as x.c0, x.c1, y.c0, y.c1 in little-endian Montgomery form; (0, 0) is infinity.</summary>
    public G2Affine ReadG2Montgomery(string what, bool checkOnCurve, bool checkSubgroup)
    {
        Fq x0 = ReadFqMontgomery(what);
        Fq x1 = ReadFqMontgomery(what);
        Fq y0 = ReadFqMontgomery(what);
        Fq y1 = ReadFqMontgomery(what);
        G2Affine p = new(new Fq2(x0, x1), new Fq2(y0, y1));
        if (checkOnCurve && !p.IsOnCurve)
        {
            throw Error($"{what} is not on the G2 twist curve");
        }

        if (checkSubgroup && !p.IsInSubgroup)
        {
            throw Error($"{what} is not in the order-r subgroup of G2");
        }

        return p;
    }

    public void ExpectEnd()
    {
        if (Remaining != 0)
        {
            throw Error($"has {Remaining} unexpected trailing bytes");
        }
    }

    public ZkFormatException Error(string message) => new($"{Name}: {message}.");

    private Fq ReadFqMontgomery(string what)
    {
        ReadOnlySpan<byte> b = Take(Fq.ByteLength);
        try
        {
            return Fq.FromMontgomeryLimbs(b);
        }
        catch (ArgumentException)
        {
            throw Error($"{what} has a coordinate not below q");
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw Error($"is truncated (needed {count} more bytes at offset {_pos}, {Remaining} left)");
        }

        ReadOnlySpan<byte> span = _data.Span.Slice(_pos, count);
        _pos += count;
        return span;
    }
}
