using TrustChain.Core;
using TrustChain.Zk.Bn254;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>
/// Leaves enrolled in the current block that the LeanIMT has not taken yet. An enrolment gets its index at once
/// (size + pending position) and is queued here; the block's end appends the queue with one batched insert (about two
/// Poseidon hashes per leaf instead of one per level). The queue lives in contract storage, so a reverted transaction
/// drops its entry with the rest of its writes, and it is always empty between blocks: every slot written here is
/// cleared in the same block, so none of them reaches the state tree.
/// </summary>
internal sealed class PendingHumanLeaves
{
    private static readonly StorageSlot CountSlot = StorageSlot.Named("human.tree.pending.count");
    private static readonly StorageMap LeafMap = StorageMap.Named("human.tree.pending.leaf");
    private static readonly StorageMap IndexMap = StorageMap.Named("human.tree.pending.index");

    private readonly ContractStorage _storage;

    public PendingHumanLeaves(ContractStorage storage) => _storage = storage;

    public ulong Count => _storage.GetUInt64(CountSlot);

    /// <summary>Queues <paramref name="leaf"/>, which will sit at tree index <paramref name="index"/>.</summary>
    public void Add(in Fr leaf, ulong index)
    {
        ulong count = Count;
        // Read before the write so the state overlay knows the slot was empty: the clear at the block's end then
        // restores the base value and drops out of the block's updates instead of deleting an absent tree key.
        if (!_storage.GetUInt256(LeafMap[count]).IsZero)
        {
            throw new InvalidOperationException($"HumanRegistry storage corrupt: pending leaf slot {count} is already taken");
        }

        _storage.SetUInt256(LeafMap[count], FieldWords.ToWord(leaf));
        _storage.SetUInt64(IndexMap[FieldWords.ToWord(leaf)], index + 1);
        _storage.SetUInt64(CountSlot, count + 1);
    }

    /// <summary>The tree index a queued leaf will get.</summary>
    public bool TryGetIndex(in Fr leaf, out ulong index)
    {
        ulong stored = _storage.GetUInt64(IndexMap[FieldWords.ToWord(leaf)]);
        index = stored - 1;
        return stored != 0;
    }

    /// <summary>The queued leaves in enrolment order; the queue is empty afterwards.</summary>
    public Fr[] Drain()
    {
        ulong count = Count;
        Fr[] leaves = new Fr[count];
        for (ulong i = 0; i < count; i++)
        {
            UInt256 word = _storage.GetUInt256(LeafMap[i]);
            if (!FieldWords.TryToFr(word, out leaves[i]) || leaves[i].IsZero)
            {
                throw new InvalidOperationException($"HumanRegistry storage corrupt: pending leaf {i} of {count} holds {word}");
            }

            _storage.Clear(LeafMap[i]);
            _storage.Clear(IndexMap[word]);
        }

        _storage.Clear(CountSlot);
        return leaves;
    }
}
