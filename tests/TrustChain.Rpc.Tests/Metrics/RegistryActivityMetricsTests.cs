using TrustChain.Chain.Abi;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;
using TrustChain.Rpc.Metrics;

namespace TrustChain.Rpc.Tests.Metrics;

/// <summary>Which receipts and logs the registry counters count, and which they must not.</summary>
[TestFixture]
public sealed class RegistryActivityMetricsTests
{
    private static readonly Address User = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    private static readonly Address Impostor = Address.Parse("0x00000000000000000000000000000000deadbeef");

    // The JSON ABI file is an independent source of the selector: it is checked in, not derived at run time here.
    private static readonly AbiSelector VerifyHuman = ContractAbi.FromJson(File.ReadAllText(AbiFile("HumanRegistry.json"))).GetFunction("verifyHuman").Selector;

    [Test]
    public void Counts_each_registry_event_from_its_own_contract()
    {
        RegistryActivityMetrics metrics = new(new MetricsRegistry());
        TxReceipt receipt = Ok(
            HumanRegistryEvents.HumanEnrolled.Encode(SystemContractAddresses.HumanRegistry, UInt256.One, (UInt256)5UL, User),
            HumanRegistryEvents.HumanVerified.Encode(SystemContractAddresses.HumanRegistry, (UInt256)1UL, (UInt256)2UL, (UInt256)3UL, (UInt256)4UL, User,
                UInt256.Zero, UInt256.Zero, UInt256.Zero, UInt256.Zero),
            ModelEvents.UsageSettled.Encode(SystemContractAddresses.ModelRegistry, UInt256.One, User, User, (UInt256)10UL, (UInt256)100UL),
            ModelEvents.UsageSettled.Encode(SystemContractAddresses.ModelRegistry, UInt256.One, User, User, (UInt256)12UL, (UInt256)20UL),
            CredentialEvents.CredentialIssued.Encode(SystemContractAddresses.CredentialRegistry, new byte[32], User, User, new byte[32]));

        metrics.Observe(BlockOf(Transfer()), [receipt]);

        Assert.Multiple(() =>
        {
            Assert.That(metrics.Enrolments.Value, Is.EqualTo(1));
            Assert.That(metrics.ProofsVerified.Value, Is.EqualTo(1));
            Assert.That(metrics.ModelSettlements.Value, Is.EqualTo(2));
            Assert.That(metrics.CredentialsIssued.Value, Is.EqualTo(1));
            Assert.That(metrics.ProofsRejected.Value, Is.Zero);
        });
    }

    [Test]
    public void A_registry_event_from_another_address_is_not_counted()
    {
        RegistryActivityMetrics metrics = new(new MetricsRegistry());
        TxReceipt receipt = Ok(
            HumanRegistryEvents.HumanEnrolled.Encode(Impostor, UInt256.One, (UInt256)5UL, User),
            CredentialEvents.CredentialIssued.Encode(SystemContractAddresses.HumanRegistry, new byte[32], User, User, new byte[32]),
            new LogEntry(SystemContractAddresses.HumanRegistry, [], []));

        metrics.Observe(BlockOf(Transfer()), [receipt]);

        Assert.That(metrics.Enrolments.Value + metrics.CredentialsIssued.Value, Is.Zero);
    }

    [Test]
    public void Only_a_reverted_verifyHuman_call_counts_as_a_rejected_proof()
    {
        RegistryActivityMetrics metrics = new(new MetricsRegistry());
        byte[] verify = new byte[4 + 32];
        VerifyHuman.CopyTo(verify);
        Transaction[] transactions =
        [
            Call(SystemContractAddresses.HumanRegistry, verify),
            Call(SystemContractAddresses.CredentialRegistry, verify),
            Call(SystemContractAddresses.HumanRegistry, [0x01, 0x02]),
            Call(SystemContractAddresses.HumanRegistry, verify),
        ];
        TxReceipt[] receipts = [Failed(), Failed(), Failed(), Ok()];

        metrics.Observe(BlockOf(transactions), receipts);

        Assert.That(metrics.ProofsRejected.Value, Is.EqualTo(1));
    }

    [Test]
    public void Counters_appear_in_the_scrape()
    {
        MetricsRegistry registry = new();
        RegistryActivityMetrics metrics = new(registry);
        metrics.Observe(BlockOf(Transfer()), [Ok(HumanRegistryEvents.IdentityDeleted.Encode(SystemContractAddresses.HumanRegistry, UInt256.One, UInt256.One, UInt256.One))]);

        string scrape = registry.Scrape();

        Assert.That(scrape, Does.Contain("# TYPE trustchain_erasures_total counter\ntrustchain_erasures_total 1\n"));
        Assert.That(scrape, Does.Contain("trustchain_enrolments_total 0\n"));
    }

    private static string AbiFile(string name)
    {
        string? dir = TestContext.CurrentContext.TestDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "TrustChain.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return Path.Combine(dir ?? throw new DirectoryNotFoundException("repository root not found"), "node", "TrustChain.Chain", "SystemContracts", "Abi", name);
    }

    private static TxReceipt Ok(params LogEntry[] logs) => new() { StatusCode = 1, Logs = logs };

    private static TxReceipt Failed() => new() { StatusCode = 0 };

    private static Transaction Transfer() => Call(User, []);

    private static Transaction Call(Address to, byte[] data) => new() { Type = TxType.Eip1559, ChainId = 7357, To = to, Data = data, GasLimit = 21_000 };

    private static Block BlockOf(params Transaction[] transactions) => new(new BlockHeader(), transactions, null, []);
}
