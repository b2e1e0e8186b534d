using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>
/// Per dedup tag value, a bounded list of the humans that hold it: tag → count, and owner slots 0..count−1 holding
/// index + 1. LSH band values are shared by N / 2^b humans on average, so one owner per tag would drop most of them;
/// the list keeps all of them up to maxOwnersPerTag. Removal is swap-remove (the last slot moves into the gap), O(1).
/// </summary>
internal sealed class DedupTagOwners
{
    private static readonly StorageMap CountMap = StorageMap.Named("human.tag.count");
    private static readonly StorageMap OwnerMap = StorageMap.Named("human.tag.owner");

    private readonly ContractStorage _storage;

    public DedupTagOwners(ContractStorage storage) => _storage = storage;

    public int Count(in Hash256 tag) => (int)_storage.GetUInt64(CountMap[tag]);

    /// <summary>The tag's owners in slot order, given its <see cref="Count"/>.</summary>
    public ulong[] Read(in Hash256 tag, int count)
    {
        if (count == 0)
        {
            return [];
        }

        StorageMap slots = OwnerMap.Map(tag);
        ulong[] owners = new ulong[count];
        for (int i = 0; i < count; i++)
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

    public void Append(in Hash256 tag, int count, ulong owner)
    {
        _storage.SetUInt64(OwnerMap.Map(tag)[(ulong)count], owner + 1);
        _storage.SetUInt64(CountMap[tag], (ulong)(count + 1));
    }

    /// <summary>Removes slot <paramref name="slot"/> of a list holding <paramref name="owners"/>[0..count) and mirrors the move in the array.</summary>
    public void SwapRemove(in Hash256 tag, ulong[] owners, int count, int slot)
    {
        StorageMap slots = OwnerMap.Map(tag);
        int last = count - 1;
        if (slot != last)
        {
            owners[slot] = owners[last];
            _storage.SetUInt64(slots[(ulong)slot], owners[last] + 1);
        }

        _storage.Clear(slots[(ulong)last]);
        if (last == 0)
        {
            _storage.Clear(CountMap[tag]);
        }
        else
        {
            _storage.SetUInt64(CountMap[tag], (ulong)last);
        }
    }
}
