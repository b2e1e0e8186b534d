using TrustChain.Consensus.Evidence;
using TrustChain.Consensus.Tests.Simulation;

namespace TrustChain.Consensus.Tests;

[Parallelizable(ParallelScope.None)]
public class SimulationTests
{
    private const ulong TargetHeight = 4;
    private const long DeadlineMs = 120_000;

    private static IEnumerable<int> Seeds(int count) => Enumerable.Range(1, count);

    [TestCaseSource(nameof(Seeds), new object[] { 200 })]
    public void Four_honest_validators_agree_and_progress(int seed) =>
        AssertSafeAndLive(new SimNetwork(seed, [10, 10, 10, 10], Honest(4)));

    [TestCaseSource(nameof(Seeds), new object[] { 200 })]
    public void Seven_validators_with_unequal_stake_agree_and_progress(int seed) =>
        AssertSafeAndLive(new SimNetwork(seed, [5, 10, 15, 20, 25, 30, 35], Honest(7)));

    [TestCaseSource(nameof(Seeds), new object[] { 40 })]
    public void Silent_validator_below_one_third_does_not_stop_the_chain(int seed)
    {
        Behaviour[] roles = Honest(4);
        roles[seed % 4] = Behaviour.Silent;
        AssertSafeAndLive(new SimNetwork(seed, [10, 10, 10, 10], roles));
    }

    [TestCaseSource(nameof(Seeds), new object[] { 25 })]
    public void Double_proposer_cannot_fork_the_chain(int seed)
    {
        Behaviour[] roles = Honest(7);
        roles[seed % 7] = Behaviour.DoubleProposer;
        roles[(seed + 3) % 7] = Behaviour.DoubleProposer;
        AssertSafeAndLive(new SimNetwork(seed, [10, 10, 10, 10, 10, 10, 10], roles));
    }

    [TestCaseSource(nameof(Seeds), new object[] { 40 })]
    public void Double_voter_is_caught_with_verifiable_evidence_and_cannot_fork(int seed)
    {
        Behaviour[] roles = Honest(4);
        int byzantine = seed % 4;
        roles[byzantine] = Behaviour.DoubleVoter;
        SimNetwork network = new(seed, [10, 10, 10, 10], roles);
        AssertSafeAndLive(network, targetHeight: 8);

        List<DuplicateVoteEvidence> evidence = network.Honest.SelectMany(n => n.Evidence).ToList();
        Assert.That(evidence, Is.Not.Empty, "no honest node noticed the double vote");
        foreach (DuplicateVoteEvidence item in evidence)
        {
            Assert.That(item.Validator, Is.EqualTo(network.Nodes[byzantine].Key.Address));
            Assert.That(item.Verify(network.Validators.GetValidatorSet(item.Height), network.ChainId, out string? error), Is.True, error);
            Assert.That(DuplicateVoteEvidence.Decode(item.Encode()), Is.EqualTo(item));
        }
    }

    [TestCaseSource(nameof(Seeds), new object[] { 20 })]
    public void Mixed_byzantine_minority_of_seven(int seed)
    {
        Behaviour[] roles = Honest(7);
        roles[seed % 7] = Behaviour.DoubleVoter;
        roles[(seed + 2) % 7] = Behaviour.DoubleProposer;
        AssertSafeAndLive(new SimNetwork(seed, [10, 10, 10, 10, 10, 10, 10], roles));
    }

    [TestCaseSource(nameof(Seeds), new object[] { 10 })]
    public void One_third_or_more_silent_makes_no_progress_and_no_fork(int seed)
    {
        Behaviour[] roles = Honest(7);
        for (int i = 0; i < 3; i++)
        {
            roles[(seed + (2 * i)) % 7] = Behaviour.Silent;
        }

        // 3 of 7 equal stakes silent: the 4 others hold 4/7 < 2/3.
        SimNetwork network = new(seed, [10, 10, 10, 10, 10, 10, 10], roles);
        network.Run(1, 20_000);
        Assert.That(network.SafetyViolations, Is.Empty);
        Assert.That(network.Honest.Select(n => n.Application.Head.Number), Is.All.EqualTo(0UL));
        Assert.That(network.Honest.Select(n => n.Engine.Height), Is.All.EqualTo(1UL));
    }

    [Test]
    public void Proposer_rotates_across_heights_and_is_agreed_by_all_nodes()
    {
        SimNetwork network = new(99, [5, 10, 15, 20, 25, 30, 35], Honest(7));
        AssertSafeAndLive(network);
        List<FakeApplication> apps = network.Nodes.Select(n => n.Application).ToList();
        for (int h = 0; h < (int)TargetHeight; h++)
        {
            Assert.That(apps.Select(a => a.Committed[h].Block.Header.Proposer).Distinct().Count(), Is.EqualTo(1));
        }

        Assert.That(apps[0].Committed.Select(c => c.Block.Header.Proposer).Distinct().Count(), Is.GreaterThan(1));
    }

    private static Behaviour[] Honest(int count) => Enumerable.Repeat(Behaviour.Honest, count).ToArray();

    private static void AssertSafeAndLive(SimNetwork network, ulong targetHeight = TargetHeight)
    {
        network.Run(targetHeight, DeadlineMs);
        Assert.That(network.SafetyViolations, Is.Empty);
        Assert.That(network.Honest.Select(n => n.Application.Head.Number), Is.All.GreaterThanOrEqualTo(targetHeight), "liveness");
        foreach (SimNode node in network.Honest)
        {
            foreach ((TrustChain.Core.Blocks.Block block, TrustChain.Core.Blocks.Commit commit) in node.Application.Committed)
            {
                Assert.That(commit.BlockHash, Is.EqualTo(block.Hash));
            }
        }
    }
}
