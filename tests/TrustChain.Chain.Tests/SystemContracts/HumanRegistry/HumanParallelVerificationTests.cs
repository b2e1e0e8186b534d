using TrustChain.Chain.Blocks;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.Tests.Blocks;
using TrustChain.Core;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Groth16;
using static TrustChain.Chain.Tests.SystemContracts.HumanRegistry.SemaphoreVector;

namespace TrustChain.Chain.Tests.SystemContracts.HumanRegistry;

/// <summary>
/// The block pre-pass verifies verifyHuman / isValidHumanProof proofs in parallel into a cache; execution must give
/// exactly what the sequential checks give, for valid, invalid, replayed and malformed proofs in one block.
/// </summary>
[TestFixture]
public sealed class HumanParallelVerificationTests
{
    [Test]
    public void A_block_mixing_valid_invalid_replayed_and_malformed_proofs_matches_the_sequential_checks()
    {
        using HumanHarness h = new(VectorKeys());
        EnrolVectorGroup(h);
        UInt256 fee = h.Parameters.VerificationFee;
        UInt256[] swapped = SwappedPoints();
        UInt256[] offCurve = VectorPoints;
        offCurve[0] = 1;
        object?[] valid = VectorArgs();

        // Sequential reference, straight from the ledger with an empty cache, at the next block.
        h.Human.VerificationKeys.Cache.Clear();
        ulong next = h.HeadNumber + 1;
        Assert.Multiple(() =>
        {
            Assert.That(h.Human.CheckProof(h.Head, ToProof(valid), next), Is.Null);
            Assert.That(h.Human.CheckProof(h.Head, ToProof(VectorArgs(swapped)), next), Does.Contain("does not verify"));
            Assert.That(h.Human.CheckProof(h.Head, ToProof(VectorArgs(offCurve)), next), Does.Contain("malformed proof points"));
        });

        Transaction[] txs =
        [
            h.Tx(ChainTestKit.Key2, "isValidHumanProof", UInt256.Zero, valid),
            h.Tx(ChainTestKit.Key0, "verifyHuman", fee, WithProver(VectorArgs(swapped), ProverAccount)),
            h.Tx(ChainTestKit.Key0, "verifyHuman", fee, WithProver(valid, ProverAccount)),
            h.Tx(ChainTestKit.Key2, "verifyHuman", fee, WithProver(valid, ProverAccount)),
            h.Tx(ChainTestKit.Key0, "verifyHuman", fee, WithProver(VectorArgs(offCurve), ProverAccount)),
        ];
        IReadOnlyList<TxReceipt> receipts = h.Produce(txs).Receipts;

        Assert.Multiple(() =>
        {
            Assert.That(receipts.Select(r => r.Succeeded), Is.EqualTo(new[] { true, false, true, false, false }));
            Assert.That(h.Human.IsNullifierUsed(h.Head, VectorValue("scope"), VectorValue("nullifier")), Is.True);
            Assert.That(h.Human.CheckProof(h.Head, ToProof(valid), h.HeadNumber + 1), Does.Contain("was already used in scope"),
                "the nullifier check stays sequential: the replay in the same block failed on it");
            Assert.That(h.Balance(ProverAccount), Is.EqualTo(fee * 4_000 / 10_000), "exactly one fee was taken");
            // The valid proof (3 calls) and the swapped one were verified ahead; the malformed one had nothing to verify.
            Assert.That(h.Human.VerificationKeys.Cache.Count, Is.EqualTo(2));
        });
    }

    [Test]
    public void The_same_block_built_on_two_chains_gives_the_same_roots()
    {
        using HumanHarness a = new(VectorKeys());
        using HumanHarness b = new(VectorKeys());
        Hash256[] roots = new Hash256[2];
        int i = 0;
        foreach (HumanHarness h in new[] { a, b })
        {
            EnrolVectorGroup(h);
            ExecutedBlock block = h.Produce(
                h.Tx(ChainTestKit.Key0, "verifyHuman", h.Parameters.VerificationFee, WithProver(VectorArgs(SwappedPoints()), ProverAccount)),
                h.Tx(ChainTestKit.Key0, "verifyHuman", h.Parameters.VerificationFee, WithProver(VectorArgs(), ProverAccount)));
            roots[i++] = block.Block.Header.StateRoot;
        }

        Assert.That(roots[0], Is.EqualTo(roots[1]));
    }

    [Test]
    public void Cached_results_equal_fresh_verification_and_a_new_key_invalidates_them()
    {
        HumanVerificationKeys keys = new();
        HumanProof valid = ToProof(VectorArgs());
        HumanProof swapped = ToProof(VectorArgs(SwappedPoints()));
        foreach (HumanProof proof in new[] { valid, swapped })
        {
            Assert.That(HumanProofInputs.TryPrepare(proof, out int depth, out Groth16Proof? groth16, out Fr[] signals), Is.True);
            Assert.That(keys.VerifyIntoCache(proof, depth, groth16!, signals), Is.False, "the vector key is not registered yet");
        }

        Assert.That(keys.Cache.Count, Is.EqualTo(2));
        keys.Register(VectorDepth, VectorKeys().ExtraKeys(VectorDepth)[0]);
        Assert.That(keys.Cache.Count, Is.Zero, "answers computed against fewer keys are dropped");
        Assert.That(HumanProofInputs.TryPrepare(valid, out int d, out Groth16Proof? g, out Fr[] s), Is.True);
        Assert.That(keys.VerifyIntoCache(valid, d, g!, s), Is.True);
        Assert.That(keys.Verify(valid, d, g!, s), Is.True);
    }

    [TestCase(0UL)]
    [TestCase(33UL)]
    public void Proofs_with_an_impossible_depth_are_not_prepared(ulong depth)
    {
        object?[] args = VectorArgs();
        args[0] = (UInt256)depth;
        Assert.That(HumanProofInputs.TryPrepare(ToProof(args), out _, out _, out _), Is.False);
    }

    /// <summary>The vector's A and C swapped: both valid G1 points, so it unpacks but cannot verify.</summary>
    private static UInt256[] SwappedPoints()
    {
        UInt256[] points = VectorPoints;
        (points[0], points[1], points[6], points[7]) = (points[6], points[7], points[0], points[1]);
        return points;
    }

    private static HumanProof ToProof(object?[] args) =>
        new((UInt256)args[0]!, (UInt256)args[1]!, (UInt256)args[2]!, (UInt256)args[3]!, (UInt256)args[4]!, (UInt256[])args[5]!);
}
