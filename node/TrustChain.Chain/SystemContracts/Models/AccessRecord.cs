using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Models;

/// <summary>
/// A user's permission on a model: calls bought in total, calls settled (paid to the model's parties), the escrow still
/// held (always (bought − settled) × price: a refund sets bought to settled) and the block from which the escrow is
/// refundable.
/// </summary>
public readonly record struct AccessRecord(ulong CallsBought, ulong CallsSettled, UInt256 Escrow, ulong ExpiryBlock);
