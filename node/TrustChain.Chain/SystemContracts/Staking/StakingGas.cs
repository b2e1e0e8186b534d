namespace TrustChain.Chain.SystemContracts.Staking;

/// <summary>
/// Gas per Staking method, on top of the transaction's intrinsic gas. Priced by the storage words each method may
/// touch (about 5,000 per write, 800 per read) plus a margin; list-returning methods add a price per item.
/// </summary>
public static class StakingGas
{
    public const ulong Stake = 60_000;
    public const ulong StakeValidator = 90_000;
    public const ulong Unstake = 60_000;
    public const ulong Withdraw = 25_000;
    public const ulong WithdrawPerEntry = 12_000;
    public const ulong ClaimRewards = 30_000;
    public const ulong Unjail = 30_000;
    public const ulong View = 2_500;
    public const ulong ListView = 2_500;
    public const ulong ListViewPerItem = 1_600;
}
