using TrustChain.Chain.State;
using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Core;

namespace TrustChain.Chain.Tests.SystemContracts.Models;

/// <summary>Stands in for the HumanRegistry (built in parallel): answers from a list of (user, scope) proofs.</summary>
internal sealed class AllowListHumanOracle : IHumanProofOracle
{
    private readonly HashSet<(Address, UInt256)> _proofs = [];

    public void Add(Address user, UInt256 scope) => _proofs.Add((user, scope));

    public bool HasHumanProof(IStateReader state, Address user, UInt256 scope) => _proofs.Contains((user, scope));
}
