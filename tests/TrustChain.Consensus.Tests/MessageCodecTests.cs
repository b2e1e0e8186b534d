using TrustChain.Consensus.Evidence;
using TrustChain.Consensus.Tendermint;
using TrustChain.Consensus.Validators;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Core.Rlp;

namespace TrustChain.Consensus.Tests;

public class MessageCodecTests
{
    private const ulong ChainId = 7357;
    private static readonly Hash256 BlockA = Keccak256.Compute("A"u8);
    private static readonly Hash256 BlockB = Keccak256.Compute("B"u8);

    [TestCase(VoteType.Prevote, true)]
    [TestCase(VoteType.Precommit, false)]
    public void Vote_round_trips_and_verifies(VoteType type, bool nil)
    {
        Vote vote = SignedVote(TestKeys.Validator(0), type, 9, 2, nil ? null : BlockA);
        Vote decoded = (Vote)ConsensusMessageCodec.Decode(ConsensusMessageCodec.Encode(vote));
        Assert.That(decoded, Is.EqualTo(vote));
        Assert.That(decoded.VerifySignature(ChainId), Is.True);
        Assert.That(decoded.VerifySignature(ChainId + 1), Is.False, "chain id is part of the sign-bytes");
    }

    [Test]
    public void Vote_signature_does_not_transfer_between_types_or_validators()
    {
        PrivateKey key = TestKeys.Validator(0);
        Vote prevote = SignedVote(key, VoteType.Prevote, 1, 0, BlockA);
        Assert.That(new Vote(VoteType.Precommit, 1, 0, BlockA, key.Address, prevote.Signature).VerifySignature(ChainId), Is.False);
        Assert.That(new Vote(VoteType.Prevote, 1, 0, BlockA, TestKeys.Validator(1).Address, prevote.Signature).VerifySignature(ChainId), Is.False);
        byte[] tampered = (byte[])prevote.Signature.Clone();
        tampered[5] ^= 0x40;
        Assert.That(new Vote(VoteType.Prevote, 1, 0, BlockA, key.Address, tampered).VerifySignature(ChainId), Is.False);
    }

    [Test]
    public void Proposal_round_trips_and_recovers_its_proposer()
    {
        PrivateKey key = TestKeys.Validator(4);
        Block block = new(new BlockHeader { Number = 3, Timestamp = 99, Proposer = key.Address }, [], null, []);
        byte[] signature = key.Sign(ProposalSignBytes.Compute(ChainId, 3, 2, 1, block.Hash)).ToBytes65();
        Proposal proposal = new(3, 2, block, 1, signature);
        Proposal decoded = (Proposal)ConsensusMessageCodec.Decode(ConsensusMessageCodec.Encode(proposal));
        Assert.That((decoded.Height, decoded.Round, decoded.ValidRound, decoded.BlockHash), Is.EqualTo((3UL, 2, 1, block.Hash)));
        Assert.That(decoded.RecoverProposer(ChainId), Is.EqualTo(key.Address));
        Assert.That(new Proposal(3, 2, block, -1, signature).RecoverProposer(ChainId), Is.Not.EqualTo(key.Address), "valid round is signed");
    }

    [Test]
    public void Malformed_messages_are_rejected_with_a_decode_exception()
    {
        byte[] vote = ConsensusMessageCodec.Encode(SignedVote(TestKeys.Validator(0), VoteType.Prevote, 1, 0, BlockA));
        Assert.Throws<ConsensusMessageDecodeException>(() => ConsensusMessageCodec.Decode([]));
        Assert.Throws<ConsensusMessageDecodeException>(() => ConsensusMessageCodec.Decode([9, .. vote[1..]]));
        Assert.Throws<ConsensusMessageDecodeException>(() => ConsensusMessageCodec.Decode([.. vote, 0x80]));
        Assert.Throws<ConsensusMessageDecodeException>(() => ConsensusMessageCodec.Decode(vote[..^1]));

        // A zero hash is not a way to spell nil, and a vote type outside {0,1} is not a vote.
        byte[] zeroHash = Rlp.EncodeList(Rlp.Encode(0), Rlp.Encode(1), Rlp.Encode(0), Rlp.Encode(new byte[32]), Rlp.Encode(new byte[20]), Rlp.Encode(new byte[65]));
        Assert.Throws<ConsensusMessageDecodeException>(() => ConsensusMessageCodec.Decode([2, .. zeroHash]));
        byte[] badType = Rlp.EncodeList(Rlp.Encode(2), Rlp.Encode(1), Rlp.Encode(0), Rlp.Encode(BlockA.Bytes), Rlp.Encode(new byte[20]), Rlp.Encode(new byte[65]));
        Assert.Throws<ConsensusMessageDecodeException>(() => ConsensusMessageCodec.Decode([2, .. badType]));
        byte[] shortSig = Rlp.EncodeList(Rlp.Encode(0), Rlp.Encode(1), Rlp.Encode(0), Rlp.Encode(BlockA.Bytes), Rlp.Encode(new byte[20]), Rlp.Encode(new byte[64]));
        Assert.Throws<ConsensusMessageDecodeException>(() => ConsensusMessageCodec.Decode([2, .. shortSig]));
    }

    [Test]
    public void Duplicate_vote_evidence_is_canonical_verifies_and_round_trips()
    {
        PrivateKey key = TestKeys.Validator(0);
        Vote a = SignedVote(key, VoteType.Precommit, 4, 1, BlockA);
        Vote b = SignedVote(key, VoteType.Precommit, 4, 1, BlockB);
        DuplicateVoteEvidence ab = new(a, b);
        DuplicateVoteEvidence ba = new(b, a);
        Assert.That(ab.Encode(), Is.EqualTo(ba.Encode()));
        Assert.That(ab.Hash, Is.EqualTo(ba.Hash));
        Assert.That(DuplicateVoteEvidence.Decode(ab.Encode()), Is.EqualTo(ab));

        ValidatorSet set = new([new Validator(key.Address, key.PublicKey.ToArray(), 10), new Validator(TestKeys.Validator(1).Address, TestKeys.Validator(1).PublicKey.ToArray(), 10)]);
        Assert.That(ab.Verify(set, ChainId, out string? error), Is.True, error);
        Assert.That(ab.Verify(set, ChainId + 1, out _), Is.False);
        ValidatorSet others = new([new Validator(TestKeys.Validator(1).Address, TestKeys.Validator(1).PublicKey.ToArray(), 10)]);
        Assert.That(ab.Verify(others, ChainId, out _), Is.False);

        Assert.Throws<ArgumentException>(() => _ = new DuplicateVoteEvidence(a, SignedVote(key, VoteType.Precommit, 4, 1, BlockA)));
        Assert.Throws<ArgumentException>(() => _ = new DuplicateVoteEvidence(a, SignedVote(key, VoteType.Prevote, 4, 1, BlockB)));
        Assert.Throws<ArgumentException>(() => _ = new DuplicateVoteEvidence(a, SignedVote(TestKeys.Validator(1), VoteType.Precommit, 4, 1, BlockB)));

        // The swapped (non-canonical) order is a second encoding of the same evidence: refused.
        byte[] swapped = Rlp.EncodeList(ab.VoteB.Encode(), ab.VoteA.Encode());
        Assert.Throws<RlpException>(() => DuplicateVoteEvidence.Decode(swapped));
    }

    [Test]
    public void Evidence_pool_verifies_and_dedups_per_offence()
    {
        PrivateKey key = TestKeys.Validator(0);
        StaticValidatorSetProvider provider = new([new Validator(key.Address, key.PublicKey.ToArray(), 10), new Validator(TestKeys.Validator(1).Address, TestKeys.Validator(1).PublicKey.ToArray(), 10)]);
        EvidencePool pool = new(provider, ChainId);
        DuplicateVoteEvidence first = new(SignedVote(key, VoteType.Prevote, 2, 0, BlockA), SignedVote(key, VoteType.Prevote, 2, 0, BlockB));
        DuplicateVoteEvidence samePair = new(SignedVote(key, VoteType.Prevote, 2, 0, null), SignedVote(key, VoteType.Prevote, 2, 0, BlockB));
        Assert.That(pool.TryAdd(first, 3, out string? error), Is.True, error);
        Assert.That(pool.TryAdd(first, 3, out _), Is.False);
        Assert.That(pool.TryAdd(samePair, 3, out _), Is.False, "same offence, other pair");
        Assert.That(pool.TryAdd(new DuplicateVoteEvidence(SignedVote(key, VoteType.Prevote, 9, 0, BlockA), SignedVote(key, VoteType.Prevote, 9, 0, BlockB)), 3, out _), Is.False, "future height");
        Assert.That(pool.GetPending(10), Is.EqualTo(new[] { first }));
        pool.MarkCommitted([first]);
        Assert.That(pool.PendingCount, Is.Zero);
        Assert.That(pool.TryAdd(first, 4, out _), Is.False, "already committed");
    }

    [Test]
    public void Vote_set_tallies_stake_and_reports_conflicts()
    {
        PrivateKey[] keys = [TestKeys.Validator(0), TestKeys.Validator(1), TestKeys.Validator(2), TestKeys.Validator(3)];
        ValidatorSet set = new(keys.Select((k, i) => new Validator(k.Address, k.PublicKey.ToArray(), i == 0 ? 40 : 20)));
        VoteSet votes = new(ChainId, 1, 0, VoteType.Prevote, set);
        Assert.That(votes.Add(SignedVote(keys[1], VoteType.Prevote, 1, 0, BlockA)).Status, Is.EqualTo(AddVoteStatus.Added));
        Assert.That(votes.Add(SignedVote(keys[2], VoteType.Prevote, 1, 0, BlockA)).Status, Is.EqualTo(AddVoteStatus.Added));
        Assert.That(votes.HasTwoThirdsAny, Is.False);
        Assert.That(votes.Add(SignedVote(keys[3], VoteType.Prevote, 1, 0, null)).Status, Is.EqualTo(AddVoteStatus.Added));
        Assert.That(votes.HasTwoThirdsAny, Is.False, "60 of 100 is not more than 2/3");
        Assert.That(votes.Add(SignedVote(keys[0], VoteType.Prevote, 1, 0, BlockA)).Status, Is.EqualTo(AddVoteStatus.Added));
        Assert.That(votes.HasTwoThirdsMajority(out Hash256? majority), Is.True);
        Assert.That(majority, Is.EqualTo(BlockA));
        Assert.That(votes.PowerFor(BlockA), Is.EqualTo(80));

        AddVoteResult conflict = votes.Add(SignedVote(keys[3], VoteType.Prevote, 1, 0, BlockA));
        Assert.That(conflict.Status, Is.EqualTo(AddVoteStatus.Conflict));
        Assert.That(conflict.Evidence!.Validator, Is.EqualTo(keys[3].Address));
        Assert.That(votes.TotalPower, Is.EqualTo(100), "an equivocator's stake counts once in the total");

        Assert.That(votes.Add(SignedVote(TestKeys.Validator(9), VoteType.Prevote, 1, 0, BlockA)).Status, Is.EqualTo(AddVoteStatus.Invalid));
        Vote forged = new(VoteType.Prevote, 1, 0, BlockB, keys[1].Address, SignedVote(keys[2], VoteType.Prevote, 1, 0, BlockB).Signature);
        Assert.That(votes.Add(forged).Status, Is.EqualTo(AddVoteStatus.Invalid));
    }

    internal static Vote SignedVote(PrivateKey key, VoteType type, ulong height, int round, Hash256? hash)
    {
        byte[] signature = key.Sign(VoteSignBytes.Compute(ChainId, height, (uint)round, hash ?? Hash256.Zero, type)).ToBytes65();
        return new Vote(type, height, round, hash, key.Address, signature);
    }
}
