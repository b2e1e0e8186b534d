using TrustChain.Chain.Abi;

namespace TrustChain.Chain.SystemContracts;

/// <summary>One dispatchable function of a system contract: its ABI, its price, its body and its NatSpec notice.</summary>
public sealed class SystemMethod
{
    internal SystemMethod(AbiFunction function, GasCost gas, SystemMethodHandler handler, string? notice)
    {
        Function = function;
        Gas = gas;
        Handler = handler;
        Notice = notice;
    }

    public AbiFunction Function { get; }

    public GasCost Gas { get; }

    public SystemMethodHandler Handler { get; }

    public string? Notice { get; }

    public bool IsPayable => Function.StateMutability == StateMutability.Payable;

    public bool IsReadOnly => Function.StateMutability.IsReadOnly();
}
