using System.Security.Cryptography;
using System.Text;
using TrustChain.Biometrics.Templates;
using TrustChain.Core.Crypto;

namespace TrustChain.Biometrics.FuzzyExtractor;

/// <summary>
/// Code-offset fuzzy extractor (Dodis et al.) over repetition-inner / BCH-outer concatenated code.
/// Gen draws a random BCH message, stores offset = template ⊕ codeword and returns
/// secret = Keccak("…secret" ‖ salt ‖ message). Rep XORs the offset back, majority-votes each repetition group
/// over the bits valid in BOTH the enrolment mask and the scan mask (masked bits are erasures), and BCH-decodes.
/// A group with a tied or empty vote is an erasure; binary errors-and-erasures decoding is done the classic way
/// (decode once with erasures as 0, once as 1; with e erasures one filling has at most e/2 wrong). A check hash
/// over (salt, message) accepts only the true message, so a miscorrection is a clean failure, never a wrong secret.
/// The secret is usable directly as a Semaphore identity private key.
/// Security note: the repetition structure makes the offset leak XORs of bits within a group, so the secret's
/// entropy is bounded by the template's entropy minus that leakage; with real (correlated) palm codes this is
/// far below 256 bits. The check hash permits offline confirmation of a guessed template.
/// </summary>
public sealed class CodeOffsetExtractor
{
    public const int SecretLength = 32;
    private static readonly byte[] SecretDomain = Encoding.ASCII.GetBytes("TrustChain/palm/fe/secret/v1");
    private static readonly byte[] CheckDomain = Encoding.ASCII.GetBytes("TrustChain/palm/fe/check/v1");
    private static readonly byte[] MessageDomain = Encoding.ASCII.GetBytes("TrustChain/palm/fe/message/v1");
    private static readonly byte[] SaltDomain = Encoding.ASCII.GetBytes("TrustChain/palm/fe/salt/v1");

    private readonly BchCode _code;
    private readonly int _n;
    private readonly int _repetition;

    public CodeOffsetExtractor(FuzzyExtractorParameters? parameters = null)
    {
        Parameters = parameters ?? FuzzyExtractorParameters.Default;
        Parameters.Validate();
        _n = Parameters.CodeLength;
        _repetition = Parameters.Repetition;
        _code = new BchCode(Parameters.FieldDegree, Parameters.CorrectableErrors, _n);
    }

    public FuzzyExtractorParameters Parameters { get; }

    public BchCode Code => _code;

    /// <summary>Gen with fresh randomness from the OS CSPRNG.</summary>
    public FuzzyExtraction Generate(PalmTemplate template)
    {
        Span<byte> entropy = stackalloc byte[32];
        RandomNumberGenerator.Fill(entropy);
        return Generate(template, entropy);
    }

    /// <summary>Gen with caller-supplied 32 bytes of randomness (deterministic; for tests and reproducible studies).</summary>
    public FuzzyExtraction Generate(PalmTemplate template, ReadOnlySpan<byte> entropy32)
    {
        CheckTemplate(template);
        if (entropy32.Length != 32)
        {
            throw new ArgumentException($"Entropy must be 32 bytes, got {entropy32.Length}.", nameof(entropy32));
        }

        byte[] message = new byte[_code.MessageBits];
        ExpandBits(entropy32, message);
        byte[] salt = new byte[FuzzyHelperData.SaltLength];
        Hash(SaltDomain, entropy32, ReadOnlySpan<byte>.Empty, salt);

        byte[] codeword = new byte[_n];
        _code.Encode(message, codeword);

        ReadOnlySpan<ulong> bits = template.Bits;
        ReadOnlySpan<ulong> mask = template.Mask;
        ulong[] offset = new ulong[template.WordCount];
        for (int j = 0; j < _n; j++)
        {
            if (codeword[j] == 0)
            {
                continue;
            }

            for (int i = 0; i < _repetition; i++)
            {
                int pos = j + i * _n;
                offset[pos >> 6] |= 1UL << (pos & 63);
            }
        }

        for (int w = 0; w < offset.Length; w++)
        {
            offset[w] = (offset[w] ^ bits[w]) & mask[w];
        }

        byte[] packed = PackBits(message);
        byte[] secret = new byte[SecretLength];
        byte[] check = new byte[FuzzyHelperData.CheckLength];
        Hash(SecretDomain, salt, packed, secret);
        Hash(CheckDomain, salt, packed, check);
        return new FuzzyExtraction(secret, new FuzzyHelperData(Parameters, offset, mask.ToArray(), salt, check));
    }

    /// <summary>Rep: the enrolled secret, or <see cref="PalmMismatchException"/> if the scan is out of tolerance.</summary>
    public byte[] Reproduce(PalmTemplate scan, FuzzyHelperData helper) =>
        TryReproduce(scan, helper, out byte[]? secret)
            ? secret
            : throw new PalmMismatchException($"The scan does not reproduce the enrolled secret: more than {Parameters.CorrectableErrors} residual errors after {Parameters.Repetition}× majority voting.");

    public bool TryReproduce(PalmTemplate scan, FuzzyHelperData helper, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? secret)
    {
        ArgumentNullException.ThrowIfNull(helper);
        CheckTemplate(scan);
        if (helper.Parameters != Parameters)
        {
            throw new ArgumentException($"Helper data was made with {helper.Parameters}, this extractor uses {Parameters}.", nameof(helper));
        }

        secret = null;
        int words = scan.WordCount;
        Span<ulong> observed = stackalloc ulong[words];
        Span<ulong> usable = stackalloc ulong[words];
        ReadOnlySpan<ulong> bits = scan.Bits;
        ReadOnlySpan<ulong> scanMask = scan.Mask;
        ReadOnlySpan<ulong> offset = helper.Offset;
        ReadOnlySpan<ulong> enrolMask = helper.EnrolmentMask;
        for (int w = 0; w < words; w++)
        {
            observed[w] = bits[w] ^ offset[w];
            usable[w] = scanMask[w] & enrolMask[w];
        }

        Span<byte> word = stackalloc byte[_n];
        Span<bool> erased = stackalloc bool[_n];
        int erasures = 0;
        for (int j = 0; j < _n; j++)
        {
            int ones = 0;
            int total = 0;
            for (int i = 0; i < _repetition; i++)
            {
                int pos = j + i * _n;
                ulong bit = 1UL << (pos & 63);
                if ((usable[pos >> 6] & bit) != 0)
                {
                    total++;
                    ones += (observed[pos >> 6] & bit) != 0 ? 1 : 0;
                }
            }

            word[j] = (byte)(2 * ones > total ? 1 : 0);
            erased[j] = 2 * ones == total;
            erasures += erased[j] ? 1 : 0;
        }

        if (TryDecodeCandidate(word, helper, out secret))
        {
            return true;
        }

        if (erasures == 0)
        {
            return false;
        }

        for (int j = 0; j < _n; j++)
        {
            if (erased[j])
            {
                word[j] = 1;
            }
        }

        return TryDecodeCandidate(word, helper, out secret);
    }

    private bool TryDecodeCandidate(ReadOnlySpan<byte> received, FuzzyHelperData helper, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? secret)
    {
        secret = null;
        Span<byte> word = stackalloc byte[_n];
        received.CopyTo(word);
        if (_code.Decode(word) < 0)
        {
            return false;
        }

        Span<byte> message = stackalloc byte[_code.MessageBits];
        _code.ExtractMessage(word, message);
        byte[] packed = PackBits(message);
        Span<byte> check = stackalloc byte[FuzzyHelperData.CheckLength];
        Hash(CheckDomain, helper.Salt, packed, check);
        if (!CryptographicOperations.FixedTimeEquals(check, helper.Check))
        {
            return false;
        }

        secret = new byte[SecretLength];
        Hash(SecretDomain, helper.Salt, packed, secret);
        return true;
    }

    private void CheckTemplate(PalmTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.BitLength != Parameters.TemplateBits)
        {
            throw new ArgumentException($"Template has {template.BitLength} bits; the extractor is set up for {Parameters.TemplateBits}.", nameof(template));
        }
    }

    private static void ExpandBits(ReadOnlySpan<byte> entropy, Span<byte> bits)
    {
        var hasher = new KeccakHasher();
        Span<byte> block = stackalloc byte[32];
        Span<byte> counter = stackalloc byte[4];
        int produced = 0;
        for (uint c = 0; produced < bits.Length; c++)
        {
            hasher.Reset();
            hasher.Update(MessageDomain);
            hasher.Update(entropy);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(counter, c);
            hasher.Update(counter);
            hasher.Finish(block);
            for (int i = 0; i < 256 && produced < bits.Length; i++)
            {
                bits[produced++] = (byte)((block[i >> 3] >> (7 - (i & 7))) & 1);
            }
        }
    }

    private static byte[] PackBits(ReadOnlySpan<byte> bits)
    {
        byte[] packed = new byte[(bits.Length + 7) / 8];
        for (int i = 0; i < bits.Length; i++)
        {
            packed[i >> 3] |= (byte)(bits[i] << (7 - (i & 7)));
        }

        return packed;
    }

    private static void Hash(ReadOnlySpan<byte> domain, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> output)
    {
        var hasher = new KeccakHasher();
        hasher.Update(domain);
        hasher.Update(a);
        hasher.Update(b);
        hasher.Finish(output);
    }
}
