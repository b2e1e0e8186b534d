using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Groth16;
using static TrustChain.Chain.Tests.SystemContracts.HumanRegistry.SemaphoreVector;

namespace TrustChain.Chain.Tests.SystemContracts.HumanRegistry;

/// <summary>
/// The block pre-pass's batched path (<see cref="HumanVerificationKeys.VerifyBatchIntoCache"/>) must leave exactly the
/// cache entries that verifying each proof on its own leaves: the vector proof passes only TrustChain's registered key,
/// so every batch against the official key fails and has to be split down to single proofs.
/// </summary>
[TestFixture]
public sealed class HumanBatchVerificationTests
{
    private static HumanProof Proof(UInt256[]? points = null, UInt256? scope = null)
    {
        object?[] a = VectorArgs(points, scope);
        return new((UInt256)a[0]!, (UInt256)a[1]!, (UInt256)a[2]!, (UInt256)a[3]!, (UInt256)a[4]!, (UInt256[])a[5]!);
    }

    private static UInt256[] Swapped()
    {
        UInt256[] points = VectorPoints;
        (points[0], points[1], points[6], points[7]) = (points[6], points[7], points[0], points[1]);
        return points;
    }

    private static Dictionary<Hash256, bool> OneByOne(HumanVerificationKeys keys, IEnumerable<HumanProof> proofs)
    {
        keys.Cache.Clear();
        Dictionary<Hash256, bool> results = [];
        foreach (HumanProof proof in proofs)
        {
            if (HumanProofInputs.TryPrepare(proof, out int depth, out Groth16Proof? groth16, out Fr[] signals))
            {
                results[HumanProofVerificationCache.Key(proof, 1 + keys.ExtraKeys(depth).Count)] = keys.VerifyIntoCache(proof, depth, groth16!, signals);
            }
        }

        return results;
    }

    [TestCase(1)]
    [TestCase(4)]
    [TestCase(9)]
    public void Batched_results_equal_one_by_one_results(int copies)
    {
        UInt256[] offCurve = VectorPoints;
        offCurve[0] = 1;
        List<HumanProof> proofs = [];
        for (int i = 0; i < copies; i++)
        {
            proofs.Add(Proof());
            proofs.Add(Proof(scope: VectorValue("scope") + 1));
        }

        proofs.Insert(proofs.Count / 2, Proof(Swapped()));
        proofs.Add(Proof(offCurve));
        HumanVerificationKeys keys = VectorKeys();
        Dictionary<Hash256, bool> expected = OneByOne(keys, proofs);

        keys.Cache.Clear();
        keys.VerifyBatchIntoCache(proofs);
        Assert.That(keys.Cache.Count, Is.EqualTo(expected.Count), "one entry per distinct decodable proof, none for the malformed one");
        foreach ((Hash256 key, bool valid) in expected)
        {
            Assert.That(keys.Cache.TryGet(key, out bool cached), Is.True);
            Assert.That(cached, Is.EqualTo(valid));
        }

        Assert.That(expected.Values.Count(v => v), Is.EqualTo(1), "only the untouched vector proof verifies");
    }

    [Test]
    public void An_empty_list_caches_nothing()
    {
        HumanVerificationKeys keys = VectorKeys();
        keys.VerifyBatchIntoCache([]);
        Assert.That(keys.Cache.Count, Is.Zero);
    }
}
