using System.Diagnostics;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Consensus;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using TrustChain.Node.Dev;
using TrustChain.Node.Hosting;

namespace TrustChain.Bench.Sync;

/// <summary>
/// Extends the chain in one node data dir of a <c>trustchain testnet init</c> network, in process and quickly: blocks are
/// built and committed through <see cref="Blockchain"/> with the testnet's genesis, proposers taking turns, and every
/// block's commit carries a round-0 precommit from each validator key of the network, so any node of that network (a
/// fresh follower syncing, or the other validators) accepts the blocks as if consensus had made them. Each block
/// carries transfers between the dev accounts, signed on all cores.
/// </summary>
public sealed class TestnetChainBuilder
{
    private const int FirstTransferAccount = 4;
    private const ulong BlockIntervalMs = 1_000;
    private static readonly UInt256 Tip = 1_000_000_000UL;
    private static readonly UInt256 MaxFee = 1_000_000_000_000UL;

    private readonly string _dataDir;
    private readonly IReadOnlyList<PrivateKey> _validators;
    private readonly int _txsPerBlock;
    private readonly TextWriter _progress;

    public TestnetChainBuilder(string dataDir, IReadOnlyList<PrivateKey> validators, int txsPerBlock, TextWriter progress)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDir);
        ArgumentNullException.ThrowIfNull(validators);
        ArgumentOutOfRangeException.ThrowIfZero(validators.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(txsPerBlock);
        ArgumentNullException.ThrowIfNull(progress);
        _dataDir = dataDir;
        _validators = validators;
        _txsPerBlock = txsPerBlock;
        _progress = progress;
    }

    /// <summary>Extends the chain to <paramref name="targetHeight"/>; returns the new head and the time taken.</summary>
    public (ulong Head, TimeSpan Elapsed) Build(ulong targetHeight)
    {
        ChainSpec spec = GenesisLoader.Load(NodePaths.Genesis(_dataDir));
        using Blockchain chain = Blockchain.Open(NodePaths.Database(_dataDir), spec, NodeRunner.CreateChainOptions(spec));
        Stopwatch watch = Stopwatch.StartNew();
        ulong start = chain.Head.Number;
        Commit? lastCommit = start == 0 ? null : chain.Store.GetCommit(start);
        PrivateKey[] senders = new PrivateKey[DevAccounts.Count - FirstTransferAccount];
        ulong[] nonces = new ulong[senders.Length];
        for (int i = 0; i < senders.Length; i++)
        {
            senders[i] = DevAccounts.Get(FirstTransferAccount + i);
            nonces[i] = chain.HeadState.GetAccount(senders[i].Address).Nonce;
        }

        for (ulong height = start + 1; height <= targetHeight; height++)
        {
            Transaction[] transactions = SignTransfers(spec.ChainId, senders, nonces, height);
            PrivateKey proposer = _validators[(int)(height % (ulong)_validators.Count)];
            ExecutedBlock built = chain.BuildBlock(proposer.Address, chain.Head.Timestamp + BlockIntervalMs, lastCommit, transactions);
            if (built.Block.Transactions.Count != transactions.Length)
            {
                throw new InvalidOperationException(
                    $"block #{built.Block.Number} included {built.Block.Transactions.Count} of {transactions.Length} transfers");
            }

            CommitSignature[] signatures = new CommitSignature[_validators.Count];
            for (int v = 0; v < signatures.Length; v++)
            {
                signatures[v] = CommitSigner.SignPrecommit(_validators[v], spec.ChainId, height, 0, built.Block.Hash);
            }

            Commit commit = new(height, 0, built.Block.Hash, signatures);
            chain.Commit(built.Block, commit, built);
            lastCommit = commit;
            if (height % 1000 == 0 || height == targetHeight)
            {
                _progress.WriteLine($"  #{height:N0} of {targetHeight:N0}  {(height - start) / watch.Elapsed.TotalSeconds:N0} blocks/s");
            }
        }

        return (chain.Head.Number, watch.Elapsed);
    }

    private Transaction[] SignTransfers(ulong chainId, PrivateKey[] senders, ulong[] nonces, ulong height)
    {
        Transaction[] transactions = new Transaction[_txsPerBlock];
        (PrivateKey Key, ulong Nonce)[] plan = new (PrivateKey, ulong)[_txsPerBlock];
        for (int i = 0; i < plan.Length; i++)
        {
            int s = i % senders.Length;
            plan[i] = (senders[s], nonces[s]++);
        }

        Parallel.For(0, plan.Length, i =>
        {
            byte[] recipient = new byte[Address.Length];
            BitConverter.TryWriteBytes(recipient, height * 100_003UL + (ulong)i);
            transactions[i] = TransactionSigner.Sign(new Transaction
            {
                Type = TxType.Eip1559,
                ChainId = chainId,
                Nonce = plan[i].Nonce,
                MaxPriorityFeePerGas = Tip,
                MaxFeePerGas = MaxFee,
                GasLimit = 21_000,
                To = new Address(recipient),
                Value = 1_000UL,
            }, plan[i].Key);
        });
        return transactions;
    }
}
