using TrustChain.Core;

namespace TrustChain.Biometrics.Lsh;

/// <summary>Turns a band into its 32-byte dedup tag. Equal bands give equal tags; the tag includes the band index.</summary>
public interface IBandTagger
{
    Hash256 Tag(in BandInput band);
}
