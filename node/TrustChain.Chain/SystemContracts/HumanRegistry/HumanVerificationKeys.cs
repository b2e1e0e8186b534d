using TrustChain.Zk.Groth16;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>
/// The Groth16 keys verifyHuman accepts per tree depth: always the official Semaphore v4 key (so proofs made with the
/// Semaphore JS libraries and their ceremony artifacts verify), then TrustChain's own keys registered here in order.
/// Every node of a network must register the same keys before its chain opens: they decide which transactions succeed.
/// TrustChain has no ceremony of its own yet, so a node registers none unless configured to.
/// </summary>
public sealed class HumanVerificationKeys
{
    public const int MinDepth = SemaphoreVerificationKeys.MinDepth;
    public const int MaxDepth = SemaphoreVerificationKeys.MaxDepth;

    /// <summary>Semaphore v4's public signals: merkleTreeRoot, nullifier, hash(message), hash(scope).</summary>
    public const int PublicSignalCount = 4;

    private readonly List<VerificationKey>[] _extra = new List<VerificationKey>[MaxDepth + 1];

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

    private static void RequireDepth(int depth)
    {
        if (depth < MinDepth || depth > MaxDepth)
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, $"Semaphore tree depth must be between {MinDepth} and {MaxDepth}");
        }
    }
}
