using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Models;

/// <summary>An owner of a model and its share of every payment, in basis points of the whole payment.</summary>
public readonly record struct ModelOwner(Address Account, ushort Bps);
