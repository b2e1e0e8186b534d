using System.Text.Json;
using TrustChain.Chain.SystemContracts.Models.Fingerprints;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.Dev;
using TrustChain.Node.ModelHost;
using TrustChain.Node.Tests.Cli;

namespace TrustChain.Node.Tests.Models;

/// <summary>The model host's parts that need no chain: the demo model, commitments, request parsing and the receipt book.</summary>
[TestFixture]
public sealed class ModelHostComponentTests
{
    private static readonly Address Host = DevAccounts.Get(3).Address;
    private static readonly Address User = DevAccounts.Get(4).Address;
    private static readonly Address Other = DevAccounts.Get(5).Address;

    [Test]
    public void Demo_model_answers_each_fingerprint_with_its_response()
    {
        FingerprintSet set = FingerprintSet.Generate(new byte[32], 8);
        DemoModel model = new(set);
        for (int i = 0; i < set.Count; i++)
        {
            Assert.That(model.Invoke(set[i].Key.Bytes), Is.EqualTo(set[i].Response.ToArray()));
        }
    }

    [TestCase("")]
    [TestCase("68656c6c6f")]
    [TestCase("0000000000000000000000000000000000000000000000000000000000000001")]
    public void Demo_model_answers_other_input_with_keccak_of_tag_and_input(string inputHex)
    {
        byte[] input = Convert.FromHexString(inputHex);
        byte[] expected = Keccak256.Compute([.. "TrustChain demo model"u8.ToArray(), .. input]).ToArray();
        Assert.That(new DemoModel(FingerprintSet.Generate(new byte[32], 4)).Invoke(input), Is.EqualTo(expected));
        Assert.That(new DemoModel(null).Invoke(input), Is.EqualTo(expected));
    }

    [Test]
    public void A_one_word_value_commits_to_itself_anything_else_to_its_keccak()
    {
        byte[] word = Enumerable.Range(1, 32).Select(static i => (byte)i).ToArray();
        Assert.That(ResponseCommitment.Of(word), Is.EqualTo(new Hash256(word)));
        byte[] longer = [.. word, 0];
        Assert.That(ResponseCommitment.Of(longer), Is.EqualTo(Keccak256.Compute(longer)));
        Assert.That(ResponseCommitment.Of([]), Is.EqualTo(Keccak256.Compute([])));
    }

    [TestCase("[]", "the request body must be a JSON object")]
    [TestCase("""{"input":"0x","cumulativeCalls":1,"signature":"0x"}""", "user is missing")]
    [TestCase("""{"user":"0x12","input":"0x","cumulativeCalls":1,"signature":"0x"}""", "user must be a 0x-prefixed 20-byte address")]
    [TestCase("""{"user":"0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65","input":"zz","cumulativeCalls":1,"signature":"0x"}""", "input must be 0x-prefixed hex")]
    [TestCase("""{"user":"0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65","input":"0x","cumulativeCalls":0,"signature":"0x"}""", "cumulativeCalls must be a positive integer")]
    [TestCase("""{"user":"0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65","input":"0x","cumulativeCalls":-1,"signature":"0x"}""", "cumulativeCalls must be a positive integer")]
    [TestCase("""{"user":"0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65","input":"0x","cumulativeCalls":1}""", "signature is missing")]
    public void Malformed_requests_name_the_bad_field(string json, string message)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        FormatException? e = Assert.Throws<FormatException>(() => InvokeRequest.Parse(document.RootElement));
        Assert.That(e!.Message, Does.Contain(message));
    }

    [Test]
    public void Each_receipt_must_be_the_next_count_above_book_and_chain()
    {
        UsageReceiptBook book = UsageReceiptBook.Open(null, 7357, 1, Host);
        Assert.That(book.TryRecord(Receipt(User, 1), settledOnChain: 0, out _), Is.True);
        Assert.That(book.TryRecord(Receipt(User, 1), settledOnChain: 0, out string? replay), Is.False, "a replayed count");
        Assert.That(replay, Does.Contain("cumulativeCalls must be 2"));
        Assert.That(book.TryRecord(Receipt(User, 3), settledOnChain: 0, out _), Is.False, "a skipped count");
        Assert.That(book.TryRecord(Receipt(User, 2), settledOnChain: 0, out _), Is.True);
        // Another host's settlements raise the floor: the next call is above what the chain already paid for.
        Assert.That(book.TryRecord(Receipt(Other, 1), settledOnChain: 10, out string? stale), Is.False);
        Assert.That(stale, Does.Contain("cumulativeCalls must be 11"));
        Assert.That(book.TryRecord(Receipt(Other, 11), settledOnChain: 10, out _), Is.True);
        Assert.That(book.LastCalls(User), Is.EqualTo(2));
        Assert.That(book.LastCalls(Other), Is.EqualTo(11));
    }

    [Test]
    public void The_book_file_survives_a_restart_and_belongs_to_one_chain_model_and_host()
    {
        using TempDirectory dir = new();
        string path = dir.Combine("receipts.json");
        UsageReceiptBook book = UsageReceiptBook.Open(path, 7357, 2, Host);
        for (ulong n = 1; n <= 3; n++)
        {
            Assert.That(book.TryRecord(Receipt(User, n), 0, out _), Is.True);
        }

        Assert.That(book.TryRecord(Receipt(Other, 1), 0, out _), Is.True);
        UsageReceiptBook reopened = UsageReceiptBook.Open(path, 7357, 2, Host);
        IReadOnlyList<UsageReceipt> receipts = reopened.Snapshot();
        Assert.That(receipts.Select(static r => (r.User, r.CumulativeCalls)), Is.EquivalentTo(new[] { (User, 3UL), (Other, 1UL) }));
        Assert.That(receipts.Single(r => r.User == User).Signature, Is.EqualTo(Receipt(User, 3).Signature));
        Assert.That(reopened.TryRecord(Receipt(User, 3), 0, out _), Is.False, "the reloaded book still refuses a replay");

        FormatException? wrongModel = Assert.Throws<FormatException>(() => UsageReceiptBook.Open(path, 7357, 3, Host));
        Assert.That(wrongModel!.Message, Does.Contain("model 2"));
        Assert.Throws<FormatException>(() => UsageReceiptBook.Open(path, 1, 2, Host));
        Assert.Throws<FormatException>(() => UsageReceiptBook.Open(path, 7357, 2, Other));
    }

    [Test]
    public void A_corrupt_book_is_refused_with_the_reason()
    {
        using TempDirectory dir = new();
        string path = dir.Combine("receipts.json");
        File.WriteAllText(path, """{"version":1,"chainId":7357,"modelId":1,"host":"0x90F79bf6EB2c4f870365E785982E1f101E93b906","receipts":[{"user":"0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65","cumulativeCalls":3,"signature":"0x1234"}]}""");
        FormatException? e = Assert.Throws<FormatException>(() => UsageReceiptBook.Read(path));
        Assert.That(e!.Message, Does.Contain("receipts[0].signature must be 65 bytes"));
    }

    private static UsageReceipt Receipt(Address user, ulong calls)
    {
        byte[] signature = new byte[65];
        signature[0] = (byte)calls;
        signature[1] = user.Bytes[0];
        return new UsageReceipt(user, calls, signature);
    }
}
