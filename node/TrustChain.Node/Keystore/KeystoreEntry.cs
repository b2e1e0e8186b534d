using TrustChain.Core;

namespace TrustChain.Node.Keystore;

/// <summary>One keystore file found in a keystore directory.</summary>
public sealed record KeystoreEntry(Address Address, string Path);
