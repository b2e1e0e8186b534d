namespace TrustChain.Chain.Abi;

public enum StateMutability
{
    Pure,
    View,
    NonPayable,
    Payable,
}
