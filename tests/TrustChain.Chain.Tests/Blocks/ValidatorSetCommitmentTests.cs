using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Chain.Tests.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;

namespace TrustChain.Chain.Tests.Blocks;

/// <summary>
/// A fourth account stakes in as a validator during epoch 1 (epochs of 4 blocks): the boundary block 4 commits to the
/// new set in nextValidatorsHash and block 5 carries it as validatorsHash. A follower with Staking installed imports
/// the honest chain and rejects headers that keep the old set or name a set the state does not give.
/// </summary>
[TestFixture]
public sealed class ValidatorSetCommitmentTests
{
    private StakingHarness _producer = null!;
    private TempChain _follower = null!;
    private Hash256 _genesisSet;
    private Hash256 _expandedSet;

    [OneTimeSetUp]
    public void SetUp()
    {
        _producer = new StakingHarness();
        ChainSpec spec = _producer.Chain.Spec;
        _follower = new TempChain(spec, () =>
        {
            BlockchainOptions options = new();
            StakingModule.Install(options, spec.Parameters);
            return options;
        });

        UInt256 minimum = spec.Parameters.MinimumStake(StakingRole.Validator);
        _producer.SendOk(StakingHarness.Key3, "stakeValidator", minimum, StakingHarness.CompressedKey(StakingHarness.Key3));
        _producer.ProduceUntil(6);

        // Independent of the staking code: the genesis validators by descending stake, then the newcomer.
        List<GenesisValidator> expanded = spec.Validators.OrderByDescending(v => v.Stake).ThenBy(v => v.Address).ToList();
        expanded.Add(new GenesisValidator(StakingHarness.Key3.Address, StakingHarness.CompressedKey(StakingHarness.Key3), minimum));
        _genesisSet = ValidatorSetHash.Compute(spec.Validators);
        _expandedSet = ValidatorSetHash.Compute(expanded);
        Assert.That(_expandedSet, Is.Not.EqualTo(_genesisSet));
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _producer.Dispose();
        _follower.Dispose();
    }

    [TestCase(1UL, false, false)]
    [TestCase(3UL, false, false)]
    [TestCase(4UL, false, true)]
    [TestCase(5UL, true, true)]
    [TestCase(6UL, true, true)]
    public void Headers_commit_to_the_set_staking_gives_for_their_epoch(ulong number, bool currentIsExpanded, bool nextIsExpanded)
    {
        BlockHeader header = _producer.Chain.GetHeader(number)!;
        Assert.Multiple(() =>
        {
            Assert.That(header.ValidatorsHash, Is.EqualTo(currentIsExpanded ? _expandedSet : _genesisSet));
            Assert.That(header.NextValidatorsHash, Is.EqualTo(nextIsExpanded ? _expandedSet : _genesisSet));
        });
    }

    [Test]
    public void A_follower_imports_the_chain_and_rejects_wrong_set_commitments_at_and_after_the_boundary()
    {
        Blockchain follower = _follower.Chain;
        ImportUpTo(follower, 3);

        Block boundary = _producer.Chain.GetBlock(4)!;
        Block staleNext = WithHeader(boundary, h => CopyHeader(h, c => Edit(c, next: _genesisSet)));
        InvalidBlockException e = Assert.Throws<InvalidBlockException>(() => follower.ProcessBlock(staleNext))!;
        Assert.That(e.Reason, Does.Contain("nextValidatorsHash"));
        Assert.That(follower.Head.Number, Is.EqualTo(3));

        ImportUpTo(follower, 4);
        Block afterBoundary = _producer.Chain.GetBlock(5)!;
        Block oldSet = WithHeader(afterBoundary, h => CopyHeader(h, c => Edit(c, current: _genesisSet, next: _genesisSet)));
        e = Assert.Throws<InvalidBlockException>(() => follower.ProcessBlock(oldSet))!;
        Assert.That(e.Reason, Does.Contain("validatorsHash"));

        Block inconsistent = WithHeader(afterBoundary, h => CopyHeader(h, c => Edit(c, next: _genesisSet)));
        e = Assert.Throws<InvalidBlockException>(() => follower.ProcessBlock(inconsistent))!;
        Assert.That(e.Reason, Does.Contain("nextValidatorsHash"));

        ImportUpTo(follower, 6);
        Assert.That(follower.Head.Hash, Is.EqualTo(_producer.Chain.GetHeader(6)!.Hash));
    }

    private void ImportUpTo(Blockchain follower, ulong number)
    {
        for (ulong n = follower.Head.Number + 1; n <= number; n++)
        {
            Block block = _producer.Chain.GetBlock(n)!;
            follower.Commit(block, CommitFor(block), follower.ProcessBlock(block));
        }
    }

    private static Block WithHeader(Block block, Func<BlockHeader, BlockHeader> edit) =>
        new(edit(block.Header), block.Transactions, block.LastCommit, block.Evidence);

    private static BlockHeader Edit(BlockHeader c, Hash256? current = null, Hash256? next = null) => new()
    {
        ParentHash = c.ParentHash,
        Number = c.Number,
        Timestamp = c.Timestamp,
        Proposer = c.Proposer,
        StateRoot = c.StateRoot,
        TransactionsRoot = c.TransactionsRoot,
        ReceiptsRoot = c.ReceiptsRoot,
        LogsBloom = c.LogsBloom,
        GasLimit = c.GasLimit,
        GasUsed = c.GasUsed,
        BaseFeePerGas = c.BaseFeePerGas,
        ValidatorsHash = current ?? c.ValidatorsHash,
        NextValidatorsHash = next ?? c.NextValidatorsHash,
        LastCommitHash = c.LastCommitHash,
        HumanSetRoot = c.HumanSetRoot,
    };
}
