using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts;

/// <summary>The fixed addresses of the native contracts (DESIGN §4).</summary>
public static class SystemContractAddresses
{
    public static readonly Address Staking = Address.Parse("0x0000000000000000000000000000000000001000");
    public static readonly Address HumanRegistry = Address.Parse("0x0000000000000000000000000000000000001001");
    public static readonly Address CredentialRegistry = Address.Parse("0x0000000000000000000000000000000000001002");
    public static readonly Address ModelRegistry = Address.Parse("0x0000000000000000000000000000000000001003");
}
