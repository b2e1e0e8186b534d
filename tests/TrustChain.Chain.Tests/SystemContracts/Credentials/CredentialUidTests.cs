using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Core;

namespace TrustChain.Chain.Tests.SystemContracts.Credentials;

/// <summary>Uids, records and fee splits against independent computations (ethers' solidityPackedKeccak256, BigInteger).</summary>
[TestFixture]
public sealed class CredentialUidTests
{
    private static readonly Address Registrant = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

    // ethers.solidityPackedKeccak256(["string","address","bool"], [schema, registrant, revocable])
    [TestCase("string degree, uint16 year", true, "0x81bdbbc7aaaa671e654f51f9e64a67fa1ad0813d299d8d7003ed79e235fa955d")]
    [TestCase("bytes32 employer", false, "0xb247db281f909ee6da735d804ba2fde3609d8757f57475e23de37912432ef3b4")]
    public void Schema_uid_matches_ethers(string schema, bool revocable, string expected) =>
        Assert.That(CredentialUids.Schema(schema, Registrant, revocable).ToString(), Is.EqualTo(expected));

    [Test]
    public void Credential_uid_matches_ethers()
    {
        // ethers.solidityPackedKeccak256(["address","uint64","bytes32","address","bytes32","uint64","bytes32","bytes32"],
        //   [registrant, 7, 0x11.., 0xa0Ee…9720, 0x22.., 1893456000, 0x00.., 0x33..])
        CredentialRequest request = new(CredentialHarness.H(0x11), Address.Parse("0xa0Ee7A142d267C1f36714E4a8F75612F20a79720"),
            CredentialHarness.H(0x22), 1_893_456_000, Hash256.Zero, CredentialHarness.H(0x33));
        Assert.That(CredentialUids.Credential(Registrant, 7, request).ToString(),
            Is.EqualTo("0x312bdef398cff49348b104ce6693ae14fd1c5ac773ece9b4fc7e2832b127e246"));
    }

    [Test]
    public void Credential_record_round_trips_every_field()
    {
        CredentialRecord record = new(CredentialHarness.H(1), CredentialHarness.H(2), Registrant, Address.Parse("0xa0Ee7A142d267C1f36714E4a8F75612F20a79720"),
            CredentialHarness.H(3), CredentialHarness.H(4), CredentialHarness.H(5), ulong.MaxValue, 2, 3, 4, 5);
        byte[] encoded = new byte[CredentialRecord.EncodedLength];
        record.Encode(encoded);
        Assert.Multiple(() =>
        {
            Assert.That(CredentialRecord.Decode(record.Uid, encoded), Is.EqualTo(record));
            Assert.Throws<InvalidOperationException>(() => CredentialRecord.Decode(record.Uid, encoded.AsSpan(1)));
            Assert.Throws<ArgumentException>(() => record.Encode(new byte[CredentialRecord.EncodedLength - 1]));
        });
    }

    private static IEnumerable<TestCaseData> Fees()
    {
        yield return new TestCaseData("1000000000000000").SetName("Split_of_the_default_fee");
        yield return new TestCaseData("1000000000000007").SetName("Split_with_a_rounding_remainder");
        yield return new TestCaseData("9999").SetName("Split_of_a_fee_below_10000_wei");
        yield return new TestCaseData("115792089237316195423570985008687907853269984665640564039457584007913129639935").SetName("Split_of_2_pow_256_minus_1");
    }

    [TestCaseSource(nameof(Fees))]
    public void Fee_split_floors_issuer_and_validator_shares_and_adds_up_to_the_wei(string feeText)
    {
        System.Numerics.BigInteger fee = System.Numerics.BigInteger.Parse(feeText, System.Globalization.CultureInfo.InvariantCulture);
        CredentialFeeSplit split = CredentialFeeSplit.Of(UInt256.FromBigInteger(fee), ChainParameters.Default);
        System.Numerics.BigInteger issuer = fee * 6000 / 10000;
        System.Numerics.BigInteger validators = fee * 2000 / 10000;
        Assert.Multiple(() =>
        {
            Assert.That(split.Issuer.ToBigInteger(), Is.EqualTo(issuer));
            Assert.That(split.Validators.ToBigInteger(), Is.EqualTo(validators));
            Assert.That(split.Prover.ToBigInteger(), Is.EqualTo(fee - issuer - validators));
        });
    }
}
