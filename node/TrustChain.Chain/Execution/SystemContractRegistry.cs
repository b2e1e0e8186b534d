using System.Diagnostics.CodeAnalysis;
using TrustChain.Core;

namespace TrustChain.Chain.Execution;

/// <summary>Maps fixed addresses to native contracts. Populated once at node start; read-only afterwards.</summary>
public sealed class SystemContractRegistry
{
    private readonly Dictionary<Address, ISystemContract> _contracts = new();

    public int Count => _contracts.Count;

    public IEnumerable<ISystemContract> Contracts => _contracts.Values;

    public void Register(ISystemContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (!_contracts.TryAdd(contract.Address, contract))
        {
            throw new InvalidOperationException($"A system contract is already registered at {contract.Address}.");
        }
    }

    public bool TryGet(Address address, [NotNullWhen(true)] out ISystemContract? contract) => _contracts.TryGetValue(address, out contract);

    public bool IsSystemContract(Address address) => _contracts.ContainsKey(address);
}
