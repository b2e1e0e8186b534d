using Microsoft.Extensions.Logging.Abstractions;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.TxPool;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using TrustChain.Consensus.Validators;
using TrustChain.Node.Cli;
using TrustChain.Node.Dev;
using TrustChain.Node.Hosting;
using TrustChain.Node.Tests.Cli;
using ChainTxPool = TrustChain.Chain.TxPool.TxPool;

namespace TrustChain.Node.Tests.Consensus;

/// <summary>
/// The dev chain on the Tendermint engine: with an idle block time far beyond the test's patience, a transaction
/// entering the pool is still sealed at once; the block carries a real commit and the consensus WAL is on disk.
/// After a restart the engine continues on the same chain from its WAL and sign state.
/// </summary>
[TestFixture]
public sealed class DevConsensusTests
{
    private static readonly TimeSpan IdleBlockTime = TimeSpan.FromMinutes(10);

    [Test]
    public async Task A_pending_transaction_is_sealed_without_waiting_for_the_block_time_and_restart_continues()
    {
        using TempDirectory dir = new();
        ChainSpec spec = GenesisLoader.Load(RepoPaths.Genesis);
        PrivateKey validator = DevAccounts.Get(0);
        Address recipient = Address.Parse("0x00000000000000000000000000000000000000bb");

        for (ulong nonce = 0; nonce < 2; nonce++)
        {
            using Blockchain chain = Blockchain.Open(Path.Combine(dir.Path, "db"), spec, NodeRunner.CreateChainOptions(spec));
            ChainTxPool pool = new(spec, () => chain.HeadState, () => chain.NextBaseFee);
            chain.TxPool = pool;
            TaskCompletionSource<Block> sealedBlock = new(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (DevConsensus dev = new(chain, pool, validator, dir.Path, IdleBlockTime, TimeSpan.FromMilliseconds(5),
                (block, _) =>
                {
                    if (block.Transactions.Count > 0)
                    {
                        sealedBlock.TrySetResult(block);
                    }
                },
                NullLogger.Instance))
            {
                dev.Start();
                Transaction tx = Transfer(DevAccounts.Get(1), nonce, recipient, spec.ChainId);
                Assert.That(pool.Submit(tx).Accepted, Is.True);
                Block block = await sealedBlock.Task.WaitAsync(TimeSpan.FromSeconds(60));

                Assert.That(block.Transactions.Single().Hash, Is.EqualTo(tx.Hash));
                Commit commit = chain.Store.GetCommit(block.Number)!;
                ValidatorSet set = new StaticValidatorSetProvider([new Validator(validator.Address, CompressedKey(validator), 1)]).GetValidatorSet(1);
                Assert.That(CommitVerifier.Verify(commit, set, spec.ChainId, out string? error), Is.True, error);
            }

            Assert.That(File.Exists(Path.Combine(dir.Path, "consensus.wal")), Is.True);
            Assert.That(chain.HeadState.GetAccount(recipient).Balance, Is.EqualTo((UInt256)(nonce + 1)));
        }
    }

    private static byte[] CompressedKey(PrivateKey key)
    {
        byte[] compressed = new byte[Secp256k1.CompressedPublicKeyLength];
        Assert.That(Secp256k1.TryCompressPublicKey(key.PublicKey, compressed), Is.True);
        return compressed;
    }

    private static Transaction Transfer(PrivateKey key, ulong nonce, Address to, ulong chainId)
    {
        Transaction signed = TransactionSigner.Sign(
            new Transaction
            {
                Type = TxType.Eip1559,
                ChainId = chainId,
                Nonce = nonce,
                MaxPriorityFeePerGas = 1_000_000_000UL,
                MaxFeePerGas = 10_000_000_000UL,
                GasLimit = 21_000,
                To = to,
                Value = UInt256.One,
            },
            key);
        return TransactionDecoder.Decode(TransactionEncoder.Encode(signed));
    }
}
