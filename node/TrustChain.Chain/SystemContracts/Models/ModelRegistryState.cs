using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Chain.SystemContracts.Models.Fingerprints;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.SystemContracts.Models;

/// <summary>
/// The ModelRegistry's state for native code (RPC, explorer, the model host): reads without an ABI round trip. Bound
/// to the chain parameters, the Staking state (host stake, slashing, validator fees) and the optional human-proof
/// oracle; holds no state of its own.
/// </summary>
public sealed class ModelRegistryState
{
    public ModelRegistryState(ChainParameters parameters, StakingState staking, IHumanProofOracle? humanProofs = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(staking);
        Parameters = parameters;
        Staking = staking;
        HumanProofs = humanProofs;
    }

    public static Address ContractAddress => SystemContractAddresses.ModelRegistry;

    public ChainParameters Parameters { get; }

    public StakingState Staking { get; }

    /// <summary>Null when no human registry is installed: requireHuman models then cannot sell access.</summary>
    public IHumanProofOracle? HumanProofs { get; }

    /// <summary>Number of registered models; ids run 1..count.</summary>
    public ulong GetModelCount(IStateReader state) => Reader(state).Count;

    /// <summary>The model, or null when no model has this id.</summary>
    public ModelRecord? GetModel(IStateReader state, ulong modelId) => Reader(state).Get(modelId);

    /// <summary>Up to <paramref name="limit"/> models in id order, starting at the <paramref name="offset"/>-th (0-based).</summary>
    public IReadOnlyList<ModelRecord> ListModels(IStateReader state, ulong offset, ulong limit)
    {
        ModelLedger ledger = Reader(state);
        ulong count = ledger.Count;
        if (offset >= count || limit == 0)
        {
            return [];
        }

        ulong take = Math.Min(limit, count - offset);
        List<ModelRecord> models = new((int)Math.Min(take, 1024));
        for (ulong i = 0; i < take; i++)
        {
            models.Add(ledger.Get(offset + i + 1)!);
        }

        return models;
    }

    /// <summary>The user's access record (all zero when the user never bought access or the model does not exist).</summary>
    public AccessRecord GetAccess(IStateReader state, ulong modelId, Address user) => Reader(state).GetAccess(modelId, user);

    public bool IsHostAuthorized(IStateReader state, ulong modelId, Address host) => Reader(state).IsHostAuthorized(modelId, host);

    /// <summary>Ownership basis points that approved the pending authorise/revoke of the host so far.</summary>
    public ulong GetHostApprovalBps(IStateReader state, ulong modelId, Address host) => Reader(state).GetApprovalBps(modelId, host);

    /// <summary>Sum of all escrows: what the contract's balance must equal.</summary>
    public UInt256 GetTotalEscrow(IStateReader state) => Reader(state).TotalEscrow;

    /// <summary>True iff (key, response) is one of the model's registered fingerprints; false for an unknown model.</summary>
    public bool ProveOwnership(IStateReader state, ulong modelId, in Hash256 key, in Hash256 response, ReadOnlySpan<Hash256> proof)
    {
        ModelLedger ledger = Reader(state);
        return ledger.Exists(modelId)
            && KeccakMerkleTree.Verify(ledger.GetRoot(modelId), ledger.GetTerms(modelId).FingerprintCount, FingerprintPair.ComputeLeaf(key, response), proof);
    }

    /// <summary>
    /// The human-proof scope of a model: keccak256("model" ‖ uint256 modelId), i.e. Solidity's
    /// keccak256(abi.encodePacked("model", modelId)), read as a big-endian uint256.
    /// </summary>
    public static UInt256 HumanScope(in UInt256 modelId)
    {
        Span<byte> preimage = stackalloc byte[5 + 32];
        "model"u8.CopyTo(preimage);
        modelId.ToBigEndian(preimage[5..]);
        return Keccak256.Compute(preimage).ToUInt256();
    }

    internal static ModelLedger Ledger(ContractStorage storage) => new(storage);

    private static ModelLedger Reader(IStateReader state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new ModelLedger(new ContractStorage(state, ContractAddress));
    }
}
