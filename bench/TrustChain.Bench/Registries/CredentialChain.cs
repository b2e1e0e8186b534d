using System.Diagnostics;
using TrustChain.Bench.InProcess;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Consensus;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using TrustChain.Node.Dev;

namespace TrustChain.Bench.Registries;

/// <summary>
/// A throw-away chain with Staking and the CredentialRegistry installed, a staked issuer with one schema, and funded
/// verifier accounts. Blocks are built and committed through <see cref="Blockchain"/> as the dev producer does, minus the
/// pool: transactions are signed before the clock starts. The block gas limit is raised so blocks are bounded by the
/// transaction count, not gas: the figures are what execution and commit sustain.
/// </summary>
public sealed class CredentialChain : IDisposable
{
    private const ulong ChainId = ChainSpec.DefaultChainId;
    private const ulong GenesisTimestampMs = 1_767_225_600_000;
    private const ulong GasLimit = 4_000_000_000;
    private const ulong TxGas = 14_000_000;
    private const ulong VerifyGas = 100_000;

    private static readonly UInt256 Trust = ChainParameters.WeiPerTrust;

    private readonly string _dataDir;
    private readonly PrivateKey _validator;
    private readonly PrivateKey _issuer;
    private readonly PrivateKey[] _verifiers;
    private readonly Blockchain _chain;
    private readonly ContractAbi _credentialsAbi;
    private readonly ContractAbi _stakingAbi;
    private readonly Hash256 _schema;
    private ulong _issuerNonce;
    private int _issuedSigned;
    private ulong _verifierRound;
    private Commit? _lastCommit;

    public CredentialChain(int verifiers, int seed)
    {
        Random random = new(seed);
        _validator = DevAccounts.Get(0);
        _issuer = DevAccounts.Get(1);
        _verifiers = new PrivateKey[verifiers];
        List<GenesisAccount> alloc = [new GenesisAccount(_issuer.Address, 1_000_000 * Trust)];
        Span<byte> secret = stackalloc byte[32];
        for (int i = 0; i < verifiers; i++)
        {
            random.NextBytes(secret);
            _verifiers[i] = new PrivateKey(secret);
            alloc.Add(new GenesisAccount(_verifiers[i].Address, 1_000 * Trust));
        }

        alloc.Sort(static (a, b) => a.Address.CompareTo(b.Address));
        ChainSpec spec = new("bench-credentials", ChainId, GenesisTimestampMs, GasLimit, [], ChainParameters.Default, alloc,
            [new GenesisValidator(_validator.Address, CompressedPublicKey(_validator), 1_000_000 * Trust)]);
        BlockchainOptions options = new();
        StakingState staking = StakingModule.Install(options, spec.Parameters);
        Registry = CredentialModule.Install(options, spec.Parameters, staking);
        _credentialsAbi = options.SystemContracts.Contracts.OfType<CredentialRegistryContract>().Single().Abi;
        _stakingAbi = options.SystemContracts.Contracts.OfType<StakingContract>().Single().Abi;

        _dataDir = Path.Combine(Path.GetTempPath(), "trustchain-bench-cred-" + Guid.NewGuid().ToString("N"));
        _chain = Blockchain.Open(_dataDir, spec, options);

        const string schema = "string degree, uint16 year";
        _schema = CredentialUids.Schema(schema, _issuer.Address, revocable: true);
        Run([
            IssuerTx(StakingState.ContractAddress, _stakingAbi.GetFunction("stake").EncodeCall((byte)StakingRole.Issuer), spec.Parameters.MinIssuerStake, 200_000),
            IssuerTx(CredentialRegistryState.ContractAddress, _credentialsAbi.GetFunction("registerSchema").EncodeCall(schema, true), UInt256.Zero, 200_000),
        ], int.MaxValue);
    }

    public CredentialRegistryState Registry { get; }

    public Blockchain Chain => _chain;

    public Address Issuer => _issuer.Address;

    /// <summary>Signed issueMany calls of <paramref name="batch"/> credentials each, <paramref name="count"/> in all.</summary>
    public Transaction[] SignIssues(int count, int batch)
    {
        Transaction[] txs = new Transaction[(count + batch - 1) / batch];
        AbiFunction issueMany = _credentialsAbi.GetFunction("issueMany");
        int n = _issuedSigned;
        for (int t = 0; t < txs.Length; t++)
        {
            int size = Math.Min(batch, count - t * batch);
            object[] items = new object[size];
            for (int i = 0; i < size; i++, n++)
            {
                items[i] = new object[] { _schema, _verifiers[n % _verifiers.Length].Address, Subject(n), 0UL, Hash256.Zero, Subject(~n) };
            }

            txs[t] = IssuerTx(CredentialRegistryState.ContractAddress, issueMany.EncodeCall([items]), UInt256.Zero, TxGas);
        }

        _issuedSigned = n;
        return txs;
    }

    /// <summary>One verifyCredential per uid, paying the minimum fee, senders taking turns so any prefix keeps nonces in order.</summary>
    public Transaction[] SignVerifications(IReadOnlyList<Hash256> uids)
    {
        AbiFunction verify = _credentialsAbi.GetFunction("verifyCredential");
        UInt256 fee = Registry.Parameters.CredentialVerificationFee;
        Transaction[] txs = new Transaction[uids.Count];
        for (int i = 0; i < txs.Length; i++)
        {
            PrivateKey sender = _verifiers[i % _verifiers.Length];
            ulong nonce = _verifierRound + (ulong)(i / _verifiers.Length);
            txs[i] = Sign(sender, nonce, CredentialRegistryState.ContractAddress, verify.EncodeCall(uids[i], _validator.Address), fee, VerifyGas);
        }

        _verifierRound += (ulong)((txs.Length + _verifiers.Length - 1) / _verifiers.Length);
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

            foreach (TrustChain.Core.Receipts.TxReceipt receipt in built.Receipts)
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

    private Transaction IssuerTx(Address to, byte[] data, UInt256 value, ulong gas) => Sign(_issuer, _issuerNonce++, to, data, value, gas);

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

    private static Hash256 Subject(int n)
    {
        Span<byte> bytes = stackalloc byte[32];
        bytes.Clear();
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes[28..], n);
        return new Hash256(bytes);
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
