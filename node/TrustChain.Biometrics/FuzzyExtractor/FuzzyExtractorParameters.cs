using TrustChain.Biometrics.Templates;

namespace TrustChain.Biometrics.FuzzyExtractor;

/// <summary>
/// Shape of the concatenated code: each bit of a shortened BCH(2^m − 1, t) codeword is repeated
/// <see cref="Repetition"/> times across the template (copy i of bit j sits at j + i·n, so an occluded region
/// hits different codeword bits). The default, 5× repetition + BCH(511, t = 17) shortened to 409 bits, turns a
/// 12% raw error rate into ~1.4% at the BCH input (≈ 6 errors expected, 17 correctable).
/// </summary>
public sealed record FuzzyExtractorParameters
{
    public static FuzzyExtractorParameters Default { get; } = new();

    public int TemplateBits { get; init; } = PalmTemplate.DefaultBitLength;

    public int Repetition { get; init; } = 5;

    public int FieldDegree { get; init; } = 9;

    public int CorrectableErrors { get; init; } = 17;

    /// <summary>BCH length n = ⌊templateBits / repetition⌋.</summary>
    public int CodeLength => TemplateBits / Repetition;

    public void Validate()
    {
        if (TemplateBits <= 0 || TemplateBits % 64 != 0 || TemplateBits > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(TemplateBits), TemplateBits, "Template length must be a positive multiple of 64 below 65536.");
        }

        if (Repetition is < 1 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(Repetition), Repetition, "Repetition must be in [1, 255].");
        }

        if (FieldDegree is < 3 or > 14)
        {
            throw new ArgumentOutOfRangeException(nameof(FieldDegree), FieldDegree, "BCH field degree must be in [3, 14].");
        }

        if (CorrectableErrors is < 1 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(CorrectableErrors), CorrectableErrors, "Correctable errors must be in [1, 255].");
        }

        if (CodeLength > (1 << FieldDegree) - 1)
        {
            throw new ArgumentException($"Code length {CodeLength} exceeds 2^{FieldDegree} − 1; raise the repetition or the field degree.");
        }
    }
}
