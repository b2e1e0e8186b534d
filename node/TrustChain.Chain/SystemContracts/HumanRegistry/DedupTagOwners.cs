using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>
/// Per dedup tag value, a bounded list of the humans that hold it. LSH band values are shared by N / 2^b humans on
/// average, so one owner per tag would drop most of them; the list keeps all of them up to maxOwnersPerTag.
/// Layout: the tag's head slot packs the count (low 64 bits) with owner 0 + 1 (next 64 bits); owners 1..count−1 have
/// a slot each holding index + 1. With 20-bit bands nearly every tag of an enrolment is new or has one owner, so the
/// common case is one read and one write per tag. Removal is swap-remove (the last owner moves into the gap), O(1).
/// </summary>
internal sealed class DedupTagOwners
{
    private static readonly StorageMap HeadMap = StorageMap.Named("human.tag.head");
    private static readonly StorageMap OwnerMap = StorageMap.Named("human.tag.owner");

    private readonly ContractStorage _storage;

    public DedupTagOwners(ContractStorage storage) => _storage = storage;

    /// <summary>The slot holding the tag's count and first owner; pass it back to the other methods.</summary>
    public static StorageSlot HeadSlot(in Hash256 tag) => HeadMap[tag];

    /// <summary>The tag's owners in slot order (empty when nobody holds it).</summary>
    public ulong[] Read(in Hash256 tag) => Read(tag, HeadMap[tag]);

    /// <summary>The tag's owners in slot order; <paramref name="headSlot"/> is <see cref="HeadSlot"/>(tag).</summary>
    public ulong[] Read(in Hash256 tag, StorageSlot headSlot)
    {
        UInt256 head = _storage.GetUInt256(headSlot);
        if (head.IsZero)
        {
            return [];
        }

        if (head.U0 == 0 || head.U1 == 0 || head.U2 != 0 || head.U3 != 0 || head.U0 > int.MaxValue)
        {
            throw new InvalidOperationException($"HumanRegistry storage corrupt: dedup tag {tag} head holds {head}");
        }

        int count = (int)head.U0;
        ulong[] owners = new ulong[count];
        owners[0] = head.U1 - 1;
        if (count == 1)
        {
            return owners;
        }

        StorageMap slots = OwnerMap.Map(tag);
        for (int i = 1; i < count; i++)
        {
            ulong stored = _storage.GetUInt64(slots[(ulong)i]);
            if (stored == 0)
            {
                throw new InvalidOperationException($"HumanRegistry storage corrupt: dedup tag {tag} slot {i} of {count} is empty");
            }

            owners[i] = stored - 1;
        }

        return owners;
    }

    /// <summary>Appends <paramref name="owner"/> to a list currently holding <paramref name="owners"/>[0..count).</summary>
    public void Append(in Hash256 tag, ulong[] owners, int count, ulong owner) => Append(tag, HeadMap[tag], owners, count, owner);

    /// <summary>As <see cref="Append(in Hash256, ulong[], int, ulong)"/>, with the tag's <see cref="HeadSlot"/> already computed.</summary>
    public void Append(in Hash256 tag, StorageSlot headSlot, ulong[] owners, int count, ulong owner)
    {
        if (count == 0)
        {
            WriteHead(headSlot, 1, owner);
            return;
        }

        _storage.SetUInt64(OwnerMap.Map(tag)[(ulong)count], owner + 1);
        WriteHead(headSlot, count + 1, owners[0]);
    }

    /// <summary>Removes slot <paramref name="slot"/> of a list holding <paramref name="owners"/>[0..count) and mirrors the move in the array.</summary>
    public void SwapRemove(in Hash256 tag, ulong[] owners, int count, int slot)
    {
        int last = count - 1;
        if (last == 0)
        {
            _storage.Clear(HeadMap[tag]);
            return;
        }

        StorageMap slots = OwnerMap.Map(tag);
        if (slot != last)
        {
            owners[slot] = owners[last];
            if (slot != 0)
            {
                _storage.SetUInt64(slots[(ulong)slot], owners[last] + 1);
            }
        }

        _storage.Clear(slots[(ulong)last]);
        WriteHead(HeadMap[tag], last, owners[0]);
    }

    private void WriteHead(StorageSlot headSlot, int count, ulong firstOwner) =>
        _storage.SetUInt256(headSlot, new UInt256((ulong)count, firstOwner + 1));
}
