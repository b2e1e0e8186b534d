namespace TrustChain.Node.Config;

/// <summary>How log events are written to the console.</summary>
public enum LogFormat
{
    /// <summary>One human-readable line per event.</summary>
    Console,

    /// <summary>One JSON object per line (for log shippers).</summary>
    Json,
}
