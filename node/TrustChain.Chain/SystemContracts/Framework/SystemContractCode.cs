namespace TrustChain.Chain.SystemContracts;

/// <summary>What eth_getCode reports at a system address.</summary>
public static class SystemContractCode
{
    /// <summary>
    /// PUSH1 0 PUSH1 0 REVERT: non-empty, so wallets and ethers treat the address as a contract, and an EVM that
    /// ever ran it would revert cleanly with empty data rather than act on a native contract's behalf.
    /// </summary>
    public static ReadOnlySpan<byte> Marker => [0x60, 0x00, 0x60, 0x00, 0xfd];
}
