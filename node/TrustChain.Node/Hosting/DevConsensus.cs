using Microsoft.Extensions.Logging;
using TrustChain.Chain.Blocks;
using TrustChain.Consensus.Driver;
using TrustChain.Consensus.Tendermint;
using TrustChain.Consensus.Validators;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Node.Hosting.Network;
using ChainTxPool = TrustChain.Chain.TxPool.TxPool;

namespace TrustChain.Node.Hosting;

/// <summary>
/// The standalone (dev) chain: the same Tendermint engine, WAL and double-sign guard as on the network, with this
/// node's key as the only signer and no peers. Dev timeout profile: timeoutCommit is the block time, and transactions
/// arriving in the pool end that wait after a short debounce (CometBFT's skip_timeout_commit), so a transaction is
/// sealed within milliseconds while an idle chain still makes a block every block time. A block time of
/// <see cref="Timeout.InfiniteTimeSpan"/> is CometBFT's create_empty_blocks = false: only transactions start a block
/// (round 0 of the first height still runs at start, so a restart adds at most one empty block).
/// </summary>
public sealed class DevConsensus : IAsyncDisposable
{
    private readonly Blockchain _chain;
    private readonly ChainTxPool _pool;
    private readonly ConsensusDriver _driver;
    private readonly TimeSpan _debounce;
    private readonly ITimer _wakeTimer;
    private int _wakeScheduled;
    private int _arrivedSinceCommit;

    /// <param name="blockTime">The idle block interval (timeoutCommit); <see cref="Timeout.InfiniteTimeSpan"/>: no empty blocks.</param>
    /// <param name="debounce">How long a burst of arriving transactions may gather before the block is started.</param>
    /// <param name="committed">Called on the consensus thread after each block with its build + commit time.</param>
    public DevConsensus(Blockchain chain, ChainTxPool pool, PrivateKey validator, string dataDir, TimeSpan blockTime, TimeSpan debounce,
        Action<Block, TimeSpan> committed, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentException.ThrowIfNullOrEmpty(dataDir);
        ArgumentNullException.ThrowIfNull(committed);
        ArgumentNullException.ThrowIfNull(log);
        _chain = chain;
        _pool = pool;
        _debounce = debounce;
        ulong chainId = chain.Spec.ChainId;
        StakingValidatorSetProvider validators = new(chain);
        TimedBlockApplication application = new(new CommitCheckingApplication(chain, validators, chainId), committed);
        PrivValidator signer = PrivValidator.CreateFileBacked(validator, chainId, Path.Combine(dataDir, "priv_validator_state"));
        _driver = new ConsensusDriver(application, validators, signer, new NoPeersTransport(), new ConsensusDriverOptions
        {
            ChainId = chainId,
            Timeouts = NetworkNode.TimeoutsOf(chain.Spec.Parameters) with { Commit = blockTime },
            WalPath = Path.Combine(dataDir, "consensus.wal"),
        });
        _driver.Faulted += e => log.LogError(e, "Block production failed");
        _driver.BlockCommitted += OnBlockCommitted;
        _wakeTimer = TimeProvider.System.CreateTimer(_ => Wake(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public ConsensusDriver Driver => _driver;

    /// <summary>Whether <paramref name="validator"/> holds more than 2/3 of the voting power at the next height.</summary>
    public static bool CanCommitAlone(Blockchain chain, Address validator)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ValidatorSet set = new StakingValidatorSetProvider(chain).GetValidatorSet(chain.Head.Number + 1);
        return set.HasTwoThirdsMajority(set.VotingPowerOf(validator));
    }

    public void Start()
    {
        BlockHeader head = _chain.Head;
        Commit? lastCommit = head.Number == 0 ? null : _chain.Store.GetCommit(head.Number);
        _pool.TransactionAdded += OnTransactionAdded;
        _driver.Start(head.Number + 1, head.Timestamp, lastCommit);
    }

    /// <summary>Stops after the block in flight is committed.</summary>
    public async ValueTask DisposeAsync()
    {
        _pool.TransactionAdded -= OnTransactionAdded;
        await _wakeTimer.DisposeAsync().ConfigureAwait(false);
        await _driver.DisposeAsync().ConfigureAwait(false);
    }

    private void OnTransactionAdded(TrustChain.Core.Transactions.Transaction transaction)
    {
        Volatile.Write(ref _arrivedSinceCommit, 1);
        if (Interlocked.Exchange(ref _wakeScheduled, 1) == 0)
        {
            _wakeTimer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void Wake()
    {
        Volatile.Write(ref _wakeScheduled, 0);
        // Height 0: the driver is still starting; its first height begins without a wait.
        ulong height = _driver.Height;
        if (height != 0 && _pool.PendingCount > 0)
        {
            _driver.SkipCommitWait(height);
        }
    }

    private void OnBlockCommitted(Block block, Commit commit)
    {
        // More than one block's worth was waiting, or a transaction arrived while this block was being decided (its wake-up
        // found the height busy): go on at once. Pending transactions that did not arrive anew and were not included by
        // this block are left to the block time, so they cannot spin out empty blocks.
        bool arrived = Interlocked.Exchange(ref _arrivedSinceCommit, 0) == 1;
        if ((block.Transactions.Count > 0 || arrived) && _pool.PendingCount > 0)
        {
            _driver.SkipCommitWait(block.Number + 1);
        }
    }
}
