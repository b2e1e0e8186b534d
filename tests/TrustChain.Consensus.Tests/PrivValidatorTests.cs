using TrustChain.Consensus.Tendermint;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Consensus.Tests;

public class PrivValidatorTests
{
    private static readonly Hash256 BlockA = Keccak256.Compute("A"u8);
    private static readonly Hash256 BlockB = Keccak256.Compute("B"u8);
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("tc-privval-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string StateFile => Path.Combine(_dir, "sign-state.bin");

    [Test]
    public void After_restart_a_conflicting_signature_at_the_same_step_is_refused()
    {
        PrivateKey key = TestKeys.Validator(0);
        byte[] first = PrivValidator.CreateFileBacked(key, 7357, StateFile).SignVote(VoteType.Prevote, 5, 1, BlockA);

        // "Crash": a brand-new instance that only has the file.
        PrivValidator restarted = PrivValidator.CreateFileBacked(key, 7357, StateFile);
        Assert.Throws<DoubleSignRefusedException>(() => restarted.SignVote(VoteType.Prevote, 5, 1, BlockB));
        Assert.Throws<DoubleSignRefusedException>(() => restarted.SignVote(VoteType.Prevote, 5, 1, null));
        Assert.That(restarted.SignVote(VoteType.Prevote, 5, 1, BlockA), Is.EqualTo(first), "identical message may be re-signed");

        Vote vote = new(VoteType.Prevote, 5, 1, BlockA, key.Address, first);
        Assert.That(vote.VerifySignature(7357), Is.True);
    }

    [TestCase(4UL, 9, ConsensusStep.Precommit)]
    [TestCase(5UL, 0, ConsensusStep.Precommit)]
    [TestCase(5UL, 1, ConsensusStep.Propose)]
    public void Earlier_height_round_or_step_is_refused_after_restart(ulong height, int round, ConsensusStep step)
    {
        PrivateKey key = TestKeys.Validator(1);
        PrivValidator.CreateFileBacked(key, 7357, StateFile).SignVote(VoteType.Prevote, 5, 1, BlockA);
        PrivValidator restarted = PrivValidator.CreateFileBacked(key, 7357, StateFile);
        Assert.Throws<DoubleSignRefusedException>(() => Sign(restarted, height, round, step));
    }

    [Test]
    public void Later_steps_are_signed_and_persisted()
    {
        PrivateKey key = TestKeys.Validator(2);
        PrivValidator signer = PrivValidator.CreateFileBacked(key, 7357, StateFile);
        signer.SignProposal(7, 0, -1, BlockA);
        signer.SignVote(VoteType.Prevote, 7, 0, BlockA);
        signer.SignVote(VoteType.Precommit, 7, 0, null);
        signer.SignVote(VoteType.Prevote, 7, 1, BlockB);
        LastSignState? state = new FileSignStateStore(StateFile).Load();
        Assert.That(state, Is.Not.Null);
        Assert.That((state!.Height, state.Round, state.Step), Is.EqualTo((7UL, 1, ConsensusStep.Prevote)));
        Assert.That(state.SignBytesHash, Is.EqualTo(VoteSignBytes.Compute(7357, 7, 1, BlockB, VoteType.Prevote)));
    }

    [Test]
    public void Corrupted_state_file_is_refused_rather_than_ignored()
    {
        PrivValidator.CreateFileBacked(TestKeys.Validator(3), 7357, StateFile).SignVote(VoteType.Prevote, 1, 0, BlockA);
        byte[] bytes = File.ReadAllBytes(StateFile);
        bytes[10] ^= 1;
        File.WriteAllBytes(StateFile, bytes);
        Assert.Throws<InvalidDataException>(() => PrivValidator.CreateFileBacked(TestKeys.Validator(3), 7357, StateFile));
        File.WriteAllBytes(StateFile, bytes[..20]);
        Assert.Throws<InvalidDataException>(() => PrivValidator.CreateFileBacked(TestKeys.Validator(3), 7357, StateFile));
    }

    private static void Sign(PrivValidator signer, ulong height, int round, ConsensusStep step)
    {
        if (step == ConsensusStep.Propose)
        {
            signer.SignProposal(height, round, -1, BlockB);
        }
        else
        {
            signer.SignVote(step == ConsensusStep.Prevote ? VoteType.Prevote : VoteType.Precommit, height, round, BlockB);
        }
    }
}
