using TrustChain.Consensus.Tendermint;
using TrustChain.Core.Blocks;

namespace TrustChain.Consensus.Driver;

/// <summary>One input of the driver's loop; only the fields of its <see cref="Kind"/> are set.</summary>
public readonly record struct DriverEvent(
    DriverEventKind Kind,
    string? Peer = null,
    ReadOnlyMemory<byte> Payload = default,
    TimeoutInfo Timeout = default,
    Block? Block = null,
    Commit? Commit = null);
