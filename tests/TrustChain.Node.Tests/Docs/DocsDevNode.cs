using System.Globalization;
using System.Text.Json.Nodes;
using TrustChain.Chain.Abi;
using TrustChain.Chain.SystemContracts;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using TrustChain.Node.Dev;
using TrustChain.Node.Tests.Crash;

namespace TrustChain.Node.Tests.Docs;

/// <summary>
/// A real `trustchain run --dev` with some activity the reference examples can point at: a transfer, an Issuer stake,
/// a credential schema and a credential, an enrolled human, a model and a purchase of calls. Resolves the example placeholders of <see cref="Rpc.Docs.RpcMethodDoc"/>.
/// </summary>
public sealed class DocsDevNode : IDisposable
{
    private const ulong ChainId = 7357;
    private const byte EnrollmentOperatorRole = 1;
    private const byte IssuerRole = 2;
    private const int DedupTagCount = 16;

    /// <summary>Any field element works as an identity commitment for a registry read; this one is Semaphore-sized.</summary>
    private static readonly UInt256 ExampleCommitment = UInt256.Parse("15072455385723004728391568434269917452175057560864330595979104241296826134229");
    private const string SchemaText = "string degree, uint16 year";
    private static readonly UInt256 PricePerCall = 1_000_000_000_000_000UL;
    private static readonly UInt256 MaxFee = 10_000_000_000UL;
    private static readonly UInt256 Tip = 1_000_000_000UL;

    private readonly DevNodeProcess _process;
    private readonly string _dataDir;
    private readonly Dictionary<string, JsonNode> _placeholders = new(StringComparer.Ordinal);

    private DocsDevNode(DevNodeProcess process, string dataDir, DocsRpcClient client)
    {
        _process = process;
        _dataDir = dataDir;
        Client = client;
    }

    public DocsRpcClient Client { get; }

    public static async Task<DocsDevNode> StartAsync()
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "tc-docs-" + Guid.NewGuid().ToString("N"));
        DevNodeProcess process = DevNodeProcess.Start(dataDir, blockTimeMs: 300);
        DocsDevNode node = new(process, dataDir, new DocsRpcClient(process.WaitForRpc(TimeSpan.FromSeconds(60))));
        try
        {
            await node.SeedAsync().ConfigureAwait(false);
        }
        catch
        {
            node.Dispose();
            throw;
        }

        return node;
    }

    /// <summary>The params array of an example with every <c>$placeholder</c> string replaced by a value from this chain.</summary>
    public async Task<JsonArray> ResolveAsync(string exampleParams)
    {
        JsonNode template = JsonNode.Parse(exampleParams) ?? throw new FormatException("example params are empty");
        return (JsonArray)(await ResolveNodeAsync(template).ConfigureAwait(false))!;
    }

    public void Dispose()
    {
        Client.Dispose();
        _process.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private async Task SeedAsync()
    {
        PrivateKey sender = DevAccounts.Get(1);
        PrivateKey recipient = DevAccounts.Get(2);
        PrivateKey issuer = DevAccounts.Get(3);
        await MineAsync(sender, recipient.Address, 1_000_000_000_000_000_000UL, [], 21_000).ConfigureAwait(false);

        JsonObject stake = await MineAsync(issuer, SystemContractAddresses.Staking, Trust(100_000),
            AbiFunction.Parse("function stake(uint8 role) payable").EncodeCall(IssuerRole), 300_000).ConfigureAwait(false);
        JsonObject schema = await MineAsync(issuer, SystemContractAddresses.CredentialRegistry, 0,
            AbiFunction.Parse("function registerSchema(string schema, bool revocable)").EncodeCall(SchemaText, true), 500_000).ConfigureAwait(false);
        string schemaUid = FirstIndexedTopic(schema);
        JsonObject credential = await MineAsync(issuer, SystemContractAddresses.CredentialRegistry, 0,
            AbiFunction.Parse("function issue(bytes32 schemaUid, address recipient, bytes32 subjectCommitment, uint64 expiration, bytes32 refUid, bytes32 dataHash)")
                .EncodeCall(Hex.FromHexString(schemaUid), sender.Address, Filled(0x11), 0UL, new byte[32], Filled(0x22)), 500_000).ConfigureAwait(false);
        await MineAsync(issuer, SystemContractAddresses.ModelRegistry, 0,
            AbiFunction.Parse("function registerModel(bytes32 weightsHash, bytes32 fingerprintRoot, uint32 fingerprintCount, string uri, uint256 pricePerCall, address[] owners, uint16[] ownerBps, uint16 hostBps, uint16 validatorBps, bool requireHuman)")
                .EncodeCall(Filled(0x33), Filled(0x44), 16u, "ipfs://demo-model", PricePerCall, new[] { issuer.Address }, new[] { (ushort)8000 }, (ushort)1500, (ushort)500, false),
            1_000_000).ConfigureAwait(false);
        await MineAsync(issuer, SystemContractAddresses.Staking, Trust(1_000),
            AbiFunction.Parse("function stake(uint8 role) payable").EncodeCall(EnrollmentOperatorRole), 300_000).ConfigureAwait(false);
        await MineAsync(issuer, SystemContractAddresses.HumanRegistry, 0,
            AbiFunction.Parse("function enroll(uint256 commitment, bytes32[] dedupTags)").EncodeCall(ExampleCommitment, DedupTags()), 3_000_000).ConfigureAwait(false);
        await MineAsync(sender, SystemContractAddresses.ModelRegistry, PricePerCall * 10,
            AbiFunction.Parse("function buyAccess(uint256 modelId, uint64 calls) payable").EncodeCall(1UL, 10UL), 500_000).ConfigureAwait(false);

        _placeholders["$account"] = sender.Address.ToString();
        _placeholders["$recipient"] = recipient.Address.ToString();
        _placeholders["$issuer"] = issuer.Address.ToString();
        _placeholders["$txHash"] = (string)stake["transactionHash"]!;
        _placeholders["$blockNumber"] = (string)stake["blockNumber"]!;
        _placeholders["$blockHash"] = (string)stake["blockHash"]!;
        _placeholders["$schemaUid"] = schemaUid;
        _placeholders["$commitment"] = ExampleCommitment.ToString();
        _placeholders["$credentialUid"] = FirstIndexedTopic(credential);
    }

    private static UInt256 Trust(ulong amount) => (UInt256)amount * (UInt256)1_000_000_000_000_000_000UL;

    private static byte[] Filled(byte value) => Enumerable.Repeat(value, 32).ToArray();

    /// <summary>Distinct stand-ins for palm LSH tags; enroll only needs at least dedupMatch distinct ones.</summary>
    private static byte[][] DedupTags() => Enumerable.Range(1, DedupTagCount).Select(static i => Filled((byte)(0x80 + i))).ToArray();

    private static string FirstIndexedTopic(JsonObject receipt) => (string)receipt["logs"]![0]!["topics"]![1]!;

    private async Task<JsonNode?> ResolveNodeAsync(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                JsonArray resolvedArray = [];
                foreach (JsonNode? item in array)
                {
                    resolvedArray.Add(await ResolveNodeAsync(item).ConfigureAwait(false));
                }

                return resolvedArray;
            case JsonObject obj:
                JsonObject resolvedObject = [];
                foreach ((string key, JsonNode? value) in obj)
                {
                    resolvedObject[key] = await ResolveNodeAsync(value).ConfigureAwait(false);
                }

                return resolvedObject;
            case JsonValue value when value.TryGetValue(out string? text) && text.StartsWith('$'):
                return (await PlaceholderAsync(text).ConfigureAwait(false)).DeepClone();
            default:
                return node?.DeepClone();
        }
    }

    private async Task<JsonNode> PlaceholderAsync(string name)
    {
        if (_placeholders.TryGetValue(name, out JsonNode? known))
        {
            return known;
        }

        // These are made on first use: a raw transaction can be sent once, a filter or subscription is consumed by
        // uninstall/unsubscribe, so they must not exist before the examples that need them.
        JsonNode value = name switch
        {
            "$rawTx" => await SignTransferAsync(DevAccounts.Get(4), DevAccounts.Get(5).Address).ConfigureAwait(false),
            "$filterId" => (await Client.ResultAsync("eth_newFilter", new JsonObject { ["fromBlock"] = _placeholders["$blockNumber"].DeepClone() }).ConfigureAwait(false))!,
            "$subscriptionId" => await SubscribeAsync().ConfigureAwait(false),
            _ => throw new FormatException($"unknown example placeholder {name}: RpcMethodDoc documents the placeholders the generator knows"),
        };
        _placeholders[name] = value;
        return value;
    }

    private async Task<JsonNode> SubscribeAsync()
    {
        (_, JsonObject response) = await Client.CallWebSocketAsync("eth_subscribe", ["newHeads"]).ConfigureAwait(false);
        return response["result"]?.DeepClone() ?? throw new InvalidOperationException("eth_subscribe failed: " + response.ToJsonString());
    }

    private async Task<string> SignTransferAsync(PrivateKey from, Address to)
    {
        ulong nonce = await NonceAsync(from.Address).ConfigureAwait(false);
        return Sign(from, nonce, to, 1_000_000_000_000_000UL, [], 21_000);
    }

    /// <summary>Sends a transaction and waits for its receipt, which must report success.</summary>
    private async Task<JsonObject> MineAsync(PrivateKey from, Address to, UInt256 value, byte[] data, ulong gas)
    {
        ulong nonce = await NonceAsync(from.Address).ConfigureAwait(false);
        string hash = (string)(await Client.ResultAsync("eth_sendRawTransaction", Sign(from, nonce, to, value, data, gas)).ConfigureAwait(false))!;
        JsonObject receipt = await WaitForReceiptAsync(hash).ConfigureAwait(false);
        Assert.That((string?)receipt["status"], Is.EqualTo("0x1"), $"a seeding transaction to {to} reverted: {receipt.ToJsonString()}");
        return receipt;
    }

    private async Task<ulong> NonceAsync(Address account)
    {
        string hex = (string)(await Client.ResultAsync("eth_getTransactionCount", account.ToString(), "pending").ConfigureAwait(false))!;
        return ulong.Parse(hex.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    private static string Sign(PrivateKey from, ulong nonce, Address to, UInt256 value, byte[] data, ulong gas)
    {
        Transaction tx = TransactionSigner.Sign(
            new Transaction
            {
                Type = TxType.Eip1559,
                ChainId = ChainId,
                Nonce = nonce,
                MaxPriorityFeePerGas = Tip,
                MaxFeePerGas = MaxFee,
                GasLimit = gas,
                To = to,
                Value = value,
                Data = data,
            },
            from);
        return Hex.ToHexString(TransactionEncoder.Encode(tx));
    }

    private async Task<JsonObject> WaitForReceiptAsync(string hash)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await Client.ResultAsync("eth_getTransactionReceipt", hash).ConfigureAwait(false) is JsonObject receipt)
            {
                return receipt;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        Assert.Fail($"transaction {hash} was not mined within 30 s. Node log:\n{_process.Log}");
        throw new TimeoutException();
    }
}
