namespace TrustChain.Network.Protocol;

public enum SyncMessageType : byte
{
    /// <summary><see cref="SyncMessages.EncodeStatus"/>: the sender's head height.</summary>
    Status = 1,

    /// <summary><see cref="GetBlocksRequest"/>.</summary>
    GetBlocks = 2,

    /// <summary><see cref="BlocksResponse"/>.</summary>
    Blocks = 3,
}
