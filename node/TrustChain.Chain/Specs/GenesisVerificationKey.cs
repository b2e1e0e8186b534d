using TrustChain.Zk.Groth16;

namespace TrustChain.Chain.Specs;

/// <summary>A Groth16 key of TrustChain's native Semaphore circuit for one tree depth, from genesis.json's humanVerificationKeys.</summary>
public sealed record GenesisVerificationKey(int Depth, VerificationKey Key);
