namespace TrustChain.Rpc.Modules.Eth;

public enum CallOutcomeKind
{
    Success,
    Reverted,
    OutOfGas,
    IntrinsicGasTooLow,
    NoCode,
}
