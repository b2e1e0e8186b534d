using TrustChain.Chain.State;
using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Models;

/// <summary>
/// Answers whether <paramref name="user"/> has a recorded human proof (a used Semaphore nullifier) for a scope; the
/// HumanRegistry implements it. requireHuman models use scope <see cref="ModelRegistryState.HumanScope"/>.
/// </summary>
public interface IHumanProofOracle
{
    bool HasHumanProof(IStateReader state, Address user, UInt256 scope);
}
