namespace TrustChain.Consensus.Wal;

public enum WalEntryKind : byte
{
    Message = 1,
    Timeout = 2,
    EndHeight = 3,
}
