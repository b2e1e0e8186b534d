using System.Diagnostics;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.LeanImt;

namespace TrustChain.Bench.Registries;

/// <summary>
/// Bench-only genesis pre-population of the human set: builds the LeanIMT of <c>members</c> random leaves in memory
/// (one batched insert), then writes every node, the leaf → index map, the size and the depth through the contract's own
/// <see cref="StorageLeanImtNodeStore"/>, so the layout is exactly what <c>enroll</c> would have written. Enrolling a
/// million humans through transactions would take hours at the measured rates. Not written: the per-human records
/// (commitment, enrolment block, operator) and dedup tags of the pre-loaded members — the former are never read by
/// <c>enroll</c>, the latter would be 224 × N owner slots (2.2·10^8 at 10^6), more than this machine can build.
/// </summary>
public sealed class HumanBulkLoader : IGenesisInitializer
{
    private readonly int _members;
    private readonly int _seed;

    public HumanBulkLoader(int members, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(members);
        _members = members;
        _seed = seed;
    }

    public void Initialize(WorldState state, ChainSpec spec)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_members == 0)
        {
            return;
        }

        Stopwatch clock = Stopwatch.StartNew();
        InMemoryLeanImtNodeStore memory = new();
        memory.EnsureCapacity(_members);
        LeanImtTree tree = new(memory);
        tree.InsertMany(RandomLeaves(_members, _seed));
        Console.WriteLine($"  bulk loader: tree of {_members} leaves hashed in {clock.ElapsedMilliseconds} ms, writing storage");

        StorageLeanImtNodeStore store = new(new ContractStorage(state, SystemContractAddresses.HumanRegistry, readOnly: false));
        ulong size = (ulong)_members;
        for (int level = 0; level <= tree.Depth; level++)
        {
            ulong count = (size + (1UL << level) - 1) >> level;
            for (ulong i = 0; i < count; i++)
            {
                Fr node = memory.GetNode(level, i) ?? throw new InvalidOperationException($"in-memory tree lacks node ({level}, {i})");
                store.SetNode(level, i, node);
                if (level == 0)
                {
                    store.SetLeafIndex(node, i);
                }
            }
        }

        store.Size = size;
        store.Depth = tree.Depth;
        Console.WriteLine($"  bulk loader: {_members} members written in {clock.ElapsedMilliseconds} ms (state commit follows)");
    }

    /// <summary>Distinct non-zero leaves below 2^252 (so below r), reproducible from the seed.</summary>
    public static Fr[] RandomLeaves(int count, int seed)
    {
        Random random = new(seed);
        Fr[] leaves = new Fr[count];
        Span<byte> bytes = stackalloc byte[32];
        for (int i = 0; i < count; i++)
        {
            random.NextBytes(bytes);
            bytes[0] &= 0x0F;
            bytes[31] |= 1;
            leaves[i] = LeanImtTree.ToLeaf(bytes);
        }

        return leaves;
    }
}
