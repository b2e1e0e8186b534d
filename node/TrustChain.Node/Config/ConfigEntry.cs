namespace TrustChain.Node.Config;

/// <summary>One line of `config show`: the key, its (redacted) effective value and where it came from.</summary>
public sealed record ConfigEntry(ConfigKey Key, string? Value, string Source, bool IsDefault);
