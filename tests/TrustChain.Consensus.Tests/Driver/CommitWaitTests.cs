using System.Diagnostics;
using TrustChain.Consensus.Driver;
using TrustChain.Consensus.Tendermint;
using TrustChain.Consensus.Tests.Simulation;
using TrustChain.Consensus.Validators;
using TrustChain.Core.Crypto;

namespace TrustChain.Consensus.Tests.Driver;

/// <summary>
/// A single validator whose commit wait never times out (a dev chain without empty blocks): round 0 of the first height
/// runs at start, then only SkipCommitWait for the waiting height starts the next block. The round state the driver
/// publishes for metrics follows the engine.
/// </summary>
[TestFixture]
public sealed class CommitWaitTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private string _root = null!;
    private DriverNode _node = null!;

    [SetUp]
    public void SetUp()
    {
        _root = Path.Combine(Path.GetTempPath(), "tc-commitwait-" + Guid.NewGuid().ToString("N"));
        PrivateKey key = TestKeys.Validator(0);
        StaticValidatorSetProvider validators = new([new Validator(key.Address, key.PublicKey.ToArray(), 10)]);
        _node = new DriverNode(new LoopbackHub(), 0, key, validators, _root);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _node.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    public async Task Only_a_skip_for_the_waiting_height_starts_the_next_block()
    {
        _node.Start(new ConsensusDriverOptions
        {
            ChainId = SimNetwork.SimChainId,
            Timeouts = DriverNode.FastTimeouts with { Commit = Timeout.InfiniteTimeSpan },
            WalPath = _node.WalPath,
        });
        ConsensusDriver driver = _node.Driver!;
        await WaitUntil(() => _node.Committed.Count == 1 && driver.Height == 2 && driver.Step == ConsensusStep.NewHeight, "block 1 and the wait for height 2");
        Assert.That(driver.Round, Is.Zero);

        // A request for a later height is premature and one repeated for a decided height is stale: neither may end a wait.
        Assert.That(driver.SkipCommitWait(3), Is.True);
        Assert.That(driver.SkipCommitWait(2), Is.True);
        Assert.That(driver.SkipCommitWait(2), Is.True);
        await WaitUntil(() => _node.Committed.Count >= 2 && driver.Step == ConsensusStep.NewHeight, "block 2");
        await Task.Delay(300);

        Assert.Multiple(() =>
        {
            Assert.That(_node.Committed.Keys.Order(), Is.EqualTo(new ulong[] { 1, 2 }));
            Assert.That(driver.Height, Is.EqualTo(3));
            Assert.That(driver.Step, Is.EqualTo(ConsensusStep.NewHeight));
            Assert.That(_node.Faults, Is.Empty);
        });
    }

    [TestCase(-2, false)]
    [TestCase(-1, true)]
    [TestCase(0, true)]
    public void Commit_timeout_is_non_negative_or_infinite(int milliseconds, bool valid)
    {
        TimeoutParams timeouts = new() { Commit = TimeSpan.FromMilliseconds(milliseconds) };
        if (valid)
        {
            Assert.DoesNotThrow(timeouts.Validate);
        }
        else
        {
            Assert.Throws<ArgumentOutOfRangeException>(timeouts.Validate);
        }
    }

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        Stopwatch watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > Deadline)
            {
                Assert.Fail($"timed out after {Deadline.TotalSeconds} s waiting for {what}");
            }

            await Task.Delay(20);
        }
    }
}
