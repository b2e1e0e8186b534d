namespace TrustChain.Chain.Abi;

public enum AbiTypeKind
{
    UInt,
    Int,
    Address,
    Bool,
    FixedBytes,
    Bytes,
    String,
    Array,
    FixedArray,
    Tuple,
}
