using System.Text;
using TrustChain.Chain.Specs;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Groth16;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>
/// The Groth16 keys verifyHuman accepts per tree depth: always the official Semaphore v4 key (so proofs made with the
/// Semaphore JS libraries and their ceremony artifacts verify), then TrustChain's own keys registered here in order —
/// on a node, the ones genesis.json lists (<see cref="FromGenesis"/>). Every node of a network must register the same
/// keys before its chain opens: they decide which transactions succeed, and <see cref="HumanGenesisInitializer"/>
/// commits them into the genesis state so nodes with different keys cannot share a genesis hash.
/// </summary>
public sealed class HumanVerificationKeys
{
    public const int MinDepth = SemaphoreVerificationKeys.MinDepth;
    public const int MaxDepth = SemaphoreVerificationKeys.MaxDepth;

    /// <summary>Semaphore v4's public signals: merkleTreeRoot, nullifier, hash(message), hash(scope).</summary>
    public const int PublicSignalCount = 4;

    private readonly List<VerificationKey>[] _extra = new List<VerificationKey>[MaxDepth + 1];

    /// <summary>Results of proofs verified ahead of execution (the block pre-pass).</summary>
    public HumanProofVerificationCache Cache { get; } = new();

    /// <summary>The keys of a chain spec: the official ones plus the spec's humanVerificationKeys.</summary>
    public static HumanVerificationKeys FromGenesis(ChainSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        HumanVerificationKeys keys = new();
        foreach (GenesisVerificationKey entry in spec.HumanVerificationKeys)
        {
            keys.Register(entry.Depth, entry.Key);
        }

        return keys;
    }

    /// <summary>Adds a TrustChain key for Semaphore circuits of <paramref name="depth"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">depth is outside 1..32.</exception>
    /// <exception cref="ArgumentException">The key does not have Semaphore's four public signals.</exception>
    public void Register(int depth, VerificationKey key)
    {
        RequireDepth(depth);
        ArgumentNullException.ThrowIfNull(key);
        if (key.PublicInputCount != PublicSignalCount)
        {
            throw new ArgumentException($"a Semaphore verification key has {PublicSignalCount} public signals; this one has {key.PublicInputCount}", nameof(key));
        }

        (_extra[depth] ??= []).Add(key);
        // Cached "no key verifies" answers were computed against fewer keys.
        Cache.Clear();
    }

    /// <summary>TrustChain keys registered for the depth (the official key is not included).</summary>
    public IReadOnlyList<VerificationKey> ExtraKeys(int depth)
    {
        RequireDepth(depth);
        return _extra[depth] is { } keys ? keys : [];
    }

    /// <summary>Every key tried for the depth, the official one first.</summary>
    public IEnumerable<VerificationKey> KeysFor(int depth)
    {
        RequireDepth(depth);
        yield return SemaphoreVerificationKeys.ForDepth(depth);
        if (_extra[depth] is { } keys)
        {
            foreach (VerificationKey key in keys)
            {
                yield return key;
            }
        }
    }

    /// <summary>
    /// Whether any key of <paramref name="depth"/> accepts the proof: the cached pre-pass result when there is one,
    /// else a fresh check (not cached, so the sequential path never depends on what ran before it).
    /// </summary>
    public bool Verify(HumanProof proof, int depth, Groth16Proof groth16, ReadOnlySpan<Fr> signals)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(groth16);
        return TryGetCached(proof, depth, out bool cached) ? cached : VerifyUncached(depth, groth16, signals);
    }

    /// <summary>
    /// The pre-pass outcome for <paramref name="proof"/>, if there is one. Only proofs whose points decoded are cached,
    /// so a hit lets execution skip decoding the points (and the G2 subgroup check) a second time.
    /// </summary>
    public bool TryGetCached(HumanProof proof, int depth, out bool valid)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return Cache.TryGet(HumanProofVerificationCache.Key(proof, 1 + ExtraKeys(depth).Count), out valid);
    }

    /// <summary>Checks the proof against every key of the depth and stores the outcome for <see cref="Verify"/>.</summary>
    public bool VerifyIntoCache(HumanProof proof, int depth, Groth16Proof groth16, ReadOnlySpan<Fr> signals)
    {
        bool valid = VerifyUncached(depth, groth16, signals);
        Cache.Set(HumanProofVerificationCache.Key(proof, 1 + ExtraKeys(depth).Count), valid);
        return valid;
    }

    /// <summary>
    /// Verifies a block's proofs into the cache on all cores. Proofs of one depth are checked together against the
    /// official key (<see cref="Groth16BatchVerifier"/>, one chunk per core); a chunk that fails is halved until the
    /// failing proofs are isolated, and those are then tried against every key of their depth one by one, as
    /// <see cref="VerifyIntoCache"/> does. Proofs that do not decode are skipped (their call reverts with the reason).
    /// </summary>
    public void VerifyBatchIntoCache(IReadOnlyList<HumanProof> proofs)
    {
        ArgumentNullException.ThrowIfNull(proofs);
        int n = proofs.Count;
        int[] depths = new int[n];
        Groth16Proof?[] decoded = new Groth16Proof?[n];
        Fr[][] signals = new Fr[n][];
        Parallel.For(0, n, i =>
        {
            if (HumanProofInputs.TryPrepare(proofs[i], out int depth, out Groth16Proof? groth16, out Fr[] s))
            {
                depths[i] = depth;
                decoded[i] = groth16;
                signals[i] = s;
            }
        });

        // Chunks per depth in index order, so the split does not depend on dictionary order.
        List<int>[] byDepth = new List<int>[MaxDepth + 1];
        for (int i = 0; i < n; i++)
        {
            if (decoded[i] is not null)
            {
                (byDepth[depths[i]] ??= []).Add(i);
            }
        }

        List<int[]> chunks = [];
        int cores = Math.Max(1, Environment.ProcessorCount);
        foreach (List<int>? group in byDepth)
        {
            if (group is null)
            {
                continue;
            }

            int parts = Math.Clamp(group.Count / MinBatch, 1, cores);
            for (int p = 0; p < parts; p++)
            {
                chunks.Add([.. group.Skip(group.Count * p / parts).Take(group.Count * (p + 1) / parts - group.Count * p / parts)]);
            }
        }

        Parallel.ForEach(chunks, chunk => VerifyChunk(proofs, depths, decoded, signals, chunk));
    }

    /// <summary>Below this many proofs a batch does not pay for its fixed pairs and final exponentiation.</summary>
    private const int MinBatch = 3;

    private void VerifyChunk(IReadOnlyList<HumanProof> proofs, int[] depths, Groth16Proof?[] decoded, Fr[][] signals, ReadOnlySpan<int> chunk)
    {
        if (!TryBatch(proofs, depths, decoded, signals, chunk))
        {
            VerifyFailedChunk(proofs, depths, decoded, signals, chunk);
        }
    }

    /// <summary>
    /// A chunk known to hold a proof the official key rejects: its halves are batch-checked, and a failing half is
    /// searched the same way. When both halves fail (two or more such proofs, e.g. a block stuffed with invalid ones),
    /// the chunk is checked one proof at a time, so it costs about twice the one-by-one work rather than a full bisection.
    /// </summary>
    private void VerifyFailedChunk(IReadOnlyList<HumanProof> proofs, int[] depths, Groth16Proof?[] decoded, Fr[][] signals, ReadOnlySpan<int> chunk)
    {
        ReadOnlySpan<int> left = chunk[..(chunk.Length / 2)], right = chunk[(chunk.Length / 2)..];
        bool leftValid = TryBatch(proofs, depths, decoded, signals, left);
        bool rightValid = TryBatch(proofs, depths, decoded, signals, right);
        if (!leftValid && !rightValid)
        {
            foreach (int i in chunk)
            {
                VerifyIntoCache(proofs[i], depths[i], decoded[i]!, signals[i]);
            }

            return;
        }

        if (!leftValid)
        {
            VerifyFailedChunk(proofs, depths, decoded, signals, left);
        }

        if (!rightValid)
        {
            VerifyFailedChunk(proofs, depths, decoded, signals, right);
        }
    }

    /// <summary>Batch-checks the chunk against the official key and caches its proofs as valid if it passes; false (and nothing cached) otherwise, and for chunks too small to batch.</summary>
    private bool TryBatch(IReadOnlyList<HumanProof> proofs, int[] depths, Groth16Proof?[] decoded, Fr[][] signals, ReadOnlySpan<int> chunk)
    {
        if (chunk.Length < MinBatch)
        {
            return false;
        }

        int depth = depths[chunk[0]];
        Groth16Proof[] batch = new Groth16Proof[chunk.Length];
        Fr[][] batchSignals = new Fr[chunk.Length][];
        for (int k = 0; k < chunk.Length; k++)
        {
            batch[k] = decoded[chunk[k]]!;
            batchSignals[k] = signals[chunk[k]];
        }

        if (!Groth16BatchVerifier.VerifyAll(SemaphoreVerificationKeys.ForDepth(depth), batch, batchSignals))
        {
            return false;
        }

        int keyCount = 1 + ExtraKeys(depth).Count;
        foreach (int i in chunk)
        {
            Cache.Set(HumanProofVerificationCache.Key(proofs[i], keyCount), true);
        }

        return true;
    }

    /// <summary>
    /// keccak256 over every TrustChain key in depth order (each as its snarkjs verification_key.json), or null when
    /// none is registered. Genesis stores it, so it reaches the genesis state root.
    /// </summary>
    public Hash256? Commitment()
    {
        StringBuilder text = new();
        for (int depth = MinDepth; depth <= MaxDepth; depth++)
        {
            if (_extra[depth] is not { } keys)
            {
                continue;
            }

            foreach (VerificationKey key in keys)
            {
                text.Append(depth).Append(':').Append(key.ToJson()).Append('\n');
            }
        }

        return text.Length == 0 ? null : Keccak256.Compute(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private bool VerifyUncached(int depth, Groth16Proof groth16, ReadOnlySpan<Fr> signals)
    {
        foreach (VerificationKey key in KeysFor(depth))
        {
            if (Groth16Verifier.Verify(key, groth16, signals))
            {
                return true;
            }
        }

        return false;
    }

    private static void RequireDepth(int depth)
    {
        if (depth < MinDepth || depth > MaxDepth)
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, $"Semaphore tree depth must be between {MinDepth} and {MaxDepth}");
        }
    }
}
