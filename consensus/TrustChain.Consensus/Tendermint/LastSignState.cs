using TrustChain.Core;

namespace TrustChain.Consensus.Tendermint;

/// <summary>
/// The last message a private validator signed: its (height, round, step), the hash of the signed bytes and the
/// signature (returned again when the identical message is requested, e.g. during WAL replay).
/// </summary>
public sealed record LastSignState(ulong Height, int Round, ConsensusStep Step, Hash256 SignBytesHash, byte[] Signature);
