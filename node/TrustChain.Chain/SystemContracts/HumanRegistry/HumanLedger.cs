using System.Numerics;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Zk.BabyJubJub;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Groth16;
using TrustChain.Zk.LeanImt;
using TrustChain.Zk.Semaphore;
using TrustChain.Zk.Snarkjs;
using PoseidonHash = TrustChain.Zk.Poseidon.Poseidon;
using static TrustChain.Chain.SystemContracts.ContractGuard;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>
/// The HumanRegistry's storage layout and rules, shared by the ABI methods and the native read API. Every rule failure
/// throws <see cref="ContractRevertException"/> before anything is written, so a revert never leaves partial state
/// even without the dispatcher's snapshot. Indices, blocks and counters that may legitimately be 0 are stored + 1.
/// </summary>
internal sealed class HumanLedger
{
    /// <summary>Expired root-history entries dropped per root change: more than the one added, so the queue stays bounded.</summary>
    private const int PrunePerChange = 2;

    private const ulong MaxMembers = 1UL << LeanImtTree.MaxDepth;

    private static readonly StorageMap CommitmentMap = StorageMap.Named("human.commitment");
    private static readonly StorageMap EnrolledMap = StorageMap.Named("human.enrolledBlock");
    private static readonly StorageMap OperatorMap = StorageMap.Named("human.operator");
    private static readonly StorageMap DeletedMap = StorageMap.Named("human.deletedBlock");
    private static readonly StorageMap RetiredMap = StorageMap.Named("human.retired");
    private static readonly StorageMap RecoveryCommitmentMap = StorageMap.Named("human.recovery.commitment");
    private static readonly StorageMap RecoveryBlockMap = StorageMap.Named("human.recovery.executeBlock");
    private static readonly StorageMap RecoveryOperatorMap = StorageMap.Named("human.recovery.operator");
    private static readonly StorageMap ReservedMap = StorageMap.Named("human.recovery.reserved");
    private static readonly StorageMap RootLastMap = StorageMap.Named("human.root.lastCurrent");
    private static readonly StorageMap RootQueueRootMap = StorageMap.Named("human.root.queue.root");
    private static readonly StorageMap RootQueueBlockMap = StorageMap.Named("human.root.queue.block");
    private static readonly StorageSlot RootQueueHeadSlot = StorageSlot.Named("human.root.queue.head");
    private static readonly StorageSlot RootQueueTailSlot = StorageSlot.Named("human.root.queue.tail");
    private static readonly StorageMap NullifierMap = StorageMap.Named("human.nullifier");
    private static readonly StorageMap VerifiedMessageMap = StorageMap.Named("human.verified.message");

    private readonly ContractStorage _storage;
    private readonly ChainParameters _parameters;
    private readonly HumanVerificationKeys _keys;
    private readonly Action<AbiEvent, object?[]>? _emit;
    private readonly Action<ulong>? _useGas;
    private readonly LeanImtTree _tree;
    private readonly DedupTagOwners _tagOwners;
    private readonly PendingHumanLeaves _pending;
    private readonly WorldState? _prefetchState;

    /// <param name="useGas">Charges gas for reads whose number depends on state (dedup tag owners); null for native readers.</param>
    /// <param name="prefetchState">The state under <paramref name="storage"/> when it can batch reads (execution); null otherwise.</param>
    public HumanLedger(ContractStorage storage, ChainParameters parameters, HumanVerificationKeys keys, Action<AbiEvent, object?[]>? emit,
        Action<ulong>? useGas = null, WorldState? prefetchState = null)
    {
        _prefetchState = prefetchState;
        _storage = storage;
        _parameters = parameters;
        _keys = keys;
        _emit = emit;
        _useGas = useGas;
        _tree = new LeanImtTree(new StorageLeanImtNodeStore(storage));
        _tagOwners = new DedupTagOwners(storage);
        _pending = new PendingHumanLeaves(storage);
    }

    /// <summary>Humans enrolled so far, including this block's enrolments that the tree takes at the block's end.</summary>
    public ulong Size => _tree.Size + _pending.Count;

    public int Depth => _tree.Depth;

    public UInt256 Root => FieldWords.ToWord(_tree.Root);

    public HumanRecord GetHuman(ulong index) => new(
        index,
        _storage.GetUInt256(CommitmentMap[index]),
        _storage.GetUInt64(EnrolledMap[index]),
        _storage.GetAddress(OperatorMap[index]),
        _storage.GetUInt64(DeletedMap[index]));

    /// <summary>The human whose current commitment this is, while it is live.</summary>
    public ulong? FindLive(in UInt256 commitment)
    {
        if (!FieldWords.TryToFr(commitment, out Fr leaf))
        {
            return null;
        }

        if (_tree.IndexOf(leaf) is var index and >= 0)
        {
            return (ulong)index;
        }

        return !leaf.IsZero && _pending.TryGetIndex(leaf, out ulong pending) ? pending : null;
    }

    /// <summary>The human that held this commitment before deleting or replacing it.</summary>
    public ulong? FindRetired(in UInt256 commitment) => Stored(RetiredMap[commitment]);

    public ulong? IndexOf(in UInt256 commitment) => FindLive(commitment) ?? FindRetired(commitment);

    /// <summary>Null for a commitment that is not live, or (inside a block only) not yet in the tree.</summary>
    public LeanImtProof? GetMerkleProof(in UInt256 commitment) =>
        FindLive(commitment) is { } index && index < _tree.Size ? _tree.GenerateProof(index) : null;

    public PendingRecovery? GetRecovery(ulong index)
    {
        UInt256 commitment = _storage.GetUInt256(RecoveryCommitmentMap[index]);
        return commitment.IsZero
            ? null
            : new PendingRecovery(index, commitment, _storage.GetUInt64(RecoveryBlockMap[index]), _storage.GetAddress(RecoveryOperatorMap[index]));
    }

    public bool IsNullifierUsed(in UInt256 scope, in UInt256 nullifier) => _storage.GetBool(NullifierMap.Map(scope)[nullifier]);

    /// <summary>The current root, or a past one last current at most rootHistoryBlocks before <paramref name="blockNumber"/>.</summary>
    public bool IsKnownRoot(in UInt256 root, ulong blockNumber)
    {
        if (root.IsZero)
        {
            return false;
        }

        if (root == Root)
        {
            return true;
        }

        ulong last = _storage.GetUInt64(RootLastMap[root]);
        return last != 0 && InWindow(last - 1, blockNumber);
    }

    /// <summary>The current root, then past roots newest first, while they are inside the window at <paramref name="blockNumber"/>.</summary>
    public List<RootHistoryEntry> GetRootHistory(ulong blockNumber, int limit)
    {
        List<RootHistoryEntry> entries = [];
        UInt256 root = Root;
        if (limit > 0 && !root.IsZero)
        {
            entries.Add(new RootHistoryEntry(root, blockNumber, IsCurrent: true));
        }

        ulong tail = _storage.GetUInt64(RootQueueTailSlot);
        for (ulong seq = _storage.GetUInt64(RootQueueHeadSlot); seq > tail && entries.Count < limit; seq--)
        {
            ulong last = _storage.GetUInt64(RootQueueBlockMap[seq - 1]) - 1;
            if (!InWindow(last, blockNumber))
            {
                break;
            }

            entries.Add(new RootHistoryEntry(_storage.GetUInt256(RootQueueRootMap[seq - 1]), last, IsCurrent: false));
        }

        return entries;
    }

    /// <summary>
    /// The live (or cooling-off deleted) human owning the most of <paramref name="tags"/>; ties go to the lower index.
    /// Tags of a human deleted at least deletionCooloffBlocks ago count as free.
    /// </summary>
    public DuplicateMatch? FindDuplicate(IReadOnlyList<Hash256> tags, ulong blockNumber) =>
        Tally(tags, blockNumber, new ulong[tags.Count][], new StorageSlot[tags.Count], new Dictionary<ulong, bool>());

    public ulong Enroll(in UInt256 commitment, Hash256[] tags, Address operatorAddress, ulong blockNumber)
    {
        Fr leaf = RequireNewCommitment(commitment, "commitment");
        RequireTags(tags);
        ulong[][] owners = new ulong[tags.Length][];
        StorageSlot[] heads = new StorageSlot[tags.Length];
        Dictionary<ulong, bool> holders = [];
        if (Tally(tags, blockNumber, owners, heads, holders) is { } match && match.Matches >= _parameters.DedupMatch)
        {
            HumanRecord existing = GetHuman(match.HumanIndex);
            string state = existing.IsDeleted
                ? $" (deleted at block {existing.DeletedBlock}; its tags stay taken until block {TagsFreeBlock(existing.DeletedBlock)})"
                : "";
            Revert($"duplicate human: {match.Matches} of {tags.Length} dedup tags match human #{match.HumanIndex}{state}");
        }

        ulong index = Size;
        Require(index < MaxMembers, $"the human set is full ({MaxMembers} members)");
        _pending.Add(leaf, index);
        _storage.SetUInt256(CommitmentMap[index], commitment);
        _storage.SetUInt64(EnrolledMap[index], blockNumber);
        _storage.SetAddress(OperatorMap[index], operatorAddress);
        StoreTags(tags, owners, heads, holders, index, blockNumber);
        Emit(HumanEnrolled, (UInt256)index, commitment, operatorAddress);
        return index;
    }

    public ulong Delete(in UInt256 commitment, UInt256[] publicKey, UInt256[] signature, ulong chainId, ulong blockNumber)
    {
        ulong index = RequireLiveCommitment(commitment);
        RequireIdentitySignature(commitment, publicKey, signature, HumanIdentityMessages.Delete(chainId, commitment), HumanIdentityMessages.DeleteAction);
        if (GetRecovery(index) is { } pending)
        {
            ClearRecovery(pending);
            Emit(RecoveryCancelled, (UInt256)index, pending.NewCommitment);
        }

        FlushPending(blockNumber);
        UInt256 oldRoot = Root;
        _tree.Remove(index);
        RecordRootChange(oldRoot, blockNumber);
        _storage.SetUInt64(DeletedMap[index], blockNumber);
        _storage.SetUInt64(RetiredMap[commitment], index + 1);
        Emit(IdentityDeleted, (UInt256)index, commitment, (UInt256)TagsFreeBlock(blockNumber));
        return index;
    }

    public PendingRecovery RequestRecovery(in UInt256 newCommitment, Hash256[] tags, Address operatorAddress, ulong blockNumber)
    {
        RequireNewCommitment(newCommitment, "new commitment");
        RequireTags(tags);
        ulong[][] owners = new ulong[tags.Length][];
        StorageSlot[] heads = new StorageSlot[tags.Length];
        Dictionary<ulong, bool> holders = [];
        DuplicateMatch? match = Tally(tags, blockNumber, owners, heads, holders);
        if (match is not { } m || m.Matches < _parameters.DedupMatch)
        {
            string best = match is { } b ? $" (best: human #{b.HumanIndex} with {b.Matches})" : "";
            Revert($"no enrolled human matches {_parameters.DedupMatch} or more of the dedup tags{best}");
        }

        ulong index = match.Value.HumanIndex;
        Require(!GetHuman(index).IsDeleted, $"human #{index} was deleted; an erased identity cannot be recovered");
        if (GetRecovery(index) is { } existing)
        {
            Revert($"human #{index} already has a pending recovery to {existing.NewCommitment}, executable at block {existing.ExecuteBlock}");
        }

        Require(blockNumber <= ulong.MaxValue - _parameters.RecoveryDelayBlocks, "recovery execution block overflows");
        PendingRecovery recovery = new(index, newCommitment, blockNumber + _parameters.RecoveryDelayBlocks, operatorAddress);
        _storage.SetUInt256(RecoveryCommitmentMap[index], newCommitment);
        _storage.SetUInt64(RecoveryBlockMap[index], recovery.ExecuteBlock);
        _storage.SetAddress(RecoveryOperatorMap[index], operatorAddress);
        _storage.SetUInt64(ReservedMap[newCommitment], index + 1);
        StoreTags(tags, owners, heads, holders, index, blockNumber);
        Emit(RecoveryRequested, (UInt256)index, newCommitment, (UInt256)recovery.ExecuteBlock, operatorAddress);
        return recovery;
    }

    public void CancelRecovery(in UInt256 index, UInt256[] publicKey, UInt256[] signature, ulong chainId)
    {
        PendingRecovery pending = RequirePending(index);
        UInt256 current = _storage.GetUInt256(CommitmentMap[pending.HumanIndex]);
        RequireIdentitySignature(current, publicKey, signature,
            HumanIdentityMessages.CancelRecovery(chainId, current, pending.NewCommitment), HumanIdentityMessages.CancelRecoveryAction);
        ClearRecovery(pending);
        Emit(RecoveryCancelled, index, pending.NewCommitment);
    }

    public void ExecuteRecovery(in UInt256 index, ulong blockNumber)
    {
        PendingRecovery pending = RequirePending(index);
        Require(blockNumber >= pending.ExecuteBlock, $"the recovery of human #{pending.HumanIndex} executes from block {pending.ExecuteBlock} on");
        ulong i = pending.HumanIndex;
        UInt256 old = _storage.GetUInt256(CommitmentMap[i]);
        if (!FieldWords.TryToFr(pending.NewCommitment, out Fr leaf))
        {
            throw new InvalidOperationException($"HumanRegistry storage corrupt: pending commitment {pending.NewCommitment} is not a field element");
        }

        ClearRecovery(pending);
        FlushPending(blockNumber);
        UInt256 oldRoot = Root;
        _tree.Update(i, leaf);
        RecordRootChange(oldRoot, blockNumber);
        _storage.SetUInt64(RetiredMap[old], i + 1);
        _storage.SetUInt256(CommitmentMap[i], pending.NewCommitment);
        Emit(RecoveryExecuted, index, old, pending.NewCommitment);
    }

    /// <summary>
    /// Appends the enrolments queued since the last flush to the tree in one batched insert and records the root change
    /// once. Runs at the end of every block (<see cref="HumanSetBlockHook"/>), and before a delete or an executed
    /// recovery changes a leaf, so those always work on the tree holding every enrolled leaf.
    /// </summary>
    public void FlushPending(ulong blockNumber)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        UInt256 oldRoot = Root;
        _tree.InsertMany(_pending.Drain());
        RecordRootChange(oldRoot, blockNumber);
    }

    /// <summary>Null when the proof is acceptable at <paramref name="blockNumber"/>, else why it is not.</summary>
    public string? CheckProof(HumanProof proof, ulong blockNumber)
    {
        if (proof.Points.Count != SemaphoreProof.PointCount)
        {
            return $"a packed Semaphore proof has {SemaphoreProof.PointCount} values, got {proof.Points.Count}";
        }

        if (ProofDepth(proof) is not { } depth)
        {
            return $"merkle tree depth {proof.Depth} is outside {HumanVerificationKeys.MinDepth}..{HumanVerificationKeys.MaxDepth}";
        }

        if (!FieldWords.TryToFr(proof.Root, out Fr root))
        {
            return $"merkle root {proof.Root} is not below the BN254 scalar field modulus";
        }

        if (!FieldWords.TryToFr(proof.Nullifier, out Fr nullifier))
        {
            return $"nullifier {proof.Nullifier} is not below the BN254 scalar field modulus";
        }

        if (!IsKnownRoot(proof.Root, blockNumber))
        {
            return $"merkle root {proof.Root} is neither the current root nor one current within the last {_parameters.RootHistoryBlocks} blocks";
        }

        if (IsNullifierUsed(proof.Scope, proof.Nullifier))
        {
            return $"nullifier {proof.Nullifier} was already used in scope {proof.Scope}";
        }

        if (_keys.TryGetCached(proof, depth, out bool verified))
        {
            return verified ? null : NotVerified(depth);
        }

        Span<byte> packed = stackalloc byte[SemaphoreProof.ByteLength];
        for (int i = 0; i < SemaphoreProof.PointCount; i++)
        {
            proof.Points[i].ToBigEndian(packed.Slice(i * 32, 32));
        }

        Groth16Proof groth16;
        try
        {
            groth16 = SemaphoreProof.Unpack(packed);
        }
        catch (ZkFormatException e)
        {
            return "malformed proof points: " + e.Message;
        }

        Fr[] signals = [root, nullifier, SemaphoreHash.HashToField((BigInteger)proof.Message), SemaphoreHash.HashToField((BigInteger)proof.Scope)];
        if (_keys.Verify(proof, depth, groth16, signals))
        {
            return null;
        }

        return NotVerified(depth);
    }

    private static string NotVerified(int depth) => $"the Groth16 proof does not verify against any accepted depth-{depth} Semaphore key";

    /// <summary>TrustChain keys that <see cref="CheckProof"/> may try after the official one (for gas).</summary>
    public int ExtraKeyCount(HumanProof proof) => ProofDepth(proof) is { } depth ? _keys.ExtraKeys(depth).Count : 0;

    public void MarkNullifierUsed(in UInt256 scope, in UInt256 nullifier) => _storage.SetBool(NullifierMap.Map(scope)[nullifier], true);

    /// <summary>
    /// Records that a verified proof in <paramref name="scope"/> committed to <paramref name="message"/>. The message is a
    /// public input the prover signed into the proof, so a proof whose message is an address binds that account: a
    /// front-runner resubmitting it cannot change whom it vouches for.
    /// </summary>
    public void MarkMessageVerified(in UInt256 scope, in UInt256 message) => _storage.SetBool(VerifiedMessageMap.Map(scope)[message], true);

    public bool IsMessageVerified(in UInt256 scope, in UInt256 message) => _storage.GetBool(VerifiedMessageMap.Map(scope)[message]);

    public void Emit(AbiEvent @event, params object?[] values) => _emit?.Invoke(@event, values);

    private static AbiEvent HumanEnrolled => HumanRegistryEvents.HumanEnrolled;

    private static AbiEvent IdentityDeleted => HumanRegistryEvents.IdentityDeleted;

    private static AbiEvent RecoveryRequested => HumanRegistryEvents.RecoveryRequested;

    private static AbiEvent RecoveryCancelled => HumanRegistryEvents.RecoveryCancelled;

    private static AbiEvent RecoveryExecuted => HumanRegistryEvents.RecoveryExecuted;

    private static int? ProofDepth(HumanProof proof) =>
        proof.Depth.IsUInt64 && proof.Depth.U0 >= HumanVerificationKeys.MinDepth && proof.Depth.U0 <= HumanVerificationKeys.MaxDepth
            ? (int)proof.Depth.U0
            : null;

    /// <summary>A root last current in <paramref name="lastCurrent"/> is usable through lastCurrent + rootHistoryBlocks.</summary>
    private bool InWindow(ulong lastCurrent, ulong blockNumber) =>
        blockNumber <= lastCurrent || blockNumber - lastCurrent <= _parameters.RootHistoryBlocks;

    private ulong TagsFreeBlock(ulong deletedBlock) =>
        deletedBlock > ulong.MaxValue - _parameters.DeletionCooloffBlocks ? ulong.MaxValue : deletedBlock + _parameters.DeletionCooloffBlocks;

    private bool HoldsTags(ulong owner, ulong blockNumber)
    {
        ulong deleted = _storage.GetUInt64(DeletedMap[owner]);
        return deleted == 0 || blockNumber < TagsFreeBlock(deleted);
    }

    /// <summary>
    /// Reads every tag's owner list into <paramref name="owners"/> (charging gas per owner read) and counts, per human
    /// still holding tags, how many of <paramref name="tags"/> it owns. The winner is the maximum under a total order
    /// (most tags, then lowest index), so the map's enumeration order cannot reach the result.
    /// </summary>
    private DuplicateMatch? Tally(IReadOnlyList<Hash256> tags, ulong blockNumber, ulong[][] owners, StorageSlot[] heads, Dictionary<ulong, bool> holders)
    {
        for (int i = 0; i < tags.Count; i++)
        {
            heads[i] = DedupTagOwners.HeadSlot(tags[i]);
        }

        PrefetchHeads(heads);
        Dictionary<ulong, int> counts = [];
        for (int i = 0; i < tags.Count; i++)
        {
            ulong[] list = _tagOwners.Read(tags[i], heads[i]);
            _useGas?.Invoke(HumanRegistryGas.PerTagOwner * (ulong)list.Length);
            owners[i] = list;
            foreach (ulong owner in list)
            {
                if (Holds(owner, blockNumber, holders))
                {
                    counts[owner] = counts.GetValueOrDefault(owner) + 1;
                }
            }
        }

        bool found = false;
        DuplicateMatch best = default;
        foreach ((ulong human, int matches) in counts)
        {
            if (!found || matches > best.Matches || (matches == best.Matches && human < best.HumanIndex))
            {
                best = new DuplicateMatch(human, matches);
                found = true;
            }
        }

        return found ? best : null;
    }

    /// <summary>
    /// Adds <paramref name="index"/> to each tag's owner list (once), first swap-removing owners whose tags came free
    /// after a deletion's cool-off, so a deleted human's slots are reclaimed the next time their tag is enrolled.
    /// A list still at maxOwnersPerTag leaves that tag unrecorded for this human; the enrolment itself stands
    /// (reverting would let a few enrolments sharing one band value lock out everyone else with it).
    /// </summary>
    /// <summary>Nearly every head is an absent key (a new tag value): one batched lookup instead of one get per tag.</summary>
    private void PrefetchHeads(StorageSlot[] heads)
    {
        if (_prefetchState is null)
        {
            return;
        }

        Hash256[] keys = new Hash256[heads.Length];
        for (int i = 0; i < heads.Length; i++)
        {
            keys[i] = StateKeys.Storage(_storage.Contract, heads[i].Key.Bytes);
        }

        _prefetchState.PrefetchStorage(keys);
    }

    private void StoreTags(Hash256[] tags, ulong[][] owners, StorageSlot[] heads, Dictionary<ulong, bool> holders, ulong index, ulong blockNumber)
    {
        int cap = _parameters.MaxOwnersPerTag;
        for (int i = 0; i < tags.Length; i++)
        {
            ulong[] list = owners[i];
            int count = list.Length;
            bool present = false;
            // Descending, so the slot a swap-remove fills from the end has been looked at already.
            for (int slot = count - 1; slot >= 0; slot--)
            {
                if (list[slot] == index)
                {
                    present = true;
                }
                else if (!Holds(list[slot], blockNumber, holders))
                {
                    _tagOwners.SwapRemove(tags[i], list, count, slot);
                    count--;
                }
            }

            if (!present && count < cap)
            {
                _tagOwners.Append(tags[i], heads[i], list, count, index);
            }
        }
    }

    private bool Holds(ulong owner, ulong blockNumber, Dictionary<ulong, bool> holders)
    {
        if (!holders.TryGetValue(owner, out bool holds))
        {
            holds = HoldsTags(owner, blockNumber);
            holders[owner] = holds;
        }

        return holds;
    }

    private void RequireTags(Hash256[] tags)
    {
        Require(tags.Length >= _parameters.DedupMatch, $"an enrolment needs at least {_parameters.DedupMatch} dedup tags, got {tags.Length}");
        Require(tags.Length <= _parameters.MaxDedupTags, $"at most {_parameters.MaxDedupTags} dedup tags are allowed, got {tags.Length}");
        HashSet<Hash256> seen = new(tags.Length);
        for (int i = 0; i < tags.Length; i++)
        {
            Require(seen.Add(tags[i]), $"dedup tag {i} ({tags[i]}) repeats an earlier tag");
        }
    }

    private Fr RequireNewCommitment(in UInt256 commitment, string what)
    {
        Require(!commitment.IsZero, $"{what} must not be zero");
        Require(FieldWords.TryToFr(commitment, out Fr leaf), $"{what} {commitment} is not below the BN254 scalar field modulus");
        if (FindLive(commitment) is { } live)
        {
            Revert($"{what} {commitment} is already enrolled as human #{live}");
        }

        if (FindRetired(commitment) is { } retired)
        {
            Revert($"{what} {commitment} is tombstoned: human #{retired} deleted or replaced it");
        }

        if (Stored(ReservedMap[commitment]) is { } reserved)
        {
            Revert($"{what} {commitment} is reserved by the pending recovery of human #{reserved}");
        }

        return leaf;
    }

    private ulong RequireLiveCommitment(in UInt256 commitment)
    {
        if (FindLive(commitment) is { } index)
        {
            return index;
        }

        if (FindRetired(commitment) is { } retired)
        {
            Revert($"commitment {commitment} of human #{retired} was already deleted or replaced");
        }

        throw new ContractRevertException($"commitment {commitment} is not an enrolled human");
    }

    private PendingRecovery RequirePending(in UInt256 index)
    {
        Require(index < Size, $"human #{index} does not exist (the set has {Size} members)");
        return GetRecovery((ulong)index) ?? throw new ContractRevertException($"human #{index} has no pending recovery");
    }

    private void RequireIdentitySignature(in UInt256 commitment, UInt256[] publicKey, UInt256[] signature, BigInteger message, string action)
    {
        bool keyInField = FieldWords.TryToFr(publicKey[0], out Fr ax) & FieldWords.TryToFr(publicKey[1], out Fr ay);
        Require(keyInField, "identity public key coordinates must be below the BN254 scalar field modulus");
        BabyJubJubPoint key = new(ax, ay);
        Require(key.InCurve(), "identity public key is not a Baby Jubjub point");
        Require(FieldWords.ToWord(PoseidonHash.Hash2(ax, ay)) == commitment, $"identity public key does not hash to commitment {commitment}");
        bool r8InField = FieldWords.TryToFr(signature[0], out Fr r8x) & FieldWords.TryToFr(signature[1], out Fr r8y);
        Require(r8InField, "signature point R8 coordinates must be below the BN254 scalar field modulus");
        EdDsaPoseidonSignature parsed = new(new BabyJubJubPoint(r8x, r8y), (BigInteger)signature[2]);
        Require(EdDsaPoseidon.Verify(message, parsed, key), $"invalid EdDSA-Poseidon signature of the identity key over the \"{action}\" message");
    }

    private void ClearRecovery(PendingRecovery pending)
    {
        _storage.Clear(RecoveryCommitmentMap[pending.HumanIndex]);
        _storage.Clear(RecoveryBlockMap[pending.HumanIndex]);
        _storage.Clear(RecoveryOperatorMap[pending.HumanIndex]);
        _storage.Clear(ReservedMap[pending.NewCommitment]);
    }

    private void RecordRootChange(in UInt256 oldRoot, ulong blockNumber)
    {
        ulong head = _storage.GetUInt64(RootQueueHeadSlot);
        if (!oldRoot.IsZero)
        {
            _storage.SetUInt64(RootLastMap[oldRoot], blockNumber + 1);
            _storage.SetUInt256(RootQueueRootMap[head], oldRoot);
            _storage.SetUInt64(RootQueueBlockMap[head], blockNumber + 1);
            head++;
            _storage.SetUInt64(RootQueueHeadSlot, head);
        }

        ulong tail = _storage.GetUInt64(RootQueueTailSlot);
        ulong start = tail;
        while (tail < head && tail - start < PrunePerChange)
        {
            ulong stored = _storage.GetUInt64(RootQueueBlockMap[tail]);
            if (InWindow(stored - 1, blockNumber))
            {
                break;
            }

            UInt256 root = _storage.GetUInt256(RootQueueRootMap[tail]);
            if (_storage.GetUInt64(RootLastMap[root]) == stored)
            {
                _storage.Clear(RootLastMap[root]);
            }

            _storage.Clear(RootQueueRootMap[tail]);
            _storage.Clear(RootQueueBlockMap[tail]);
            tail++;
        }

        if (tail != start)
        {
            _storage.SetUInt64(RootQueueTailSlot, tail);
        }
    }

    private ulong? Stored(StorageSlot slot)
    {
        ulong value = _storage.GetUInt64(slot);
        return value == 0 ? null : value - 1;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Revert(string reason) => throw new ContractRevertException(reason);
}
