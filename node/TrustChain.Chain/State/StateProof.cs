using TrustChain.Core;
using TrustChain.Core.Rlp;

namespace TrustChain.Chain.State;

/// <summary>
/// Inclusion or exclusion proof for one state key. <see cref="Siblings"/> are the sibling hashes from the root
/// down to the terminal node (index i = sibling at depth i). The terminal is: the key's own leaf
/// (<see cref="Value"/> set), another leaf whose key shares the walked prefix (<see cref="OtherLeafKey"/> set,
/// exclusion), or an empty subtree (exclusion). RLP form: [key, value, [siblings...], otherKey, otherValueHash]
/// with empty strings for absent parts — values are never empty, so empty means absent.
/// </summary>
public sealed class StateProof
{
    public StateProof(Hash256 key, byte[]? value, IReadOnlyList<Hash256> siblings, Hash256? otherLeafKey, Hash256? otherLeafValueHash)
    {
        ArgumentNullException.ThrowIfNull(siblings);
        if (value is { Length: 0 })
        {
            throw new ArgumentException("A proven value is never empty; use null for absence.", nameof(value));
        }

        if (otherLeafKey.HasValue != otherLeafValueHash.HasValue)
        {
            throw new ArgumentException("Other-leaf key and value hash must be given together.");
        }

        if (value is not null && otherLeafKey.HasValue)
        {
            throw new ArgumentException("An inclusion proof has no other leaf.");
        }

        if (siblings.Count > TreePath.MaxDepth)
        {
            throw new ArgumentException($"A proof has at most {TreePath.MaxDepth} siblings, got {siblings.Count}.", nameof(siblings));
        }

        Key = key;
        Value = value;
        Siblings = siblings;
        OtherLeafKey = otherLeafKey;
        OtherLeafValueHash = otherLeafValueHash;
    }

    public Hash256 Key { get; }

    /// <summary>The value at <see cref="Key"/>, or null for an exclusion proof.</summary>
    public byte[]? Value { get; }

    public IReadOnlyList<Hash256> Siblings { get; }

    public Hash256? OtherLeafKey { get; }

    public Hash256? OtherLeafValueHash { get; }

    public bool IsInclusion => Value is not null;

    /// <summary>Whether the proof shows that <c>proof.Key</c> maps to <c>proof.Value</c> (or is absent) under <paramref name="root"/>.</summary>
    public static bool Verify(Hash256 root, StateProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        int depth = proof.Siblings.Count;
        Hash256 hash;
        if (proof.Value is not null)
        {
            hash = TreeHasher.Leaf(proof.Key, TreeHasher.Value(proof.Value));
        }
        else if (proof.OtherLeafKey is { } other)
        {
            // The other leaf must actually sit on the key's path, otherwise it says nothing about the key.
            if (other == proof.Key || !TreePath.SharesPrefix(other, proof.Key, depth))
            {
                return false;
            }

            hash = TreeHasher.Leaf(other, proof.OtherLeafValueHash!.Value);
        }
        else
        {
            hash = TreeHasher.EmptySubtree;
        }

        for (int i = depth - 1; i >= 0; i--)
        {
            Hash256 sibling = proof.Siblings[i];
            hash = TreePath.Bit(proof.Key, i) == 0 ? TreeHasher.Internal(hash, sibling) : TreeHasher.Internal(sibling, hash);
        }

        return hash == root;
    }

    /// <summary>Also checks that the proof is about <paramref name="key"/>.</summary>
    public static bool Verify(Hash256 root, Hash256 key, StateProof proof) => proof is not null && proof.Key == key && Verify(root, proof);

    public byte[] Encode()
    {
        int siblings = Siblings.Count * Rlp.LengthOf(Hash256.Zero);
        int content = Rlp.LengthOf(Key)
            + Rlp.LengthOf(Value)
            + Rlp.LengthOfList(siblings)
            + (OtherLeafKey.HasValue ? 2 * Rlp.LengthOf(Hash256.Zero) : 2);
        byte[] result = new byte[Rlp.LengthOfList(content)];
        RlpWriter writer = new(result);
        writer.WriteListHeader(content);
        writer.WriteHash(Key);
        writer.WriteBytes(Value);
        writer.WriteListHeader(siblings);
        foreach (Hash256 sibling in Siblings)
        {
            writer.WriteHash(sibling);
        }

        if (OtherLeafKey is { } otherKey)
        {
            writer.WriteHash(otherKey);
            writer.WriteHash(OtherLeafValueHash!.Value);
        }
        else
        {
            writer.WriteBytes(ReadOnlySpan<byte>.Empty);
            writer.WriteBytes(ReadOnlySpan<byte>.Empty);
        }

        return result;
    }

    /// <summary>Strict decode of <see cref="Encode"/>'s form; throws <see cref="RlpException"/> or <see cref="ArgumentException"/>.</summary>
    public static StateProof Decode(ReadOnlySpan<byte> encoded)
    {
        RlpReader outer = new(encoded);
        RlpReader reader = outer.ReadList();
        outer.CheckEnd();
        Hash256 key = reader.ReadHash256();
        ReadOnlySpan<byte> value = reader.ReadBytes();
        RlpReader siblingReader = reader.ReadList();
        List<Hash256> siblings = [];
        while (siblingReader.HasMore)
        {
            siblings.Add(siblingReader.ReadHash256());
        }

        ReadOnlySpan<byte> otherKey = reader.ReadBytes();
        ReadOnlySpan<byte> otherValueHash = reader.ReadBytes();
        reader.CheckEnd();
        if (otherKey.Length != otherValueHash.Length || (otherKey.Length != 0 && otherKey.Length != Hash256.Length))
        {
            throw new RlpException("State proof other-leaf fields must both be empty or both be 32 bytes.");
        }

        return otherKey.IsEmpty
            ? new StateProof(key, value.IsEmpty ? null : value.ToArray(), siblings, null, null)
            : new StateProof(key, value.IsEmpty ? null : value.ToArray(), siblings, new Hash256(otherKey), new Hash256(otherValueHash));
    }
}
