using TrustChain.Biometrics.Lsh;
using TrustChain.Biometrics.Oprf;
using TrustChain.Core;

namespace TrustChain.Biometrics.Tests.Oprf;

public class ThresholdOprfTests
{
    private static readonly byte[] Key = Convert.FromHexString("1f2e3d4c5b6a79880112233445566778899aabbccddeeff00102030405060708");
    private static readonly BandInput Input = new(17, 10, 0x2B5);

    [Test]
    public void Blinded_threshold_result_equals_direct_evaluation_with_the_full_key()
    {
        OprfDealing dealing = ShamirDealer.Deal(2, 3, Key);
        Hash256 direct = OprfFunction.Evaluate(Key, Input);
        OprfBlindedInput blinded = OprfClient.Blind(Input);
        OprfEvaluation[] evaluations = dealing.Shares.Select(s => new OprfServer(s).Evaluate(blinded.BlindedElement)).ToArray();

        OprfFinalization result = OprfClient.Finalize(blinded, evaluations, dealing.Committee);
        Assert.That(result.Tag, Is.EqualTo(direct));
        Assert.That(result.RejectedMembers, Is.Empty);
    }

    [TestCase(2, 3, new[] { 1, 2 })]
    [TestCase(2, 3, new[] { 1, 3 })]
    [TestCase(2, 3, new[] { 3, 2 })]
    [TestCase(3, 5, new[] { 5, 1, 4 })]
    [TestCase(3, 5, new[] { 2, 3, 4 })]
    [TestCase(1, 1, new[] { 1 })]
    public void Any_t_members_produce_the_same_tag(int t, int n, int[] members)
    {
        OprfDealing dealing = ShamirDealer.Deal(t, n, Key);
        OprfBlindedInput blinded = OprfClient.Blind(Input);
        OprfFinalization result = OprfClient.Finalize(blinded, Evaluate(dealing, blinded, members), dealing.Committee);
        Assert.That(result.Tag, Is.EqualTo(OprfFunction.Evaluate(Key, Input)));
        Assert.That(ShamirDealer.Reconstruct(members.Select(i => dealing.Shares[i - 1]).ToArray()), Is.EqualTo(Key));
    }

    [Test]
    public void Fewer_than_t_shares_do_not_reconstruct_and_do_not_finalize()
    {
        OprfDealing dealing = ShamirDealer.Deal(3, 5, Key);
        Assert.That(ShamirDealer.Reconstruct([dealing.Shares[0], dealing.Shares[1]]), Is.Not.EqualTo(Key));
        OprfBlindedInput blinded = OprfClient.Blind(Input);
        Assert.That(() => OprfClient.Finalize(blinded, Evaluate(dealing, blinded, [1, 2]), dealing.Committee),
            Throws.TypeOf<OprfException>().With.Message.Contains("3 needed"));
    }

    [Test]
    public void A_wrong_share_is_caught_by_its_dleq_proof_and_skipped()
    {
        OprfDealing dealing = ShamirDealer.Deal(2, 3, Key);
        OprfDealing impostorDealing = ShamirDealer.Deal(2, 3);
        OprfBlindedInput blinded = OprfClient.Blind(Input);
        // Member 2 answers with someone else's share under its own index.
        var cheating = new OprfServer(new OprfKeyShare(2, impostorDealing.Shares[1].Secret)).Evaluate(blinded.BlindedElement);
        Assert.That(cheating.Proof.Verify(dealing.Committee.Members[1].PublicShare, blinded.BlindedElement, cheating.Element), Is.False);

        OprfEvaluation[] answers = [cheating, new OprfServer(dealing.Shares[0]).Evaluate(blinded.BlindedElement), new OprfServer(dealing.Shares[2]).Evaluate(blinded.BlindedElement)];
        OprfFinalization result = OprfClient.Finalize(blinded, answers, dealing.Committee);
        Assert.That(result.RejectedMembers, Is.EqualTo(new[] { 2 }));
        Assert.That(result.Tag, Is.EqualTo(OprfFunction.Evaluate(Key, Input)));

        Assert.That(() => OprfClient.Finalize(blinded, [cheating, answers[1]], dealing.Committee),
            Throws.TypeOf<OprfException>().With.Message.Contains("rejected members: 2"));
    }

    [Test]
    public void A_correct_element_with_a_tampered_or_foreign_proof_is_rejected()
    {
        OprfDealing dealing = ShamirDealer.Deal(2, 3, Key);
        OprfBlindedInput blinded = OprfClient.Blind(Input);
        OprfEvaluation honest = new OprfServer(dealing.Shares[0]).Evaluate(blinded.BlindedElement);
        byte[] proofBytes = honest.Proof.ToBytes();
        Assert.That(DleqProof.FromBytes(proofBytes).Verify(dealing.Committee.Members[0].PublicShare, blinded.BlindedElement, honest.Element), Is.True);
        proofBytes[40] ^= 1;
        Assert.That(DleqProof.FromBytes(proofBytes).Verify(dealing.Committee.Members[0].PublicShare, blinded.BlindedElement, honest.Element), Is.False);
        Assert.That(honest.Proof.Verify(dealing.Committee.Members[1].PublicShare, blinded.BlindedElement, honest.Element), Is.False);
        Assert.That(() => DleqProof.FromBytes(new byte[63]), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void Unblinding_with_the_wrong_blind_gives_a_different_tag()
    {
        OprfDealing dealing = ShamirDealer.Deal(2, 3, Key);
        OprfBlindedInput blinded = OprfClient.Blind(Input);
        OprfEvaluation[] evaluations = Evaluate(dealing, blinded, [1, 3]);
        var wrongBlind = new OprfBlindedInput(Input, Secp256k1Scalar.Add(blinded.Blind, 1), blinded.BlindedElement);
        Hash256 wrong = OprfClient.Finalize(wrongBlind, evaluations, dealing.Committee).Tag;
        Assert.That(wrong, Is.Not.EqualTo(OprfFunction.Evaluate(Key, Input)));
        Assert.That(OprfClient.Finalize(blinded, evaluations, dealing.Committee).Tag, Is.EqualTo(OprfFunction.Evaluate(Key, Input)));
    }

    [Test]
    public void Tags_separate_bands_and_values_and_blinds_hide_the_input()
    {
        Hash256 tag = OprfFunction.Evaluate(Key, Input);
        Assert.That(OprfFunction.Evaluate(Key, Input with { Band = 18 }), Is.Not.EqualTo(tag));
        Assert.That(OprfFunction.Evaluate(Key, Input with { Value = 0x2B4 }), Is.Not.EqualTo(tag));
        Assert.That(OprfClient.Blind(Input).BlindedElement, Is.Not.EqualTo(OprfClient.Blind(Input).BlindedElement));
        byte[] r = new byte[32];
        r[31] = 1;
        Assert.That(OprfClient.Blind(Input, r).BlindedElement, Is.EqualTo(HashToCurve.Hash(Input.Encode())));
    }

    [Test]
    public void Local_oprf_tagger_matches_the_direct_prf()
    {
        OprfDealing dealing = ShamirDealer.Deal(2, 3, Key);
        var tagger = new OprfTagger(dealing.Committee, dealing.Shares.Select(s => new OprfServer(s)).ToArray());
        Assert.That(tagger.Tag(Input), Is.EqualTo(OprfFunction.Evaluate(Key, Input)));

        // A cheating first server is outvoted by asking the spare member.
        OprfDealing foreign = ShamirDealer.Deal(2, 3);
        OprfServer[] servers = [new OprfServer(new OprfKeyShare(1, foreign.Shares[0].Secret)), new OprfServer(dealing.Shares[1]), new OprfServer(dealing.Shares[2])];
        Assert.That(new OprfTagger(dealing.Committee, servers).Tag(Input), Is.EqualTo(OprfFunction.Evaluate(Key, Input)));
        Assert.That(() => new OprfTagger(dealing.Committee, servers.Take(2).ToArray()).Tag(Input), Throws.TypeOf<OprfException>());
    }

    [Test]
    public void Bad_inputs_are_rejected_with_clear_errors()
    {
        OprfDealing dealing = ShamirDealer.Deal(2, 3, Key);
        var server = new OprfServer(dealing.Shares[0]);
        Assert.That(() => server.Evaluate(new byte[64]), Throws.ArgumentException.With.Message.Contains("not a valid secp256k1 point"));
        Assert.That(() => ShamirDealer.Deal(4, 3), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => ShamirDealer.Deal(2, 3, new byte[32]), Throws.ArgumentException.With.Message.Contains("[1, n)"));
        Assert.That(() => new OprfKeyShare(0, Key), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => OprfClient.Blind(Input, new byte[32]), Throws.ArgumentException);
        Assert.That(() => ShamirDealer.Reconstruct([dealing.Shares[0], dealing.Shares[0]]), Throws.ArgumentException.With.Message.Contains("twice"));
    }

    private static OprfEvaluation[] Evaluate(OprfDealing dealing, OprfBlindedInput blinded, int[] members) =>
        members.Select(i => new OprfServer(dealing.Shares[i - 1]).Evaluate(blinded.BlindedElement)).ToArray();
}
