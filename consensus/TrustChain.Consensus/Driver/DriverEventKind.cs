namespace TrustChain.Consensus.Driver;

public enum DriverEventKind : byte
{
    PeerMessage = 1,
    Timeout = 2,
    DecidedBlock = 3,
    GossipTick = 4,
    SkipCommitWait = 5,
}
