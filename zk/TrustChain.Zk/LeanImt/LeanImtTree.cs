using System.Numerics;
using TrustChain.Zk.Bn254;
using PoseidonHash = TrustChain.Zk.Poseidon.Poseidon;

namespace TrustChain.Zk.LeanImt;

/// <summary>
/// Lean incremental Merkle tree with Poseidon(2) nodes, giving the same roots and proofs as @zk-kit/lean-imt
/// and Semaphore v4's Solidity LeanIMT: no zero padding, a node without a right sibling moves up unchanged, and
/// the depth is ceil(log2(size)). Leaves are non-zero, unique field elements; a removed leaf becomes 0 and still
/// occupies its position. Not thread-safe.
/// </summary>
public sealed class LeanImtTree
{
    /// <summary>Trees deeper than this cannot be proven by any Semaphore circuit.</summary>
    public const int MaxDepth = 32;

    private const int ParallelThreshold = 1 << 12;
    private readonly ILeanImtNodeStore _store;

    public LeanImtTree()
        : this(new InMemoryLeanImtNodeStore())
    {
    }

    public LeanImtTree(ILeanImtNodeStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    public ulong Size => _store.Size;

    public int Depth => _store.Depth;

    /// <summary>The root; zero for an empty tree (as the Solidity implementation reports it).</summary>
    public Fr Root => Size == 0 ? Fr.Zero : ReadNode(Depth, 0);

    /// <summary>Converts an integer leaf, rejecting values that are not field elements.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or ≥ r.</exception>
    public static Fr ToLeaf(BigInteger value)
    {
        if (value.Sign < 0 || value >= Fr.Modulus)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A LeanIMT leaf must be below the BN254 scalar field modulus.");
        }

        return Fr.FromBigInteger(value);
    }

    /// <summary>Converts a 32-byte big-endian leaf, rejecting values ≥ r.</summary>
    public static Fr ToLeaf(ReadOnlySpan<byte> bigEndian32)
    {
        if (bigEndian32.Length != 32)
        {
            throw new ArgumentException("A LeanIMT leaf is 32 bytes.", nameof(bigEndian32));
        }

        return Fr.TryFromBytesBigEndian(bigEndian32, out Fr leaf)
            ? leaf
            : throw new ArgumentOutOfRangeException(nameof(bigEndian32), "A LeanIMT leaf must be below the BN254 scalar field modulus.");
    }

    public bool Has(in Fr leaf) => !leaf.IsZero && _store.TryGetLeafIndex(leaf, out _);

    /// <summary>Index of a non-zero leaf, or -1.</summary>
    public long IndexOf(in Fr leaf) => !leaf.IsZero && _store.TryGetLeafIndex(leaf, out ulong index) ? (long)index : -1;

    public Fr GetLeaf(ulong index)
    {
        RequireIndex(index);
        return ReadNode(0, index);
    }

    /// <exception cref="ArgumentException">The leaf is zero or already in the tree.</exception>
    /// <exception cref="InvalidOperationException">The tree is full (depth <see cref="MaxDepth"/>).</exception>
    public void Insert(in Fr leaf)
    {
        RequireNewLeaf(leaf, nameof(leaf));
        RequireCapacity(Size + 1);
        ulong index = Size;
        ulong newSize = index + 1;
        int depth = Math.Max(Depth, DepthFor(newSize));

        Fr node = leaf;
        for (int level = 0; level < depth; level++)
        {
            _store.SetNode(level, index, node);
            if ((index & 1) == 1)
            {
                node = PoseidonHash.Hash2(ReadNode(level, index - 1), node);
            }

            index >>= 1;
        }

        _store.SetNode(depth, 0, node);
        _store.SetLeafIndex(leaf, Size);
        _store.Depth = depth;
        _store.Size = newSize;
    }

    public void Insert(BigInteger leaf) => Insert(ToLeaf(leaf));

    /// <summary>
    /// Appends a batch, hashing each affected level once (in parallel for large levels). Either every leaf is
    /// inserted or, when any is zero, repeated or already present, none is.
    /// </summary>
    public void InsertMany(ReadOnlySpan<Fr> leaves)
    {
        if (leaves.IsEmpty)
        {
            throw new ArgumentException("There are no leaves to add.", nameof(leaves));
        }

        ulong size = Size;
        ulong newSize = size + (ulong)leaves.Length;
        RequireCapacity(newSize);
        int depth = Math.Max(Depth, DepthFor(newSize));
        HashSet<Fr> batch = new(leaves.Length);
        for (int i = 0; i < leaves.Length; i++)
        {
            RequireNewLeaf(leaves[i], nameof(leaves));
            if (!batch.Add(leaves[i]))
            {
                throw new ArgumentException($"Leaf {leaves[i]} appears more than once in the batch.", nameof(leaves));
            }
        }

        for (int i = 0; i < leaves.Length; i++)
        {
            _store.SetNode(0, size + (ulong)i, leaves[i]);
            _store.SetLeafIndex(leaves[i], size + (ulong)i);
        }

        // current holds this level's nodes from currentStart to the end of the level.
        ulong currentStart = size;
        Fr[] current = leaves.ToArray();
        ulong start = size >> 1;
        ulong count = newSize;
        for (int level = 0; level < depth; level++)
        {
            ulong firstChild = start << 1;
            ulong parents = (count + 1) >> 1;
            Fr[] children = current;
            if (firstChild < currentStart)
            {
                // At most one already stored node (the left sibling of the first new one) is needed.
                children = new Fr[current.Length + 1];
                children[0] = ReadNode(level, firstChild);
                current.CopyTo(children, 1);
            }

            Fr[] next = new Fr[parents - start];
            HashLevel(children, next);
            for (int i = 0; i < next.Length; i++)
            {
                _store.SetNode(level + 1, start + (ulong)i, next[i]);
            }

            current = next;
            currentStart = start;
            start >>= 1;
            count = parents;
        }

        _store.Depth = depth;
        _store.Size = newSize;
    }

    /// <summary>Replaces the leaf at <paramref name="index"/> with a new non-zero leaf.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No leaf at that index.</exception>
    /// <exception cref="ArgumentException">The new leaf is zero or already in the tree.</exception>
    /// <exception cref="InvalidOperationException">The leaf at that index was removed.</exception>
    public void Update(ulong index, in Fr newLeaf)
    {
        RequireIndex(index);
        RequireNewLeaf(newLeaf, nameof(newLeaf));
        Fr old = RequireLiveLeaf(index);
        WritePath(index, newLeaf);
        _store.RemoveLeafIndex(old);
        _store.SetLeafIndex(newLeaf, index);
    }

    /// <summary>Sets the leaf to 0 (Semaphore's removeMember); the position stays part of the tree.</summary>
    public void Remove(ulong index)
    {
        RequireIndex(index);
        Fr old = RequireLiveLeaf(index);
        WritePath(index, Fr.Zero);
        _store.RemoveLeafIndex(old);
    }

    public LeanImtProof GenerateProof(ulong index)
    {
        RequireIndex(index);
        Fr leaf = ReadNode(0, index);
        List<Fr> siblings = new(Depth);
        ulong path = 0;
        ulong count = Size;
        for (int level = 0; level < Depth; level++)
        {
            bool isRight = (index & 1) == 1;
            ulong siblingIndex = isRight ? index - 1 : index + 1;
            if (siblingIndex < count)
            {
                if (isRight)
                {
                    path |= 1UL << siblings.Count;
                }

                siblings.Add(ReadNode(level, siblingIndex));
            }

            index >>= 1;
            count = (count + 1) >> 1;
        }

        return new LeanImtProof(Root, leaf, path, siblings);
    }

    public static bool VerifyProof(LeanImtProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (proof.Siblings.Count > 64 || (proof.Siblings.Count < 64 && proof.Index >> proof.Siblings.Count != 0))
        {
            return false;
        }

        Fr node = proof.Leaf;
        for (int i = 0; i < proof.Siblings.Count; i++)
        {
            node = ((proof.Index >> i) & 1) == 1
                ? PoseidonHash.Hash2(proof.Siblings[i], node)
                : PoseidonHash.Hash2(node, proof.Siblings[i]);
        }

        return node == proof.Root;
    }

    private static int DepthFor(ulong size) => size <= 1 ? 0 : 64 - BitOperations.LeadingZeroCount(size - 1);

    private static void HashLevel(Fr[] children, Fr[] parents)
    {
        if (parents.Length < ParallelThreshold)
        {
            HashRange(children, parents, 0, parents.Length);
            return;
        }

        int chunk = ParallelThreshold;
        int chunks = (parents.Length + chunk - 1) / chunk;
        Parallel.For(0, chunks, c => HashRange(children, parents, c * chunk, Math.Min(parents.Length, (c + 1) * chunk)));
    }

    /// <summary>
    /// Parents [from, to) of a level. Pairs go through <see cref="PoseidonHash.Hash2Many"/> in blocks (eight hashes per
    /// AVX-512 pass where available); a last child without a sibling moves up unchanged.
    /// </summary>
    private static void HashRange(Fr[] children, Fr[] parents, int from, int to)
    {
        const int Block = 64;
        int pairsEnd = Math.Min(to, children.Length / 2);
        Span<Fr> left = stackalloc Fr[Block];
        Span<Fr> right = stackalloc Fr[Block];
        for (int i = from; i < pairsEnd; i += Block)
        {
            int n = Math.Min(Block, pairsEnd - i);
            for (int k = 0; k < n; k++)
            {
                left[k] = children[2 * (i + k)];
                right[k] = children[2 * (i + k) + 1];
            }

            PoseidonHash.Hash2Many(left[..n], right[..n], parents.AsSpan(i, n));
        }

        for (int i = Math.Max(from, pairsEnd); i < to; i++)
        {
            parents[i] = children[2 * i];
        }
    }

    private void WritePath(ulong index, Fr node)
    {
        ulong count = Size;
        for (int level = 0; level < Depth; level++)
        {
            _store.SetNode(level, index, node);
            if ((index & 1) == 1)
            {
                node = PoseidonHash.Hash2(ReadNode(level, index - 1), node);
            }
            else if (index + 1 < count)
            {
                node = PoseidonHash.Hash2(node, ReadNode(level, index + 1));
            }

            index >>= 1;
            count = (count + 1) >> 1;
        }

        _store.SetNode(Depth, 0, node);
    }

    private Fr ReadNode(int level, ulong index) =>
        _store.GetNode(level, index)
        ?? throw new InvalidOperationException($"LeanIMT node store is missing node ({level}, {index}) for a tree of size {Size}.");

    private void RequireIndex(ulong index)
    {
        if (index >= Size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The leaf at index {index} does not exist (size {Size}).");
        }
    }

    private Fr RequireLiveLeaf(ulong index)
    {
        Fr leaf = ReadNode(0, index);
        return leaf.IsZero ? throw new InvalidOperationException($"The leaf at index {index} has been removed.") : leaf;
    }

    private void RequireNewLeaf(in Fr leaf, string parameterName)
    {
        if (leaf.IsZero)
        {
            throw new ArgumentException("A LeanIMT leaf cannot be zero.", parameterName);
        }

        if (_store.TryGetLeafIndex(leaf, out ulong existing))
        {
            throw new ArgumentException($"Leaf {leaf} is already in the tree at index {existing}.", parameterName);
        }
    }

    private static void RequireCapacity(ulong newSize)
    {
        if (DepthFor(newSize) > MaxDepth)
        {
            throw new InvalidOperationException($"The tree would exceed the maximum depth {MaxDepth}.");
        }
    }
}
