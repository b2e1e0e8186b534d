namespace TrustChain.Chain.SystemContracts;

/// <summary>
/// A method's price: <see cref="Fixed"/> plus <see cref="PerByte"/> × argument bytes, charged before the handler runs;
/// <see cref="PerItem"/> is charged by the handler through <see cref="SystemContractContext.ChargeItems"/> for the
/// items it actually processes (array elements, tags, …). Fixed prices keep eth_estimateGas exact.
/// </summary>
public readonly record struct GasCost(ulong Fixed, ulong PerItem = 0, ulong PerByte = 0)
{
    public static implicit operator GasCost(ulong fixedCost) => new(fixedCost);
}
