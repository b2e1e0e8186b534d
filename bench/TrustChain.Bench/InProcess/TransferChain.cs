using System.Diagnostics;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Consensus;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using TrustChain.Node.Dev;

namespace TrustChain.Bench.InProcess;

/// <summary>
/// A throw-away chain in a temp data dir whose genesis funds a set of random senders, plus their pre-signed transfers.
/// Blocks are built and committed through <see cref="Blockchain"/> exactly as the dev producer does, minus the pool:
/// the candidates are handed over already signed and with their senders set, as the pool holds them.
/// </summary>
public sealed class TransferChain : IDisposable
{
    private const ulong ChainId = ChainSpec.DefaultChainId;
    private const ulong GenesisTimestampMs = 1_767_225_600_000;
    private const ulong TransferGas = 21_000;

    private readonly string _dataDir;
    private readonly PrivateKey _validator;
    private readonly Blockchain _chain;
    private readonly Transaction[] _transfers;

    public TransferChain(int transfers, int senders, int seed)
    {
        Random random = new(seed);
        _validator = DevAccounts.Get(0);
        PrivateKey[] keys = new PrivateKey[senders];
        GenesisAccount[] alloc = new GenesisAccount[senders];
        UInt256 funding = new UInt256(1_000_000_000_000_000_000UL) * 1000UL;
        Span<byte> secret = stackalloc byte[32];
        for (int i = 0; i < senders; i++)
        {
            // Seeded keys keep runs comparable; a random 32-byte value is a valid secp256k1 key with overwhelming probability.
            random.NextBytes(secret);
            keys[i] = new PrivateKey(secret);
            alloc[i] = new GenesisAccount(keys[i].Address, funding);
        }

        Array.Sort(alloc, static (a, b) => a.Address.CompareTo(b.Address));
        ChainSpec spec = new("bench-inprocess", ChainId, GenesisTimestampMs, 30_000_000, [], ChainParameters.Default, alloc,
            [new GenesisValidator(_validator.Address, CompressedPublicKey(_validator), new UInt256(1_000_000_000_000_000_000UL))]);
        _transfers = Sign(keys, transfers, random);

        _dataDir = Path.Combine(Path.GetTempPath(), "trustchain-bench-" + Guid.NewGuid().ToString("N"));
        _chain = Blockchain.Open(_dataDir, spec);
    }

    public int BlockCapacity => (int)Math.Min((ulong)_chain.Spec.Parameters.MaxBlockTransactions, _chain.Spec.GasLimit / TransferGas);

    /// <summary>Builds and commits blocks until every transfer is in; bounded by one block per capacity's worth.</summary>
    public BlockTimings Run()
    {
        TimeSpan execution = TimeSpan.Zero;
        TimeSpan commit = TimeSpan.Zero;
        Commit? lastCommit = null;
        int done = 0;
        int blocks = 0;
        int maxBlocks = (_transfers.Length / BlockCapacity) + 2;
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        while (done < _transfers.Length)
        {
            if (blocks == maxBlocks)
            {
                throw new InvalidOperationException($"only {done} of {_transfers.Length} transfers included after {blocks} blocks");
            }

            ArraySegment<Transaction> candidates = new(_transfers, done, Math.Min(BlockCapacity, _transfers.Length - done));
            BlockHeader head = _chain.Head;
            long t0 = Stopwatch.GetTimestamp();
            ExecutedBlock built = _chain.BuildBlock(_validator.Address, head.Timestamp + 1000, lastCommit, candidates);
            long t1 = Stopwatch.GetTimestamp();
            Commit signedCommit = CommitSigner.CreateSingleValidatorCommit(_validator, ChainId, built.Block);
            long t2 = Stopwatch.GetTimestamp();
            _chain.Commit(built.Block, signedCommit, built);
            long t3 = Stopwatch.GetTimestamp();
            execution += Stopwatch.GetElapsedTime(t0, t1);
            commit += Stopwatch.GetElapsedTime(t2, t3);

            int included = built.Block.Transactions.Count;
            if (included != candidates.Count)
            {
                throw new InvalidOperationException(
                    $"block #{built.Block.Number} included {included} of {candidates.Count} transfers ({built.Execution.Skipped} skipped)");
            }

            done += included;
            blocks++;
            lastCommit = signedCommit;
        }

        return new BlockTimings(done, blocks, execution, commit, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
    }

    public void Dispose()
    {
        _chain.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    // Senders take turns so that any block-sized prefix holds each sender's nonces in order.
    private static Transaction[] Sign(PrivateKey[] keys, int count, Random random)
    {
        Transaction[] transfers = new Transaction[count];
        Span<byte> recipient = stackalloc byte[Address.Length];
        for (int i = 0; i < count; i++)
        {
            random.NextBytes(recipient);
            transfers[i] = TransactionSigner.Sign(new Transaction
            {
                Type = TxType.Eip1559,
                ChainId = ChainId,
                Nonce = (ulong)(i / keys.Length),
                MaxPriorityFeePerGas = 1_000_000_000UL,
                // Full blocks raise the base fee 12.5% a block; 1000 gwei covers far more blocks than a run makes.
                MaxFeePerGas = 1_000_000_000_000UL,
                GasLimit = TransferGas,
                To = new Address(recipient),
                Value = 1_000_000_000UL,
            }, keys[i % keys.Length]);
        }

        return transfers;
    }

    private static byte[] CompressedPublicKey(PrivateKey key)
    {
        ReadOnlySpan<byte> xy = key.PublicKey;
        byte[] compressed = new byte[33];
        compressed[0] = (byte)(0x02 | (xy[63] & 1));
        xy[..32].CopyTo(compressed.AsSpan(1));
        return compressed;
    }
}
