using TrustChain.Core;

namespace TrustChain.Biometrics.Lsh;

/// <summary>Counts tag collisions the way the chain does: a set intersection of two tag lists.</summary>
public static class DedupMatcher
{
    public static int CountMatches(IReadOnlyCollection<Hash256> candidate, IReadOnlyCollection<Hash256> existing)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(existing);
        var set = new HashSet<Hash256>(existing);
        int matches = 0;
        foreach (Hash256 tag in candidate)
        {
            if (set.Remove(tag))
            {
                matches++;
            }
        }

        return matches;
    }

    /// <summary>Duplicate when at least <paramref name="dedupMatch"/> tags collide (ChainParameters.DedupMatch).</summary>
    public static bool IsDuplicate(IReadOnlyCollection<Hash256> candidate, IReadOnlyCollection<Hash256> existing, int dedupMatch)
    {
        if (dedupMatch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dedupMatch), dedupMatch, "dedupMatch must be at least 1.");
        }

        return CountMatches(candidate, existing) >= dedupMatch;
    }

    /// <summary>Tags for every band of a template.</summary>
    public static Hash256[] Tags(IReadOnlyList<BandInput> bands, IBandTagger tagger)
    {
        ArgumentNullException.ThrowIfNull(bands);
        ArgumentNullException.ThrowIfNull(tagger);
        var tags = new Hash256[bands.Count];
        for (int i = 0; i < tags.Length; i++)
        {
            tags[i] = tagger.Tag(bands[i]);
        }

        return tags;
    }
}
