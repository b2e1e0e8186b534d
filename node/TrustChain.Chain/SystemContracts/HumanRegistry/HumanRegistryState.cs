using TrustChain.Chain.Abi;
using TrustChain.Chain.Execution;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Zk.LeanImt;

using TrustChain.Chain.SystemContracts.Models;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>
/// The HumanRegistry's state for native readers (RPC trust_*, explorer, CLI, provers), without an ABI round trip. Every
/// method reads the given state only; pass the head state or the state at a block. Commitments, roots, scopes and
/// nullifiers are 256-bit words exactly as in the ABI. Also the chain's <see cref="IHumanSetRootProvider"/>: a header's
/// humanSetRoot is the set's LeanIMT root after the block (zero while the set is empty).
/// </summary>
public sealed class HumanRegistryState : IHumanSetRootProvider, IHumanProofOracle
{
    public HumanRegistryState(ChainParameters parameters, HumanVerificationKeys verificationKeys)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(verificationKeys);
        Parameters = parameters;
        VerificationKeys = verificationKeys;
    }

    public static Address ContractAddress => SystemContractAddresses.HumanRegistry;

    public ChainParameters Parameters { get; }

    /// <summary>The Groth16 keys verifyHuman accepts; register TrustChain keys before the chain opens.</summary>
    public HumanVerificationKeys VerificationKeys { get; }

    /// <summary>Number of leaves, deleted ones included (a deleted human keeps its position with leaf 0).</summary>
    public ulong GetSize(IStateReader state) => Reader(state).Size;

    /// <summary>ceil(log2(size)): the smallest Semaphore circuit depth that can prove membership (use at least 1).</summary>
    public int GetDepth(IStateReader state) => Reader(state).Depth;

    /// <summary>The LeanIMT root (@zk-kit/lean-imt's and Semaphore's Group.root for the same leaves); zero when empty.</summary>
    public UInt256 GetRoot(IStateReader state) => Reader(state).Root;

    public Hash256 GetHumanSetRoot(IStateReader postState)
    {
        UInt256 root = GetRoot(postState);
        Span<byte> word = stackalloc byte[32];
        root.ToBigEndian(word);
        return new Hash256(word);
    }

    /// <exception cref="ArgumentOutOfRangeException">No human at that index.</exception>
    public HumanRecord GetHuman(IStateReader state, ulong index)
    {
        HumanLedger ledger = Reader(state);
        ulong size = ledger.Size;
        return index < size
            ? ledger.GetHuman(index)
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"there is no human #{index}: the set has {size} members");
    }

    /// <summary>
    /// The index of the human that holds, or held, the commitment (deleted, or replaced by a recovery); null when the
    /// commitment was never enrolled. Compare with <see cref="GetHuman"/>'s commitment to tell current from retired.
    /// </summary>
    public ulong? FindByCommitment(IStateReader state, UInt256 commitment) => Reader(state).IndexOf(commitment);

    /// <summary>
    /// The membership proof for a live commitment in @zk-kit/lean-imt's shape {root, leaf, index, siblings} (what
    /// Semaphore's generateProof takes as its group argument's proof); null when the commitment is not a live member.
    /// </summary>
    public LeanImtProof? GetMerkleProof(IStateReader state, UInt256 commitment) => Reader(state).GetMerkleProof(commitment);

    /// <summary>Whether a proof may use <paramref name="root"/> in block <paramref name="blockNumber"/>.</summary>
    public bool IsKnownRoot(IStateReader state, UInt256 root, ulong blockNumber) => Reader(state).IsKnownRoot(root, blockNumber);

    /// <summary>The current root first, then past roots newest first that are still usable at <paramref name="blockNumber"/>.</summary>
    public IReadOnlyList<RootHistoryEntry> GetRootHistory(IStateReader state, ulong blockNumber, int limit = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Reader(state).GetRootHistory(blockNumber, limit);
    }

    /// <summary>Whether verifyHuman already consumed (scope, nullifier); scope is the raw value, not its hash.</summary>
    public bool IsNullifierUsed(IStateReader state, UInt256 scope, UInt256 nullifier) => Reader(state).IsNullifierUsed(scope, nullifier);

    /// <summary>
    /// True when a proof verified on chain in <paramref name="scope"/> carried <paramref name="user"/>'s address as its
    /// message (e.g. a buyer of a requireHuman model proving in scope keccak("model", id) with message = its address).
    /// </summary>
    public bool HasHumanProof(IStateReader state, Address user, UInt256 scope) =>
        Reader(state).IsMessageVerified(scope, new UInt256(user.Bytes));

    /// <summary>
    /// The human sharing the most of <paramref name="tags"/> at <paramref name="blockNumber"/> (tags of humans deleted at
    /// least deletionCooloffBlocks earlier are free); a duplicate when Matches ≥ <see cref="ChainParameters.DedupMatch"/>.
    /// </summary>
    public DuplicateMatch? FindDuplicate(IStateReader state, IReadOnlyList<Hash256> tags, ulong blockNumber)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return Reader(state).FindDuplicate(tags, blockNumber);
    }

    public PendingRecovery? GetPendingRecovery(IStateReader state, ulong index) => Reader(state).GetRecovery(index);

    /// <summary>
    /// The checks of verifyHuman without the fee: null when the proof would be accepted in block
    /// <paramref name="blockNumber"/>, else the revert reason. Never throws for a bad proof.
    /// </summary>
    public string? CheckProof(IStateReader state, HumanProof proof, ulong blockNumber)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return Reader(state).CheckProof(proof, blockNumber);
    }

    internal HumanLedger Ledger(ContractStorage storage, Action<AbiEvent, object?[]>? emit, Action<ulong>? useGas = null,
        WorldState? prefetchState = null) =>
        new(storage, Parameters, VerificationKeys, emit, useGas, prefetchState);

    private HumanLedger Reader(IStateReader state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new HumanLedger(new ContractStorage(state, ContractAddress), Parameters, VerificationKeys, null);
    }
}
