using TrustChain.Consensus.Evidence;
using TrustChain.Consensus.Tendermint;
using TrustChain.Core;
using TrustChain.Core.Consensus;
using TrustChain.Core.Crypto;
using TrustChain.Core.Rlp;
using static TrustChain.Consensus.Tests.Evidence.EvidenceTestKit;

namespace TrustChain.Consensus.Tests.Evidence;

/// <summary>
/// The evidence item is encoded by the engine (DuplicateVoteEvidence) and decoded by the chain (Core's
/// DoubleSignEvidence): both must agree byte for byte and refuse the same malformed inputs.
/// </summary>
[TestFixture]
public sealed class EvidenceCodecTests
{
    private static readonly PrivateKey Key = TestKeys.Validator(0);

    [TestCase(VoteType.Prevote, 0)]
    [TestCase(VoteType.Precommit, 3)]
    public void Engine_encoding_round_trips_and_is_what_the_chain_decodes(VoteType type, int round)
    {
        Vote a = Signed(Key, type, 42, round, BlockA);
        Vote nil = Signed(Key, type, 42, round, null);
        DuplicateVoteEvidence evidence = new(a, nil);
        byte[] encoded = evidence.Encode();

        DuplicateVoteEvidence again = DuplicateVoteEvidence.Decode(encoded);
        DoubleSignEvidence chainSide = DoubleSignEvidence.Decode(encoded);
        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(evidence));
            Assert.That(again.VoteA.IsNil, Is.True, "nil sorts first");
            Assert.That(chainSide.Encode(), Is.EqualTo(encoded));
            Assert.That(chainSide.Hash, Is.EqualTo(evidence.Hash));
            Assert.That(chainSide.Validator, Is.EqualTo(Key.Address));
            Assert.That(chainSide.Height, Is.EqualTo(42UL));
            Assert.That(chainSide.Round, Is.EqualTo((uint)round));
            Assert.That(chainSide.VoteType, Is.EqualTo((byte)type));
            Assert.That(chainSide.VoteA.BlockHash, Is.Null);
            Assert.That(chainSide.VoteB.BlockHash, Is.EqualTo(BlockA));
            Assert.That(chainSide.CheckSignatures(ChainId), Is.Null);
            Assert.That(chainSide.CheckSignatures(ChainId + 1), Is.Not.Null, "the chain id is part of the signed bytes");
        });
    }

    [Test]
    public void Both_discovery_orders_give_one_encoding()
    {
        Vote a = Signed(Key, VoteType.Prevote, 7, 1, BlockA);
        Vote b = Signed(Key, VoteType.Prevote, 7, 1, BlockB);
        Assert.That(new DuplicateVoteEvidence(b, a).Encode(), Is.EqualTo(new DuplicateVoteEvidence(a, b).Encode()));
    }

    [TestCase(VoteType.Prevote, VoteSignPayload.Prevote)]
    [TestCase(VoteType.Precommit, VoteSignPayload.Precommit)]
    public void Engine_and_chain_share_the_vote_sign_bytes(VoteType type, byte code)
    {
        Assert.That(VoteSignBytes.Encode(ChainId, 9, 2, BlockA, type), Is.EqualTo(VoteSignPayload.Encode(ChainId, 9, 2, BlockA, code)));
    }

    [Test]
    public void Chain_side_builder_encodes_like_the_engine()
    {
        Vote a = Signed(Key, VoteType.Precommit, 5, 0, BlockA);
        Vote b = Signed(Key, VoteType.Precommit, 5, 0, BlockB);
        DoubleSignEvidence built = new(ToChain(b), ToChain(a));
        Assert.That(built.Encode(), Is.EqualTo(new DuplicateVoteEvidence(a, b).Encode()));
    }

    public static IEnumerable<TestCaseData> Malformed()
    {
        Vote a = Signed(Key, VoteType.Precommit, 5, 0, BlockA);
        Vote b = Signed(Key, VoteType.Precommit, 5, 0, BlockB);
        byte[] good = new DuplicateVoteEvidence(a, b).Encode();
        byte[] va = a.Encode();
        byte[] vb = b.Encode();
        yield return new TestCaseData(Array.Empty<byte>()).SetName("Empty");
        yield return new TestCaseData(good[..^1]).SetName("Truncated");
        yield return new TestCaseData(good.Concat(new byte[] { 0x80 }).ToArray()).SetName("Trailing bytes");
        yield return new TestCaseData(Rlp.EncodeList(va)).SetName("One vote");
        yield return new TestCaseData(Rlp.EncodeList(va, vb, va)).SetName("Three votes");
        DuplicateVoteEvidence pair = new(a, b);
        yield return new TestCaseData(Rlp.EncodeList(pair.VoteB.Encode(), pair.VoteA.Encode())).SetName("Not in canonical order");
        yield return new TestCaseData(Rlp.EncodeList(va, va)).SetName("Same block id");
        yield return new TestCaseData(Rlp.EncodeList(va, Signed(Key, VoteType.Precommit, 6, 0, BlockB).Encode())).SetName("Different heights");
        yield return new TestCaseData(Rlp.EncodeList(va, Signed(Key, VoteType.Precommit, 5, 1, BlockB).Encode())).SetName("Different rounds");
        yield return new TestCaseData(Rlp.EncodeList(va, Signed(Key, VoteType.Prevote, 5, 0, BlockB).Encode())).SetName("Different types");
        yield return new TestCaseData(Rlp.EncodeList(va, Signed(TestKeys.Validator(1), VoteType.Precommit, 5, 0, BlockB).Encode()))
            .SetName("Different validators");
        yield return new TestCaseData(Rlp.EncodeList(va, Rlp.EncodeList(Rlp.Encode(2UL), Rlp.Encode(5UL), Rlp.Encode(0UL), Rlp.Encode(BlockB.Bytes),
            Rlp.Encode(Key.Address.Bytes), Rlp.Encode(b.Signature)))).SetName("Unknown vote type");
        yield return new TestCaseData(Rlp.EncodeList(va, Rlp.EncodeList(Rlp.Encode(1UL), Rlp.Encode(5UL), Rlp.Encode(0UL), Rlp.Encode(BlockB.Bytes),
            Rlp.Encode(Key.Address.Bytes), Rlp.Encode(b.Signature[..64])))).SetName("Short signature");
        yield return new TestCaseData(Rlp.EncodeList(Rlp.EncodeList(Rlp.Encode(1UL), Rlp.Encode(5UL), Rlp.Encode(0UL), Rlp.Encode(new byte[32]),
            Rlp.Encode(Key.Address.Bytes), Rlp.Encode(a.Signature)), vb)).SetName("Zero hash instead of nil");
        yield return new TestCaseData(Rlp.Encode(good)).SetName("A string, not a list");
    }

    [TestCaseSource(nameof(Malformed))]
    public void Malformed_bytes_are_refused_by_both_decoders(byte[] encoded)
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<RlpException>(() => DuplicateVoteEvidence.Decode(encoded));
            Assert.Throws<RlpException>(() => DoubleSignEvidence.Decode(encoded));
        });
    }

    [Test]
    public void Constructors_refuse_pairs_that_are_not_a_double_sign()
    {
        Vote a = Signed(Key, VoteType.Precommit, 5, 0, BlockA);
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => _ = new DuplicateVoteEvidence(a, Signed(Key, VoteType.Precommit, 5, 0, BlockA)));
            Assert.Throws<ArgumentException>(() => _ = new DuplicateVoteEvidence(a, Signed(Key, VoteType.Precommit, 6, 0, BlockB)));
            Assert.Throws<ArgumentException>(() => _ = new DoubleSignEvidence(ToChain(a), ToChain(Signed(Key, VoteType.Precommit, 6, 0, BlockB))));
            Assert.Throws<ArgumentException>(() => _ = new DoubleSignEvidence(ToChain(a), ToChain(a)));
        });
    }

    private static EvidenceVote ToChain(Vote vote) =>
        new((byte)vote.Type, vote.Height, (uint)vote.Round, vote.BlockHash, vote.Validator, vote.Signature);
}
