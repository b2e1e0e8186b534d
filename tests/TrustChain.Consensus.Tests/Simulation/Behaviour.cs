namespace TrustChain.Consensus.Tests.Simulation;

public enum Behaviour
{
    Honest,
    Silent,
    DoubleProposer,
    DoubleVoter,
}
