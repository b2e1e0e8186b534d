using System.Diagnostics;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Chain.SystemContracts;
using TrustChain.Consensus;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;
using TrustChain.Node.Dev;
using TrustChain.Node.Hosting;

namespace TrustChain.Bench.Explorer;

/// <summary>
/// Writes a long dev chain into a node data dir (datadir/db + genesis.json) that `trustchain run --dev --datadir` opens
/// as is: the bundled dev genesis and the node's own system contracts, blocks built and committed through
/// <see cref="Blockchain"/> and signed by the dev validator, one second apart. Each block carries transfers and one
/// registry call in turn (a human enrolment, a credential issue), so the explorer's registry pages have history too.
/// Transactions are signed ahead for a whole chunk of blocks on all cores, then the chunk is committed block by block.
/// </summary>
public sealed class ExplorerChainBuilder
{
    private const int ChunkBlocks = 1_000;
    private const int FirstTransferAccount = 4;
    private const byte EnrollmentOperatorRole = 1;
    private const byte IssuerRole = 2;
    private const ulong BlockIntervalMs = 1_000;
    private static readonly UInt256 Tip = 1_000_000_000UL;
    private static readonly UInt256 MaxFee = 100_000_000_000UL;

    private static readonly AbiFunction Stake = AbiFunction.Parse("function stake(uint8 role) payable");
    private static readonly AbiFunction Enroll = AbiFunction.Parse("function enroll(uint256 commitment, bytes32[] dedupTags)");
    private static readonly AbiFunction RegisterSchema = AbiFunction.Parse("function registerSchema(string schema, bool revocable)");
    private static readonly AbiFunction Issue = AbiFunction.Parse(
        "function issue(bytes32 schemaUid, address recipient, bytes32 subjectCommitment, uint64 expiration, bytes32 refUid, bytes32 dataHash)");

    private readonly string _dataDir;
    private readonly int _txsPerBlock;
    private readonly TextWriter _progress;
    private readonly PrivateKey _validator = DevAccounts.Get(0);
    private readonly PrivateKey _staff = DevAccounts.Get(3);
    private readonly PrivateKey[] _senders;
    private readonly ulong[] _nonces;

    public ExplorerChainBuilder(string dataDir, int txsPerBlock, TextWriter progress)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDir);
        ArgumentOutOfRangeException.ThrowIfLessThan(txsPerBlock, 1);
        ArgumentNullException.ThrowIfNull(progress);
        _dataDir = dataDir;
        _txsPerBlock = txsPerBlock;
        _progress = progress;
        _senders = new PrivateKey[DevAccounts.Count - FirstTransferAccount];
        for (int i = 0; i < _senders.Length; i++)
        {
            _senders[i] = DevAccounts.Get(FirstTransferAccount + i);
        }

        _nonces = new ulong[_senders.Length];
    }

    public ulong StaffNonce { get; private set; }

    /// <summary>Extends the chain in the data dir to <paramref name="targetHeight"/> (nothing to do when it is there already).</summary>
    public ChainBuildResult Build(ulong targetHeight)
    {
        Directory.CreateDirectory(_dataDir);
        if (!File.Exists(NodePaths.Genesis(_dataDir)))
        {
            File.Copy(NodePaths.BundledDevGenesis, NodePaths.Genesis(_dataDir));
        }

        ChainSpec spec = GenesisLoader.Load(NodePaths.Genesis(_dataDir));
        using Blockchain chain = Blockchain.Open(NodePaths.Database(_dataDir), spec, NodeRunner.CreateChainOptions(spec));
        ulong start = chain.Head.Number;
        if (start >= targetHeight)
        {
            _progress.WriteLine($"{_dataDir} already holds #{start}; nothing to build");
            return new ChainBuildResult(start, 0, 0, TimeSpan.Zero);
        }

        Stopwatch total = Stopwatch.StartNew();
        Commit? lastCommit = start == 0 ? null : chain.Store.GetCommit(start);
        long transactions = 0;
        byte[] schemaUid;
        if (start == 0)
        {
            schemaUid = Setup(chain, spec, ref lastCommit);
            transactions = 3;
        }
        else
        {
            // An interrupted build resumes: nonces come from the head state, the schema from block 1's receipts.
            schemaUid = Resume(chain);
            _progress.WriteLine($"resuming at #{start}");
        }

        Random random = new(20260101 + (int)start);
        ulong next = chain.Head.Number + 1;
        while (next <= targetHeight)
        {
            int count = (int)Math.Min(ChunkBlocks, targetHeight - next + 1);
            Transaction[][] blocks = SignChunk(spec.ChainId, next, count, schemaUid, spec.Parameters.DedupMatch, random);
            for (int b = 0; b < blocks.Length; b++)
            {
                CommitBlock(chain, spec.ChainId, blocks[b], ref lastCommit);
                transactions += blocks[b].Length;
            }

            next += (ulong)count;
            ulong height = next - 1;
            double rate = (height - start) / total.Elapsed.TotalSeconds;
            _progress.WriteLine($"  #{height:N0} of {targetHeight:N0}  {rate:N0} blocks/s  {transactions:N0} txs  eta {(targetHeight - height) / Math.Max(rate, 1):N0} s");
        }

        return new ChainBuildResult(chain.Head.Number, chain.Head.Number - start, transactions, total.Elapsed);
    }

    /// <summary>Block 1: the staff account stakes as an enrolment operator and an issuer and registers a schema.</summary>
    private byte[] Setup(Blockchain chain, ChainSpec spec, ref Commit? lastCommit)
    {
        UInt256 trust = 1_000_000_000_000_000_000UL;
        Transaction[] setup =
        [
            StaffCall(spec.ChainId, SystemContractAddresses.Staking, trust * 1_000UL, Stake.EncodeCall(EnrollmentOperatorRole), 300_000),
            StaffCall(spec.ChainId, SystemContractAddresses.Staking, trust * 100_000UL, Stake.EncodeCall(IssuerRole), 300_000),
            StaffCall(spec.ChainId, SystemContractAddresses.CredentialRegistry, UInt256.Zero, RegisterSchema.EncodeCall("string degree, uint16 year", true), 500_000),
        ];
        IReadOnlyList<TxReceipt> receipts = CommitBlock(chain, spec.ChainId, setup, ref lastCommit);
        for (int i = 0; i < receipts.Count; i++)
        {
            if (!receipts[i].Succeeded)
            {
                throw new InvalidOperationException($"setup transaction {i} reverted: {receipts[i].Error}");
            }
        }

        return receipts[2].Logs[0].Topics[1].ToArray();
    }

    private byte[] Resume(Blockchain chain)
    {
        IStateReader state = chain.HeadState;
        StaffNonce = state.GetAccount(_staff.Address).Nonce;
        for (int i = 0; i < _senders.Length; i++)
        {
            _nonces[i] = state.GetAccount(_senders[i].Address).Nonce;
        }

        BlockHeader first = chain.GetHeader(1) ?? throw new InvalidOperationException("the data dir has no block 1");
        IReadOnlyList<TxReceipt> receipts = chain.GetReceipts(first.Hash) ?? throw new InvalidOperationException("block 1 has no receipts");
        if (receipts.Count != 3 || receipts[2].Logs.Count == 0)
        {
            throw new InvalidOperationException($"{_dataDir} was not built by this bench: block 1 is not its setup block");
        }

        return receipts[2].Logs[0].Topics[1].ToArray();
    }

    private IReadOnlyList<TxReceipt> CommitBlock(Blockchain chain, ulong chainId, Transaction[] transactions, ref Commit? lastCommit)
    {
        BlockHeader head = chain.Head;
        ExecutedBlock built = chain.BuildBlock(_validator.Address, head.Timestamp + BlockIntervalMs, lastCommit, transactions);
        if (built.Block.Transactions.Count != transactions.Length)
        {
            throw new InvalidOperationException(
                $"block #{built.Block.Number} included {built.Block.Transactions.Count} of {transactions.Length} transactions ({built.Execution.Skipped} skipped)");
        }

        Commit commit = CommitSigner.CreateSingleValidatorCommit(_validator, chainId, built.Block);
        chain.Commit(built.Block, commit, built);
        lastCommit = commit;
        return built.Receipts;
    }

    // Plans the chunk sequentially (nonces, random payloads), then signs it in parallel: signing is most of the cost.
    private Transaction[][] SignChunk(ulong chainId, ulong firstBlock, int count, byte[] schemaUid, int dedupTags, Random random)
    {
        Transaction[][] blocks = new Transaction[count][];
        List<(Transaction Tx, PrivateKey Key, int Block, int Index)> unsigned = new(count * _txsPerBlock);
        for (int b = 0; b < count; b++)
        {
            ulong number = firstBlock + (ulong)b;
            blocks[b] = new Transaction[_txsPerBlock];
            int index = 0;
            if (number % 10 == 0)
            {
                byte[][] tags = new byte[dedupTags][];
                for (int t = 0; t < tags.Length; t++)
                {
                    tags[t] = RandomWord(random);
                }

                // A random field element below 2^248 stands in for an identity commitment.
                byte[] commitment = RandomWord(random);
                commitment[0] = 0;
                unsigned.Add((UnsignedStaffCall(chainId, SystemContractAddresses.HumanRegistry, UInt256.Zero,
                    Enroll.EncodeCall(new UInt256(commitment), tags), 3_000_000), _staff, b, index++));
            }
            else if (number % 10 == 5)
            {
                unsigned.Add((UnsignedStaffCall(chainId, SystemContractAddresses.CredentialRegistry, UInt256.Zero,
                    Issue.EncodeCall(schemaUid, _senders[(int)(number % (ulong)_senders.Length)].Address, RandomWord(random), 0UL, new byte[32], RandomWord(random)),
                    500_000), _staff, b, index++));
            }

            while (index < _txsPerBlock)
            {
                int sender = (int)((number * (ulong)_txsPerBlock + (ulong)index) % (ulong)_senders.Length);
                byte[] to = new byte[Address.Length];
                random.NextBytes(to);
                unsigned.Add((new Transaction
                {
                    Type = TxType.Eip1559,
                    ChainId = chainId,
                    Nonce = _nonces[sender]++,
                    MaxPriorityFeePerGas = Tip,
                    MaxFeePerGas = MaxFee,
                    GasLimit = 21_000,
                    To = new Address(to),
                    Value = 1_000_000_000_000UL,
                }, _senders[sender], b, index++));
            }
        }

        Parallel.For(0, unsigned.Count, i =>
        {
            (Transaction tx, PrivateKey key, int block, int index) = unsigned[i];
            blocks[block][index] = TransactionSigner.Sign(tx, key);
        });
        return blocks;
    }

    private Transaction StaffCall(ulong chainId, Address to, UInt256 value, byte[] data, ulong gas) =>
        TransactionSigner.Sign(UnsignedStaffCall(chainId, to, value, data, gas), _staff);

    private Transaction UnsignedStaffCall(ulong chainId, Address to, UInt256 value, byte[] data, ulong gas) => new()
    {
        Type = TxType.Eip1559,
        ChainId = chainId,
        Nonce = StaffNonce++,
        MaxPriorityFeePerGas = Tip,
        MaxFeePerGas = MaxFee,
        GasLimit = gas,
        To = to,
        Value = value,
        Data = data,
    };

    private static byte[] RandomWord(Random random)
    {
        byte[] word = new byte[32];
        random.NextBytes(word);
        return word;
    }
}
