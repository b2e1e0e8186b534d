using TrustChain.Chain.Execution;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using TrustChain.Core.Rlp;

namespace TrustChain.Chain.Blocks;

/// <summary>
/// Block 0 from the chain spec: the alloc as state, no transactions, base fee at the floor. Deterministic in the
/// spec alone, so a node can recompute it to check a data dir belongs to the spec's chain.
/// Genesis validator stakes are not credited to any account here: modules such as Staking record them through
/// <see cref="IGenesisInitializer"/>s, so Blocks does not depend on any system contract.
/// </summary>
public static class GenesisBuilder
{
    /// <param name="emptyState">An overlay on <see cref="StateDatabase.EmptyRoot"/>; receives the alloc.</param>
    /// <param name="initializers">Run in order after the alloc, before the state root is taken.</param>
    public static Block Build(ChainSpec spec, WorldState emptyState, Hash256 validatorsHash, IHumanSetRootProvider humanSetRoot,
        IReadOnlyList<IGenesisInitializer>? initializers = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(emptyState);
        ArgumentNullException.ThrowIfNull(humanSetRoot);
        if (emptyState.StateRoot != StateDatabase.EmptyRoot)
        {
            throw new ArgumentException($"genesis state must start empty, overlay is on {emptyState.StateRoot}", nameof(emptyState));
        }

        for (int i = 0; i < spec.Alloc.Count; i++)
        {
            emptyState.AddBalance(spec.Alloc[i].Address, spec.Alloc[i].Balance);
        }

        if (initializers is not null)
        {
            for (int i = 0; i < initializers.Count; i++)
            {
                initializers[i].Initialize(emptyState, spec);
            }
        }

        BlockHeader header = new()
        {
            ParentHash = GenesisParentHash(spec),
            Number = 0,
            Timestamp = spec.GenesisTimestamp,
            Proposer = Address.Zero,
            StateRoot = emptyState.ComputeRoot(),
            TransactionsRoot = MerkleRoots.EmptyRoot,
            ReceiptsRoot = MerkleRoots.EmptyRoot,
            LogsBloom = new Bloom(),
            GasLimit = spec.GasLimit,
            GasUsed = 0,
            BaseFeePerGas = FeeMarket.GenesisBaseFee(spec.Parameters),
            ValidatorsHash = validatorsHash,
            NextValidatorsHash = validatorsHash,
            LastCommitHash = Hash256.Zero,
            HumanSetRoot = humanSetRoot.GetHumanSetRoot(emptyState),
        };
        return new Block(header, [], null, []);
    }

    /// <summary>
    /// Block 0 has no parent, so its parent-hash slot commits to what neither the header nor the genesis state covers: the
    /// chain id, the network name, the spec's extra data, the system parameters and the prover committee. Without it,
    /// two networks whose genesis differs only there would share a genesis hash: a data dir of one would open as the
    /// other, and nodes with different parameters would peer and fork at the first block that reads them.
    /// </summary>
    public static Hash256 GenesisParentHash(ChainSpec spec) =>
        Keccak256.Compute(Rlp.EncodeList(
            Rlp.Encode("trustchain-genesis"u8),
            Rlp.Encode(spec.ChainId),
            Rlp.Encode(System.Text.Encoding.UTF8.GetBytes(spec.Name)),
            Rlp.Encode(spec.ExtraData),
            Rlp.Encode(ChainSpecCommitment.ParametersHash(spec.Parameters).Bytes),
            Rlp.Encode(ChainSpecCommitment.ProverCommitteeHash(spec.ProverCommittee).Bytes)));
}
