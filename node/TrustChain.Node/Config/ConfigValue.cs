namespace TrustChain.Node.Config;

/// <summary>A raw setting and where it came from (for error messages).</summary>
public readonly record struct ConfigValue(string Raw, string Source);
