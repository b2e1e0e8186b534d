using System.Buffers.Binary;
using System.Text;
using TrustChain.Biometrics.Templates;
using TrustChain.Core.Crypto;

namespace TrustChain.Biometrics.Lsh;

/// <summary>
/// The network-wide LSH layout: <see cref="Bands"/> bands of <see cref="BandBits"/> distinct template positions,
/// drawn from Keccak("TrustChain/palm/bands/v1" ‖ seed ‖ counter u32 BE) as 32-bit words with rejection sampling,
/// so every node derives the same layout from the genesis seed (ChainParameters.PalmBandSeed).
/// When bands·bandBits fits in the template every position is used at most once overall, so band matches of a
/// genuine re-scan are independent and the binomial model of the study holds (overlapping bands would correlate
/// them and fatten the missed-duplicate tail); otherwise positions are only distinct within a band.
/// The first k bands do not depend on how many follow (as long as both layouts are disjoint, or both are not),
/// so a k-band layout is a prefix of a larger one.
/// </summary>
public sealed class PalmBandLayout
{
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("TrustChain/palm/bands/v1");
    private readonly int[] _positions; // band-major

    public PalmBandLayout(ReadOnlySpan<byte> seed32, int bands, int bandBits, int templateBits = PalmTemplate.DefaultBitLength)
    {
        if (seed32.Length != 32)
        {
            throw new ArgumentException($"Band seed must be 32 bytes, got {seed32.Length}.", nameof(seed32));
        }

        if (bands is < 1 or > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(bands), bands, "Band count must be in [1, 65535].");
        }

        if (bandBits < 1 || bandBits > 64 || bandBits > templateBits)
        {
            throw new ArgumentOutOfRangeException(nameof(bandBits), bandBits, "Band width must be in [1, 64] and not exceed the template length.");
        }

        if (templateBits <= 0 || templateBits % 64 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(templateBits), templateBits, "Template length must be a positive multiple of 64.");
        }

        Bands = bands;
        BandBits = bandBits;
        TemplateBits = templateBits;
        _positions = new int[bands * bandBits];

        var stream = new WordStream(seed32);
        uint limit = (uint)(4294967296UL / (ulong)templateBits * (ulong)templateBits - 1);
        bool[] taken = new bool[templateBits];
        bool disjoint = (long)bands * bandBits <= templateBits;
        for (int band = 0; band < bands; band++)
        {
            if (!disjoint)
            {
                Array.Clear(taken);
            }

            for (int i = 0; i < bandBits;)
            {
                uint word = stream.Next();
                if (word > limit)
                {
                    continue;
                }

                int pos = (int)(word % (uint)templateBits);
                if (taken[pos])
                {
                    continue;
                }

                taken[pos] = true;
                _positions[band * bandBits + i++] = pos;
            }
        }
    }

    public int Bands { get; }

    public int BandBits { get; }

    public int TemplateBits { get; }

    public ReadOnlySpan<int> Positions(int band)
    {
        if ((uint)band >= (uint)Bands)
        {
            throw new ArgumentOutOfRangeException(nameof(band), band, $"Band must be in [0, {Bands}).");
        }

        return _positions.AsSpan(band * BandBits, BandBits);
    }

    /// <summary>Band values of a template (one per band). Mask bits are not consulted: the sensor's value is used as is.</summary>
    public void BandValues(PalmTemplate template, Span<ulong> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.BitLength != TemplateBits)
        {
            throw new ArgumentException($"Template has {template.BitLength} bits; the layout is for {TemplateBits}.", nameof(template));
        }

        if (values.Length != Bands)
        {
            throw new ArgumentException($"Need room for {Bands} band values, got {values.Length}.", nameof(values));
        }

        ReadOnlySpan<ulong> bits = template.Bits;
        for (int band = 0; band < Bands; band++)
        {
            ReadOnlySpan<int> positions = _positions.AsSpan(band * BandBits, BandBits);
            ulong value = 0;
            for (int i = 0; i < positions.Length; i++)
            {
                int pos = positions[i];
                value |= ((bits[pos >> 6] >> (pos & 63)) & 1) << i;
            }

            values[band] = value;
        }
    }

    public BandInput[] BandInputs(PalmTemplate template)
    {
        ulong[] values = new ulong[Bands];
        BandValues(template, values);
        var inputs = new BandInput[Bands];
        for (int band = 0; band < Bands; band++)
        {
            inputs[band] = new BandInput(band, BandBits, values[band]);
        }

        return inputs;
    }

    private sealed class WordStream
    {
        private readonly byte[] _seed;
        private readonly byte[] _block = new byte[32];
        private uint _counter;
        private int _used = 8;

        public WordStream(ReadOnlySpan<byte> seed) => _seed = seed.ToArray();

        public uint Next()
        {
            if (_used == 8)
            {
                var hasher = new KeccakHasher();
                hasher.Update(Domain);
                hasher.Update(_seed);
                Span<byte> counter = stackalloc byte[4];
                BinaryPrimitives.WriteUInt32BigEndian(counter, _counter++);
                hasher.Update(counter);
                hasher.Finish(_block);
                _used = 0;
            }

            return BinaryPrimitives.ReadUInt32BigEndian(_block.AsSpan(4 * _used++));
        }
    }
}
