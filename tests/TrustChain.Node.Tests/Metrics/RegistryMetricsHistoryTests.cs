using System.Globalization;
using System.Text.Json.Nodes;
using TrustChain.Chain.Abi;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using TrustChain.Node.Dev;
using TrustChain.Node.Tests.Crash;
using TrustChain.Node.Tests.Docs;
using TrustChain.Rpc.Metrics;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Semaphore;

namespace TrustChain.Node.Tests.Metrics;

/// <summary>
/// A real `trustchain run --dev` given a history of registry activity over JSON-RPC; its /metrics must count exactly
/// what was done (the counters are decoded from the committed receipts, not from anything the test tells the node).
/// </summary>
[TestFixture]
public sealed class RegistryMetricsHistoryTests
{
    private const ulong ChainId = 7357;
    private const byte EnrollmentOperatorRole = 1;
    private const byte IssuerRole = 2;
    private static readonly UInt256 MaxFee = 10_000_000_000UL;
    private static readonly UInt256 Tip = 1_000_000_000UL;

    private static readonly AbiFunction Stake = AbiFunction.Parse("function stake(uint8 role) payable");
    private static readonly AbiFunction Enroll = AbiFunction.Parse("function enroll(uint256 commitment, bytes32[] dedupTags)");
    private static readonly AbiFunction DeleteIdentity = AbiFunction.Parse("function deleteIdentity(uint256 commitment, uint256[2] publicKey, uint256[3] signature)");
    private static readonly AbiFunction VerifyHuman = AbiFunction.Parse(
        "function verifyHuman(uint256 depth, uint256 root, uint256 nullifier, uint256 message, uint256 scope, uint256[8] points, address prover) payable");
    private static readonly AbiFunction RegisterSchema = AbiFunction.Parse("function registerSchema(string schema, bool revocable)");
    private static readonly AbiFunction Issue = AbiFunction.Parse(
        "function issue(bytes32 schemaUid, address recipient, bytes32 subjectCommitment, uint64 expiration, bytes32 refUid, bytes32 dataHash)");
    private static readonly AbiFunction Revoke = AbiFunction.Parse("function revoke(bytes32 uid)");
    private static readonly AbiFunction VerifyCredential = AbiFunction.Parse("function verifyCredential(bytes32 uid, address prover) payable");
    private static readonly AbiFunction CredentialFee = AbiFunction.Parse("function verificationFee() view returns (uint256)");

    private string _dataDir = null!;
    private DevNodeProcess _process = null!;
    private DocsRpcClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _dataDir = Path.Combine(Path.GetTempPath(), "tc-metrics-" + Guid.NewGuid().ToString("N"));
        _process = DevNodeProcess.Start(_dataDir, blockTimeMs: 200);
        _client = new DocsRpcClient(_process.WaitForRpc(TimeSpan.FromSeconds(60)));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
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

    [Test]
    public async Task Counters_equal_the_registry_activity_in_the_chain()
    {
        PrivateKey relayer = DevAccounts.Get(1);
        PrivateKey holder = DevAccounts.Get(2);
        PrivateKey staff = DevAccounts.Get(3);
        SemaphoreIdentity alice = new("trustchain-metrics-alice");
        SemaphoreIdentity bob = new("trustchain-metrics-bob");

        await MineAsync(staff, SystemContractAddresses.Staking, Trust(100_000), Stake.EncodeCall(IssuerRole), 300_000, true);
        await MineAsync(staff, SystemContractAddresses.Staking, Trust(1_000), Stake.EncodeCall(EnrollmentOperatorRole), 300_000, true);
        await MineAsync(staff, SystemContractAddresses.HumanRegistry, 0, Enroll.EncodeCall(Word(alice.Commitment), Tags(1)), 3_000_000, true);
        await MineAsync(staff, SystemContractAddresses.HumanRegistry, 0, Enroll.EncodeCall(Word(bob.Commitment), Tags(2)), 3_000_000, true);
        await MineAsync(staff, SystemContractAddresses.HumanRegistry, 0, Enroll.EncodeCall((UInt256)77UL, Tags(3)), 3_000_000, true);
        // Anyone may relay a deletion; the identity's EdDSA signature is what authorises it.
        EdDsaPoseidonSignature erase = bob.Sign(HumanIdentityMessages.Delete(ChainId, Word(bob.Commitment)));
        await MineAsync(relayer, SystemContractAddresses.HumanRegistry, 0,
            DeleteIdentity.EncodeCall(Word(bob.Commitment), new[] { Word(bob.PublicKey.X), Word(bob.PublicKey.Y) },
                new[] { Word(erase.R8.X), Word(erase.R8.Y), (UInt256)erase.S }), 3_000_000, true);
        // A proof that is not one: the chain rejects it, and only the transaction's call data says what was attempted.
        await MineAsync(relayer, SystemContractAddresses.HumanRegistry, 0,
            VerifyHuman.EncodeCall((UInt256)1UL, (UInt256)3UL, (UInt256)5UL, (UInt256)7UL, (UInt256)9UL, new UInt256[8], relayer.Address), 3_000_000, false);

        JsonObject schema = await MineAsync(staff, SystemContractAddresses.CredentialRegistry, 0, RegisterSchema.EncodeCall("string degree", true), 500_000, true);
        byte[] schemaUid = Hex.FromHexString(FirstIndexedTopic(schema));
        JsonObject first = await MineAsync(staff, SystemContractAddresses.CredentialRegistry, 0,
            Issue.EncodeCall(schemaUid, holder.Address, Filled(0x11), 0UL, new byte[32], Filled(0x21)), 500_000, true);
        JsonObject second = await MineAsync(staff, SystemContractAddresses.CredentialRegistry, 0,
            Issue.EncodeCall(schemaUid, holder.Address, Filled(0x12), 0UL, new byte[32], Filled(0x22)), 500_000, true);
        await MineAsync(staff, SystemContractAddresses.CredentialRegistry, 0, Revoke.EncodeCall(Hex.FromHexString(FirstIndexedTopic(first))), 500_000, true);
        UInt256 fee = await CredentialFeeAsync();
        await MineAsync(relayer, SystemContractAddresses.CredentialRegistry, fee,
            VerifyCredential.EncodeCall(Hex.FromHexString(FirstIndexedTopic(second)), relayer.Address), 500_000, true);

        Dictionary<string, double> samples = await ScrapeUntilAsync(MetricNames.CredentialsVerified, 1);
        Assert.Multiple(() =>
        {
            Assert.That(samples[MetricNames.Enrolments], Is.EqualTo(3));
            Assert.That(samples[MetricNames.Erasures], Is.EqualTo(1));
            Assert.That(samples[MetricNames.Recoveries], Is.Zero);
            Assert.That(samples[MetricNames.ProofsVerified], Is.Zero);
            Assert.That(samples[MetricNames.ProofsRejected], Is.EqualTo(1));
            Assert.That(samples[MetricNames.CredentialsIssued], Is.EqualTo(2));
            Assert.That(samples[MetricNames.CredentialsRevoked], Is.EqualTo(1));
            Assert.That(samples[MetricNames.CredentialsVerified], Is.EqualTo(1));
            Assert.That(samples[MetricNames.ModelSettlements], Is.Zero);
            Assert.That(samples[MetricNames.TransactionsCommitted], Is.EqualTo(12), "every seeding transaction was committed once");
        });
    }

    private static UInt256 Trust(ulong amount) => (UInt256)amount * (UInt256)1_000_000_000_000_000_000UL;

    private static UInt256 Word(Fr value) => new(value.ToBytesBigEndian());

    private static byte[] Filled(byte value) => Enumerable.Repeat(value, 32).ToArray();

    /// <summary>Sixteen stand-ins for one person's palm tags, distinct from every other person's.</summary>
    private static byte[][] Tags(int person) =>
        Enumerable.Range(0, 16).Select(i => Enumerable.Repeat((byte)(person * 16 + i), 32).ToArray()).ToArray();

    private static string FirstIndexedTopic(JsonObject receipt) => (string)receipt["logs"]![0]!["topics"]![1]!;

    private async Task<UInt256> CredentialFeeAsync()
    {
        JsonObject call = new() { ["to"] = SystemContractAddresses.CredentialRegistry.ToString(), ["data"] = Hex.ToHexString(CredentialFee.EncodeCall()) };
        string result = (string)(await _client.ResultAsync("eth_call", call, "latest"))!;
        return new UInt256(Hex.FromHexString(result));
    }

    /// <summary>Scrapes /metrics until <paramref name="name"/> reaches <paramref name="atLeast"/> (the commit hook and
    /// the receipt becoming visible are not one atomic step).</summary>
    private async Task<Dictionary<string, double>> ScrapeUntilAsync(string name, double atLeast)
    {
        using HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
        Uri metrics = new(_process.RpcUri, "/metrics");
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            Dictionary<string, double> samples = Parse(await http.GetStringAsync(metrics));
            if (samples.TryGetValue(name, out double value) && value >= atLeast || DateTime.UtcNow > deadline)
            {
                return samples;
            }

            await Task.Delay(100);
        }
    }

    private static Dictionary<string, double> Parse(string text)
    {
        Dictionary<string, double> samples = new(StringComparer.Ordinal);
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('#') || line.Contains('{', StringComparison.Ordinal))
            {
                continue;
            }

            string[] parts = line.Split(' ');
            samples[parts[0]] = double.Parse(parts[1], CultureInfo.InvariantCulture);
        }

        return samples;
    }

    private async Task<JsonObject> MineAsync(PrivateKey from, Address to, UInt256 value, byte[] data, ulong gas, bool succeeds)
    {
        string nonceHex = (string)(await _client.ResultAsync("eth_getTransactionCount", from.Address.ToString(), "pending"))!;
        ulong nonce = ulong.Parse(nonceHex.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
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
        string hash = (string)(await _client.ResultAsync("eth_sendRawTransaction", Hex.ToHexString(TransactionEncoder.Encode(tx))))!;
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await _client.ResultAsync("eth_getTransactionReceipt", hash) is JsonObject receipt)
            {
                Assert.That((string?)receipt["status"], Is.EqualTo(succeeds ? "0x1" : "0x0"), $"transaction to {to}: {receipt.ToJsonString()}");
                return receipt;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"transaction {hash} was not mined within 60 s. Node log:\n{_process.Log}");
        throw new TimeoutException();
    }
}
