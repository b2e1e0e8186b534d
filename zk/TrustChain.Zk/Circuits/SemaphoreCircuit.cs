using System.Globalization;
using System.Numerics;
using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Circuits;

/// <summary>
/// The Semaphore v4 statement (semaphore.circom 4.x) built natively: secret &lt; l (LessThan(251)), commitment =
/// Poseidon(BabyPbk(secret)), merkleRoot = BinaryMerkleRoot(MAX_DEPTH)(commitment, length, index, siblings),
/// nullifier = Poseidon(scope, secret), and the dummy constraint message². Wires: 1, merkleRoot, nullifier, message,
/// scope, secret, merkleProofLength, merkleProofIndex, merkleProofSiblings[MAX_DEPTH], then internal — so public
/// signals are [merkleRoot, nullifier, message, scope], exactly as Semaphore's.
/// </summary>
public sealed class SemaphoreCircuit
{
    public const int MinDepth = 1;
    public const int MaxSupportedDepth = 32;

    /// <summary>Baby Jubjub prime subgroup order l, the bound the v4 circuit puts on the secret.</summary>
    public static readonly BigInteger SubgroupOrder = BigInteger.Parse(
        "2736030358979909402780800718157159386076813972158567259200215660948447373041", CultureInfo.InvariantCulture);

    /// <exception cref="ArgumentOutOfRangeException">maxDepth is outside 1..32.</exception>
    public SemaphoreCircuit(int maxDepth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, MinDepth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDepth, MaxSupportedDepth);
        MaxDepth = maxDepth;
    }

    public int MaxDepth { get; }

    /// <summary>Builds the constraints and the witness for <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentException">The sibling count is not MaxDepth or the length exceeds it.</exception>
    public R1csBuilder Build(SemaphoreCircuitInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.MerkleProofSiblings);
        if (input.MerkleProofSiblings.Count != MaxDepth)
        {
            throw new ArgumentException($"The circuit takes {MaxDepth} siblings (pad with zeros), got {input.MerkleProofSiblings.Count}.", nameof(input));
        }

        if (input.MerkleProofLength < 0 || input.MerkleProofLength > MaxDepth)
        {
            throw new ArgumentException($"merkleProofLength {input.MerkleProofLength} is outside 0..{MaxDepth}.", nameof(input));
        }

        R1csBuilder b = new();
        LinearCombination merkleRoot = b.AddOutput();
        LinearCombination nullifier = b.AddOutput();
        LinearCombination message = b.AddPublicInput(input.Message);
        LinearCombination scope = b.AddPublicInput(input.Scope);
        LinearCombination secret = b.AddPrivateInput(input.Secret);
        LinearCombination length = b.AddPrivateInput(Fr.FromUInt64((ulong)input.MerkleProofLength));
        LinearCombination index = b.AddPrivateInput(Fr.FromUInt64(input.MerkleProofIndex));
        LinearCombination[] siblings = new LinearCombination[MaxDepth];
        for (int i = 0; i < MaxDepth; i++)
        {
            siblings[i] = b.AddPrivateInput(input.MerkleProofSiblings[i]);
        }

        LinearCombination isLess = b.LessThan(secret, LinearCombination.Constant(Fr.FromBigInteger(SubgroupOrder)), 251);
        b.AssertEqual(isLess, LinearCombination.One);

        (LinearCombination ax, LinearCombination ay) = b.BabyPbk(secret);
        LinearCombination commitment = b.Hash(ax, ay);
        b.AssignOutput(merkleRoot, b.BinaryMerkleRoot(commitment, length, index, siblings));
        b.AssignOutput(nullifier, b.Hash(scope, secret));

        // Semaphore's "dummy square" keeps message bound to the proof.
        b.Mul(message, message);
        return b;
    }

    /// <summary>The constraint system alone (built over an all-zero witness; the structure does not depend on values).</summary>
    public byte[] ToR1csBytes() => Build(EmptyInput()).ToR1csBytes();

    private SemaphoreCircuitInput EmptyInput() =>
        new(Fr.Zero, 0, 0, new Fr[MaxDepth], Fr.Zero, Fr.Zero);
}
