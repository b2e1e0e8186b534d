namespace TrustChain.Consensus.Sync;

/// <summary>A peer that serves blocks, with the head height it last announced.</summary>
public readonly record struct SyncPeer(string Id, ulong Head);
