using TrustChain.Core.Crypto;

namespace TrustChain.Core.Tests;

public class AddressTests
{
    // The EIP-55 specification's own examples.
    [TestCase("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [TestCase("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [TestCase("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [TestCase("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Parse_ChecksummedExample_RoundTrips(string checksummed)
    {
        Address address = Address.Parse(checksummed);
        Assert.That(address.ToString(), Is.EqualTo(checksummed));
        Assert.That(Address.Parse(checksummed.ToLowerInvariant()), Is.EqualTo(address));
        Assert.That(Address.Parse("0x" + checksummed[2..].ToUpperInvariant()), Is.EqualTo(address));
        Assert.That(address.ToLowerHex(), Is.EqualTo(checksummed.ToLowerInvariant()));
    }

    [TestCase("0x52908400098527886E0F7030069857D2E4169EE7")]
    [TestCase("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [TestCase("0xde709f2102306220921060314715629080e2fb77")]
    [TestCase("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    public void Parse_SingleCaseExample_Accepted(string hex)
    {
        Address address = Address.Parse(hex);
        Assert.That(address.ToLowerHex(), Is.EqualTo(hex.ToLowerInvariant()));
        Assert.That(address.ToString().ToLowerInvariant(), Is.EqualTo(hex.ToLowerInvariant()));
    }

    [TestCase("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")]
    [TestCase("0xFb6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    public void Parse_BadChecksum_Throws(string hex)
    {
        Assert.Throws<FormatException>(() => Address.Parse(hex));
        Assert.That(Address.TryParse(hex, out _), Is.False);
    }

    [TestCase("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA")]
    [TestCase("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedaa")]
    [TestCase("0xzaaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    [TestCase("")]
    public void Parse_Malformed_Throws(string hex)
    {
        Assert.Throws<FormatException>(() => Address.Parse(hex));
    }

    [Test]
    public void Constructor_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => _ = new Address(new byte[19]));
    }

    [Test]
    public void Zero_IsDefault()
    {
        Assert.That(default(Address), Is.EqualTo(Address.Zero));
        Assert.That(Address.Zero.IsZero, Is.True);
        Assert.That(Address.Zero.ToString(), Is.EqualTo("0x0000000000000000000000000000000000000000"));
    }

    [Test]
    public void FromPublicKey_UsesLast20BytesOfKeccak()
    {
        byte[] pub = new byte[64];
        for (int i = 0; i < 64; i++)
        {
            pub[i] = (byte)(i * 7);
        }

        byte[] hash = Keccak256.Compute(pub).ToArray();
        Assert.That(Address.FromPublicKey(pub).ToArray(), Is.EqualTo(hash[12..]));
    }
}
