using System.Diagnostics;
using TrustChain.Bench.InProcess;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Consensus;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;
using TrustChain.Node.Dev;

namespace TrustChain.Bench.Registries;

/// <summary>
/// A throw-away chain with Staking and one registry installed, dev key 0 as the single validator. Blocks are built and
/// committed through <see cref="Blockchain"/> as the dev producer does, minus the pool: transactions are signed (senders
/// set, as the pool holds them) before the clock starts. The block gas limit is raised so blocks are bounded by the
/// transaction count, not gas: the figures are what execution and commit sustain.
/// </summary>
public abstract class RegistryBenchChain<TRegistry> : IDisposable
    where TRegistry : class
{
    protected const ulong ChainId = ChainSpec.DefaultChainId;

    private const ulong GenesisTimestampMs = 1_767_225_600_000;
    private const ulong GasLimit = 4_000_000_000;

    protected static readonly UInt256 Trust = ChainParameters.WeiPerTrust;

    private readonly string _dataDir;
    private Commit? _lastCommit;

    /// <param name="install">Installs the registry next to Staking, as its module does on a node.</param>
    protected RegistryBenchChain(string name, IEnumerable<GenesisAccount> alloc,
        Func<BlockchainOptions, ChainParameters, StakingState, TRegistry> install)
    {
        ArgumentNullException.ThrowIfNull(alloc);
        ArgumentNullException.ThrowIfNull(install);
        Validator = DevAccounts.Get(0);
        List<GenesisAccount> accounts = [.. alloc];
        accounts.Sort(static (a, b) => a.Address.CompareTo(b.Address));
        ChainSpec spec = new("bench-" + name, ChainId, GenesisTimestampMs, GasLimit, [], ChainParameters.Default, accounts,
            [new GenesisValidator(Validator.Address, CompressedPublicKey(Validator), 1_000_000 * Trust)]);
        BlockchainOptions options = new();
        StakingState staking = StakingModule.Install(options, spec.Parameters);
        Registry = install(options, spec.Parameters, staking);
        Parameters = spec.Parameters;
        _dataDir = Path.Combine(Path.GetTempPath(), $"trustchain-bench-{name}-{Guid.NewGuid():N}");
        Chain = Blockchain.Open(_dataDir, spec, options);
    }

    public TRegistry Registry { get; }

    public Blockchain Chain { get; }

    protected ChainParameters Parameters { get; }

    protected PrivateKey Validator { get; }

    /// <summary>Builds and commits blocks of up to <paramref name="perBlock"/> transactions until all are in; all must succeed.</summary>
    public BlockTimings Run(Transaction[] txs, int perBlock)
    {
        ArgumentNullException.ThrowIfNull(txs);
        TimeSpan execution = TimeSpan.Zero;
        TimeSpan commit = TimeSpan.Zero;
        int done = 0;
        int blocks = 0;
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        while (done < txs.Length)
        {
            ArraySegment<Transaction> candidates = new(txs, done, Math.Min(perBlock, txs.Length - done));
            long t0 = Stopwatch.GetTimestamp();
            ExecutedBlock built = Chain.BuildBlock(Validator.Address, Chain.Head.Timestamp + 1000, _lastCommit, candidates);
            long t1 = Stopwatch.GetTimestamp();
            Commit signed = CommitSigner.CreateSingleValidatorCommit(Validator, ChainId, built.Block);
            long t2 = Stopwatch.GetTimestamp();
            Chain.Commit(built.Block, signed, built);
            long t3 = Stopwatch.GetTimestamp();
            execution += Stopwatch.GetElapsedTime(t0, t1);
            commit += Stopwatch.GetElapsedTime(t2, t3);
            if (built.Block.Transactions.Count != candidates.Count)
            {
                throw new InvalidOperationException($"block #{built.Block.Number} included {built.Block.Transactions.Count} of {candidates.Count} transactions");
            }

            foreach (TxReceipt receipt in built.Receipts)
            {
                if (!receipt.Succeeded)
                {
                    throw new InvalidOperationException($"transaction {receipt.TxHash} in block #{built.Block.Number} failed: {receipt.Error}");
                }
            }

            done += candidates.Count;
            blocks++;
            _lastCommit = signed;
        }

        return new BlockTimings(done, blocks, execution, commit, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Chain.Dispose();
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    protected ContractAbi AbiOf<TContract>()
        where TContract : SystemContract => Chain.SystemContracts.Contracts.OfType<TContract>().Single().Abi;

    /// <summary><paramref name="count"/> reproducible keys from <paramref name="seed"/>, each funded with <paramref name="balance"/> in <paramref name="alloc"/>.</summary>
    protected static PrivateKey[] RandomKeys(int count, int seed, UInt256 balance, List<GenesisAccount> alloc)
    {
        ArgumentNullException.ThrowIfNull(alloc);
        Random random = new(seed);
        PrivateKey[] keys = new PrivateKey[count];
        Span<byte> secret = stackalloc byte[32];
        for (int i = 0; i < count; i++)
        {
            random.NextBytes(secret);
            keys[i] = new PrivateKey(secret);
            alloc.Add(new GenesisAccount(keys[i].Address, balance));
        }

        return keys;
    }

    protected static Transaction Sign(PrivateKey key, ulong nonce, Address to, byte[] data, UInt256 value, ulong gas) =>
        TransactionSigner.Sign(new Transaction
        {
            Type = TxType.Eip1559,
            ChainId = ChainId,
            Nonce = nonce,
            MaxPriorityFeePerGas = 1_000_000_000UL,
            MaxFeePerGas = 100_000_000_000UL,
            GasLimit = gas,
            To = to,
            Value = value,
            Data = data,
        }, key);

    private static byte[] CompressedPublicKey(PrivateKey key)
    {
        ReadOnlySpan<byte> xy = key.PublicKey;
        byte[] compressed = new byte[33];
        compressed[0] = (byte)(0x02 | (xy[63] & 1));
        xy[..32].CopyTo(compressed.AsSpan(1));
        return compressed;
    }
}
