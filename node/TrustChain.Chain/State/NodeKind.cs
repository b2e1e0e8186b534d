namespace TrustChain.Chain.State;

internal enum NodeKind : byte
{
    Empty = 0,
    Leaf = 1,
    Internal = 2,
}
