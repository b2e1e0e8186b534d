using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>
/// One enrolled human: its position in the set, its current identity commitment (kept after deletion so the explorer
/// can show what was erased), the enrolling operator and blocks. <see cref="DeletedBlock"/> is 0 while the human is live.
/// </summary>
public sealed record HumanRecord(ulong Index, UInt256 Commitment, ulong EnrolledBlock, Address Operator, ulong DeletedBlock)
{
    public bool IsDeleted => DeletedBlock != 0;
}
