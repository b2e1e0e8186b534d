using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>
/// Stores the commitment to the node's TrustChain verification keys (<see cref="HumanVerificationKeys.Commitment"/>)
/// in the HumanRegistry's storage at genesis. The keys decide which verifyHuman calls succeed, so two nodes with
/// different keys get different genesis state roots and refuse each other's chain from block 0. Without extra keys
/// nothing is written.
/// </summary>
public sealed class HumanGenesisInitializer : IGenesisInitializer
{
    /// <summary>The slot holding keccak256 of the registered keys (see <see cref="HumanVerificationKeys.Commitment"/>).</summary>
    public static readonly StorageSlot KeysCommitmentSlot = StorageSlot.Named("human.verificationKeys.commitment");

    private readonly HumanVerificationKeys _keys;

    public HumanGenesisInitializer(HumanVerificationKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys;
    }

    public void Initialize(WorldState state, ChainSpec spec)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(spec);
        if (_keys.Commitment() is { } commitment)
        {
            new ContractStorage(state, SystemContractAddresses.HumanRegistry, readOnly: false).SetHash(KeysCommitmentSlot, commitment);
        }
    }
}
