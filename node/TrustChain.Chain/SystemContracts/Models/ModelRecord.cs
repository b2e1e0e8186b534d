using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Models;

/// <summary>A registered model as stored on chain.</summary>
public sealed record ModelRecord(
    ulong Id,
    Address Registrant,
    Hash256 WeightsHash,
    Hash256 FingerprintRoot,
    uint FingerprintCount,
    string Uri,
    UInt256 PricePerCall,
    IReadOnlyList<ModelOwner> Owners,
    ushort HostBps,
    ushort ValidatorBps,
    bool RequireHuman,
    ulong RegisteredAt,
    ModelStatus Status);
