using System.Text.Json.Nodes;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;

namespace TrustChain.Chain.Tests.Blocks;

/// <summary>Specs, keys and signed transactions for the execution/block/persistence tests.</summary>
internal static class ChainTestKit
{
    public const ulong Gwei = 1_000_000_000;

    public static readonly PrivateKey Key0 = new("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    public static readonly PrivateKey Key1 = new("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    public static readonly PrivateKey Key2 = new("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");

    /// <summary>Not in the genesis alloc: owns nothing.</summary>
    public static readonly PrivateKey PoorKey = new(Keccak256.Compute("trustchain-test-poor"u8).Bytes);

    public static readonly Address Recipient = Address.Parse("0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");
    public static readonly Address Proposer = Address.Parse("0x000000000000000000000000000000000000beef");

    public static string RepoGenesisPath
    {
        get
        {
            DirectoryInfo? dir = new(TestContext.CurrentContext.TestDirectory);
            while (dir is not null)
            {
                string candidate = Path.Combine(dir.FullName, "genesis.json");
                if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "TrustChain.sln")))
                {
                    return candidate;
                }

                dir = dir.Parent;
            }

            throw new FileNotFoundException("genesis.json not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }

    public static ChainSpec RepoSpec => ChainSpec.Load(RepoGenesisPath);

    /// <summary>The repo genesis with edits applied to its JSON (e.g. a smaller gas limit).</summary>
    public static ChainSpec ModifiedSpec(Action<JsonObject> edit)
    {
        JsonObject json = JsonNode.Parse(File.ReadAllText(RepoGenesisPath))!.AsObject();
        edit(json);
        return ChainSpec.Parse(json.ToJsonString());
    }

    public static Transaction Transfer(PrivateKey key, ulong nonce, UInt256 value, ulong maxFeeGwei = 5, ulong tipGwei = 2,
        Address? to = null, ulong gas = 21_000, byte[]? data = null) =>
        Wire(TransactionSigner.Sign(new Transaction
        {
            Type = TxType.Eip1559,
            ChainId = 7357,
            Nonce = nonce,
            MaxFeePerGas = maxFeeGwei * Gwei,
            MaxPriorityFeePerGas = tipGwei * Gwei,
            GasLimit = gas,
            To = to ?? Recipient,
            Value = value,
            Data = data ?? [],
        }, key));

    public static Transaction LegacyTransfer(PrivateKey key, ulong nonce, UInt256 value, ulong gasPriceGwei, Address? to = null) =>
        Wire(TransactionSigner.Sign(new Transaction
        {
            Type = TxType.Legacy,
            ChainId = 7357,
            Nonce = nonce,
            GasPrice = gasPriceGwei * Gwei,
            GasLimit = 21_000,
            To = to ?? Recipient,
            Value = value,
        }, key));

    /// <summary>Round-trips through the wire encoding so the sender comes from signature recovery, as for a peer's tx.</summary>
    public static Transaction Wire(Transaction signed) => TransactionDecoder.Decode(TransactionEncoder.Encode(signed));

    /// <summary>A precommit by the genesis validator (dev key 0) over the block hash.</summary>
    public static Commit CommitFor(Block block) =>
        new(block.Number, 0, block.Hash, [new CommitSignature(Key0.Address, Key0.Sign(block.Hash).ToBytes65())]);

    public static BlockHeader CopyHeader(BlockHeader h, Func<BlockHeader, BlockHeader>? edit = null)
    {
        BlockHeader copy = new()
        {
            ParentHash = h.ParentHash,
            Number = h.Number,
            Timestamp = h.Timestamp,
            Proposer = h.Proposer,
            StateRoot = h.StateRoot,
            TransactionsRoot = h.TransactionsRoot,
            ReceiptsRoot = h.ReceiptsRoot,
            LogsBloom = h.LogsBloom,
            GasLimit = h.GasLimit,
            GasUsed = h.GasUsed,
            BaseFeePerGas = h.BaseFeePerGas,
            ValidatorsHash = h.ValidatorsHash,
            NextValidatorsHash = h.NextValidatorsHash,
            LastCommitHash = h.LastCommitHash,
            HumanSetRoot = h.HumanSetRoot,
        };
        return edit is null ? copy : edit(copy);
    }
}
