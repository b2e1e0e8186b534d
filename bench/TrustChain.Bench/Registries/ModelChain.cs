using System.Diagnostics;
using TrustChain.Bench.InProcess;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.Models;
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
/// A throw-away chain with Staking and the ModelRegistry installed: one model (two owners), one staked and authorised
/// host, and <c>users</c> funded accounts that each bought calls. Settlements are the host's transactions, signed
/// before the clock starts together with the users' EIP-712 receipts; blocks are built and committed through
/// <see cref="Blockchain"/> as the dev producer does. The gas limit is raised so the transaction count bounds blocks.
/// </summary>
public sealed class ModelChain : IDisposable
{
    private const ulong ChainId = ChainSpec.DefaultChainId;
    private const ulong GenesisTimestampMs = 1_767_225_600_000;
    private const ulong GasLimit = 4_000_000_000;
    private const ulong SettleGas = 200_000;
    private const ulong SetupGas = 1_000_000;
    private const ulong ModelId = 1;

    private static readonly UInt256 Trust = ChainParameters.WeiPerTrust;
    private static readonly UInt256 Price = 1_000_000_000_000UL;

    private readonly string _dataDir;
    private readonly PrivateKey _validator;
    private readonly PrivateKey _owner;
    private readonly PrivateKey _host;
    private readonly PrivateKey[] _users;
    private readonly ulong[] _signedCalls;
    private readonly Blockchain _chain;
    private readonly ContractAbi _modelsAbi;
    private ulong _hostNonce;
    private Commit? _lastCommit;

    public ModelChain(int users, ulong callsPerUser, int seed)
    {
        Random random = new(seed);
        _validator = DevAccounts.Get(0);
        _owner = DevAccounts.Get(1);
        _host = DevAccounts.Get(2);
        _users = new PrivateKey[users];
        _signedCalls = new ulong[users];
        List<GenesisAccount> alloc = [new GenesisAccount(_owner.Address, 1_000 * Trust), new GenesisAccount(_host.Address, 10_000 * Trust)];
        Span<byte> secret = stackalloc byte[32];
        for (int i = 0; i < users; i++)
        {
            random.NextBytes(secret);
            _users[i] = new PrivateKey(secret);
            alloc.Add(new GenesisAccount(_users[i].Address, 1_000 * Trust));
        }

        alloc.Sort(static (a, b) => a.Address.CompareTo(b.Address));
        ChainSpec spec = new("bench-models", ChainId, GenesisTimestampMs, GasLimit, [], ChainParameters.Default, alloc,
            [new GenesisValidator(_validator.Address, CompressedPublicKey(_validator), 1_000_000 * Trust)]);
        BlockchainOptions options = new();
        StakingState staking = StakingModule.Install(options, spec.Parameters);
        Registry = ModelModule.Install(options, spec.Parameters, staking);
        _modelsAbi = options.SystemContracts.Contracts.OfType<ModelRegistryContract>().Single().Abi;
        ContractAbi stakingAbi = options.SystemContracts.Contracts.OfType<StakingContract>().Single().Abi;

        _dataDir = Path.Combine(Path.GetTempPath(), "trustchain-bench-models-" + Guid.NewGuid().ToString("N"));
        _chain = Blockchain.Open(_dataDir, spec, options);

        Address registry = ModelRegistryState.ContractAddress;
        List<Transaction> setup =
        [
            Sign(_host, _hostNonce++, StakingState.ContractAddress, stakingAbi.GetFunction("stake").EncodeCall((byte)StakingRole.ModelHost),
                spec.Parameters.MinModelHostStake, SetupGas),
            Sign(_owner, 0, registry, _modelsAbi.GetFunction("registerModel").EncodeCall(
                Keccak256.Compute("bench weights"u8), Keccak256.Compute("bench fingerprints"u8), 256U, "bench", Price,
                new[] { _owner.Address, _validator.Address }, new ushort[] { 6000, 2000 }, (ushort)1500, (ushort)500, false), UInt256.Zero, SetupGas),
            Sign(_owner, 1, registry, _modelsAbi.GetFunction("authorizeHost").EncodeCall((UInt256)ModelId, _host.Address), UInt256.Zero, SetupGas),
        ];
        AbiFunction buy = _modelsAbi.GetFunction("buyAccess");
        for (int i = 0; i < users; i++)
        {
            setup.Add(Sign(_users[i], 0, registry, buy.EncodeCall((UInt256)ModelId, callsPerUser), Price * callsPerUser, SetupGas));
        }

        Run(setup.ToArray(), int.MaxValue);
    }

    public ModelRegistryState Registry { get; }

    public Blockchain Chain => _chain;

    public int Users => _users.Length;

    /// <summary>
    /// One settle per user per round, each for <paramref name="callsPerSettle"/> more calls: the user signs
    /// Usage(model, host, cumulative) and the host sends it. <paramref name="rounds"/> × users transactions in all.
    /// </summary>
    public Transaction[] SignSettlements(int rounds, ulong callsPerSettle)
    {
        AbiFunction settle = _modelsAbi.GetFunction("settle");
        Transaction[] txs = new Transaction[rounds * _users.Length];
        int t = 0;
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < _users.Length; i++)
            {
                ulong cumulative = _signedCalls[i] += callsPerSettle;
                byte[] receipt = ModelTypedData.Sign(_users[i], ModelTypedData.UsageDigest(ChainId, ModelRegistryState.ContractAddress, ModelId, _host.Address, cumulative));
                txs[t++] = Sign(_host, _hostNonce++, ModelRegistryState.ContractAddress,
                    settle.EncodeCall((UInt256)ModelId, _users[i].Address, cumulative, receipt), UInt256.Zero, SettleGas);
            }
        }

        return txs;
    }

    /// <summary>Builds and commits blocks of up to <paramref name="perBlock"/> transactions until all are in; all must succeed.</summary>
    public BlockTimings Run(Transaction[] txs, int perBlock)
    {
        TimeSpan execution = TimeSpan.Zero;
        TimeSpan commit = TimeSpan.Zero;
        int done = 0;
        int blocks = 0;
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        while (done < txs.Length)
        {
            ArraySegment<Transaction> candidates = new(txs, done, Math.Min(perBlock, txs.Length - done));
            long t0 = Stopwatch.GetTimestamp();
            ExecutedBlock built = _chain.BuildBlock(_validator.Address, _chain.Head.Timestamp + 1000, _lastCommit, candidates);
            long t1 = Stopwatch.GetTimestamp();
            Commit signed = CommitSigner.CreateSingleValidatorCommit(_validator, ChainId, built.Block);
            long t2 = Stopwatch.GetTimestamp();
            _chain.Commit(built.Block, signed, built);
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
        _chain.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    private static Transaction Sign(PrivateKey key, ulong nonce, Address to, byte[] data, UInt256 value, ulong gas) =>
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
