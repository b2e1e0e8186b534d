namespace TrustChain.Chain.Abi;

/// <summary>The JSON ABI spellings ("pure", "view", "nonpayable", "payable").</summary>
public static class StateMutabilityNames
{
    public static string ToJsonName(this StateMutability mutability) => mutability switch
    {
        StateMutability.Pure => "pure",
        StateMutability.View => "view",
        StateMutability.NonPayable => "nonpayable",
        StateMutability.Payable => "payable",
        _ => throw new ArgumentOutOfRangeException(nameof(mutability)),
    };

    public static StateMutability Parse(string name) => name switch
    {
        "pure" => StateMutability.Pure,
        "view" => StateMutability.View,
        "nonpayable" => StateMutability.NonPayable,
        "payable" => StateMutability.Payable,
        _ => throw new AbiException($"unknown stateMutability '{name}'"),
    };

    public static bool IsReadOnly(this StateMutability mutability) => mutability is StateMutability.Pure or StateMutability.View;
}
