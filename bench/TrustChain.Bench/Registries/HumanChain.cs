using System.Diagnostics;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using TrustChain.Node.Dev;
using TrustChain.Storage;

namespace TrustChain.Bench.Registries;

/// <summary>
/// A <see cref="RegistryBenchChain{TRegistry}"/> with the HumanRegistry under genesis.json's dedup parameters
/// (dedupMatch 4, up to 256 tags, 256 owners per tag), the set pre-loaded to <c>members</c> by
/// <see cref="HumanBulkLoader"/>, and a staked EnrollmentOperator (dev key 1) that signs the enrolments.
/// </summary>
public sealed class HumanChain : RegistryBenchChain<HumanRegistryState>
{
    private const ulong SetupGas = 200_000;

    private static readonly PrivateKey OperatorKey = DevAccounts.Get(1);

    private readonly AbiFunction _enroll;
    private readonly string _dataDirPrefix;
    private readonly Random _random;
    private ulong _operatorNonce;

    public HumanChain(int members, int seed, HumanVerificationKeys? keys = null)
        : this("human-" + Guid.NewGuid().ToString("N")[..12], members, seed, keys)
    {
    }

    private HumanChain(string name, int members, int seed, HumanVerificationKeys? keys)
        : base(name, [new GenesisAccount(OperatorKey.Address, 1_000_000 * Trust)], (options, parameters, staking) =>
        {
            HumanRegistryState human = HumanModule.Install(options, GenesisDedup(), staking, keys);
            options.GenesisInitializers.Add(new HumanBulkLoader(members, seed));
            return human;
        })
    {
        _dataDirPrefix = $"trustchain-bench-{name}-";
        _random = new Random(seed ^ 0x5eed);
        _enroll = AbiOf<HumanRegistryContract>().GetFunction("enroll");
        Run([OperatorTx(StakingState.ContractAddress, AbiOf<StakingContract>().GetFunction("stake").EncodeCall((byte)StakingRole.EnrollmentOperator),
            Parameters.MinEnrollmentOperatorStake, SetupGas)], int.MaxValue);
    }

    /// <summary>
    /// Flushes the memtables and waits until RocksDB has no compaction running or pending, so the timed blocks do not
    /// pay for compacting the bulk load (a 10^6 load leaves ≈ 600 MB of fresh L0 output behind).
    /// </summary>
    public TimeSpan Settle()
    {
        Stopwatch clock = Stopwatch.StartNew();
        RocksDatabase db = Chain.Database;
        db.Flush();
        while (true)
        {
            bool busy = false;
            foreach (ColumnFamily cf in db.ColumnFamilies)
            {
                busy |= (db.GetLongProperty(cf, "rocksdb.compaction-pending") ?? 0) != 0
                    || (db.GetLongProperty(cf, "rocksdb.num-running-compactions") ?? 0) != 0
                    || (db.GetLongProperty(cf, "rocksdb.num-running-flushes") ?? 0) != 0;
            }

            if (!busy)
            {
                return clock.Elapsed;
            }

            Thread.Sleep(200);
        }
    }

    /// <summary>Bytes in the chain database's RocksDB SST files (flushed state; the WAL and memtables are not counted).</summary>
    public long SstBytes() => DataBytes("*.sst");

    /// <summary>Bytes of every file in the chain database (SST, WAL, manifests).</summary>
    public long TotalBytes() => DataBytes("*");

    private long DataBytes(string pattern)
    {
        long total = 0;
        foreach (string dir in Directory.EnumerateDirectories(Path.GetTempPath(), _dataDirPrefix + "*"))
        {
            foreach (string file in Directory.EnumerateFiles(dir, pattern, SearchOption.AllDirectories))
            {
                total += new FileInfo(file).Length;
            }
        }

        return total;
    }

    /// <summary><paramref name="count"/> enroll calls, each with a fresh random commitment and <paramref name="tags"/> fresh random tags.</summary>
    public Transaction[] SignEnrolments(int count, int tags)
    {
        Transaction[] txs = new Transaction[count];
        Span<byte> word = stackalloc byte[32];
        for (int t = 0; t < count; t++)
        {
            _random.NextBytes(word);
            word[0] &= 0x0F;
            word[31] |= 1;
            txs[t] = SignEnrolment(new UInt256(word), tags);
        }

        return txs;
    }

    /// <summary>One enroll call for <paramref name="commitment"/> with <paramref name="tags"/> fresh random tags.</summary>
    public Transaction SignEnrolment(UInt256 commitment, int tags) =>
        OperatorTx(HumanRegistryState.ContractAddress, _enroll.EncodeCall(commitment, RandomTags(tags)), UInt256.Zero, EnrollGas(tags));

    /// <summary>Calls to the HumanRegistry with ready calldata (e.g. verifyHuman encoded by ethers), from the operator.</summary>
    public Transaction[] SignCalls(byte[][] calldata, UInt256 value, ulong gas)
    {
        ArgumentNullException.ThrowIfNull(calldata);
        Transaction[] txs = new Transaction[calldata.Length];
        for (int i = 0; i < txs.Length; i++)
        {
            txs[i] = OperatorTx(HumanRegistryState.ContractAddress, calldata[i], value, gas);
        }

        return txs;
    }

    private static ulong EnrollGas(int tags) => HumanRegistryGas.Enroll + (HumanRegistryGas.PerTag + 40UL * 32) * (ulong)tags + 100_000;

    private byte[][] RandomTags(int tags)
    {
        byte[][] words = new byte[tags][];
        for (int i = 0; i < tags; i++)
        {
            words[i] = new byte[32];
            _random.NextBytes(words[i]);
        }

        return words;
    }

    /// <summary>The dedup parameters of genesis.json (224 bands × 20 bits); the rest are the defaults the spec uses too.</summary>
    private static ChainParameters GenesisDedup() => new()
    {
        DedupMatch = 4,
        MaxDedupTags = 256,
        MaxOwnersPerTag = 256,
        PalmBands = 224,
        PalmBandBits = 20,
    };

    private Transaction OperatorTx(Address to, byte[] data, UInt256 value, ulong gas) => Sign(OperatorKey, _operatorNonce++, to, data, value, gas);
}
