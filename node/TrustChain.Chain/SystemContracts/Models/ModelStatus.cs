namespace TrustChain.Chain.SystemContracts.Models;

/// <summary>A model's registration status; a uint8 in the ABI.</summary>
public enum ModelStatus : byte
{
    None = 0,
    Active = 1,

    /// <summary>Struck as a copy of an earlier model in the challenge window: no new access, no settlement, escrows refundable.</summary>
    Struck = 2,
}
