using System.Numerics;

namespace TrustChain.Zk.Tests.Groth16;

/// <summary>What semaphore-prove.mjs produced for one tree depth.</summary>
public sealed record SemaphoreRun(
    int Depth,
    string ZkeyPath,
    string WtnsPath,
    string VkPath,
    BigInteger[] Points,
    string[] PublicSignals,
    string Message,
    string Scope);
