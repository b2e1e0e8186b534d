namespace TrustChain.Network;

/// <summary>
/// How bad a reported offence is; the value is the number of score points it costs. A peer whose score reaches
/// <see cref="P2PConfig.BanScoreThreshold"/> (100 by default) is disconnected and banned.
/// </summary>
public enum MisbehaviourSeverity
{
    /// <summary>Possibly an honest mistake (a stale or useless message).</summary>
    Minor = 10,

    /// <summary>Clearly wrong but maybe a bug (an invalid but well-formed message).</summary>
    Major = 40,

    /// <summary>Provably hostile (a bad signature, an undecodable message): ban at once.</summary>
    Fatal = 100,
}
