using TrustChain.Consensus.Sync;
using TrustChain.Consensus.Tests.Simulation;
using TrustChain.Consensus.Validators;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;

namespace TrustChain.Consensus.Tests.Sync;

/// <summary>A chain built the way consensus builds it: each block with a commit precommitted by all four validators.</summary>
public sealed class SyncChain
{
    public SyncChain(int length)
    {
        Keys = [.. Enumerable.Range(0, 4).Select(TestKeys.Validator)];
        Validators = new StaticValidatorSetProvider(Keys.Select(k => new Validator(k.Address, k.PublicKey.ToArray(), 10)));
        FakeApplication builder = new(SimNetwork.SimChainId, Validators);
        for (ulong height = 1; height <= (ulong)length; height++)
        {
            Block block = builder.Propose(height, Keys[(int)(height % 4)].Address, height * 1000, null).Block;
            Commit commit = new(height, 0, block.Hash, [.. Keys.Select(k => CommitSigner.SignPrecommit(k, SimNetwork.SimChainId, height, 0, block.Hash))]);
            builder.Commit(block, commit);
            Blocks.Add(new SyncBlock(block, commit));
        }
    }

    public PrivateKey[] Keys { get; }

    public StaticValidatorSetProvider Validators { get; }

    public List<SyncBlock> Blocks { get; } = [];

    public ulong Head => (ulong)Blocks.Count;

    public FakeApplication NewFollower() => new(SimNetwork.SimChainId, Validators);
}
