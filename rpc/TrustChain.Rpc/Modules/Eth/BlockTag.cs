namespace TrustChain.Rpc.Modules.Eth;

/// <summary>What a block parameter names. Finality is immediate, so latest, safe and finalized are one block.</summary>
public enum BlockTag
{
    Number,
    Hash,
    Latest,
    Safe,
    Finalized,
    Earliest,
    Pending,
}
