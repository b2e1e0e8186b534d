using TrustChain.Chain.Abi;
using TrustChain.Core;

namespace TrustChain.Chain.Tests.Abi;

[TestFixture]
public sealed class AbiStrictDecodingTests
{
    private static string W(string hex) => hex.PadLeft(64, '0');

    private static string Ones(int bytes) => new('f', bytes * 2);

    private static IEnumerable<TestCaseData> Malformed()
    {
        // Truncated.
        yield return Case("uint256", "", "data too short", "empty data for a static word");
        yield return Case("uint256", W("1")[..62], "data too short", "31-byte word");
        yield return Case("(uint256,uint256)", W("1"), "data too short", "tuple missing its second word");
        yield return Case("bytes", W("20") + W("25") + "0102030405", "exceeds", "bytes content truncated");
        yield return Case("uint256[]", W("20") + W("2") + W("1"), "exceeds", "array with fewer elements than its length");
        // Offsets out of range.
        yield return Case("bytes", W("40") + W("0"), "outside the data", "offset past the end");
        yield return Case("string", W("ffffffffffffffff"), "outside the data", "offset near 2^64");
        yield return Case("bytes", Ones(32), "too large", "offset of 2^256-1");
        yield return Case("(uint256,bytes)", W("20") + W("1") + W("1000"), "outside the data", "nested offset out of range");
        // Forged huge lengths: rejected before any allocation.
        yield return Case("bytes", W("20") + W("ffffffff"), "exceeds", "bytes length 2^32");
        yield return Case("uint256[]", W("20") + W("ffffffffffffffff"), "exceeds", "array length 2^64-1");
        yield return Case("uint256[]", W("20") + Ones(32), "too large", "array length 2^256-1");
        yield return Case("string[]", W("20") + W("7fffffff") + W("0"), "exceeds", "array of dynamic elements with huge length");
        // Overlapping offsets inflating the output.
        yield return Case("uint256[][]", W("20") + W("8") + string.Concat(Enumerable.Repeat(W("100"), 8)) + W("8") + string.Concat(Enumerable.Repeat(W("1"), 8)),
            "decoded size exceeds", "eight offsets to one inner array");
        // Dirty bits, as Solidity's decoder v2 rejects them.
        yield return Case("address", "01" + new string('0', 22) + new string('1', 40), "dirty high-order bits", "address with a bit above 160");
        yield return Case("bool", W("2"), "neither 0 nor 1", "bool 2");
        yield return Case("bool", "01" + W("1")[2..], "dirty high-order bits", "bool with a high bit");
        yield return Case("uint8", W("100"), "dirty high-order bits", "uint8 256");
        yield return Case("uint64", W("10000000000000000"), "dirty high-order bits", "uint64 2^64");
        yield return Case("int8", W("80"), "not sign-extended", "int8 128 without sign extension");
        yield return Case("int8", Ones(31) + "7f", "not sign-extended", "int8 with 0xff high bytes and positive low byte");
        yield return Case("bytes4", "deadbeef01" + new string('0', 54), "dirty low-order padding", "bytes4 with dirty padding");
        yield return Case("uint8[]", W("20") + W("1") + W("1ff"), "dirty high-order bits", "dirty element inside an array");
        // Invalid UTF-8.
        yield return Case("string", W("20") + W("2") + "c328" + new string('0', 60), "not valid UTF-8", "string with invalid UTF-8");
    }

    private static TestCaseData Case(string type, string hex, string reason, string name) =>
        new TestCaseData(type, hex, reason).SetName("Rejects " + name);

    [TestCaseSource(nameof(Malformed))]
    public void Malformed_data_is_rejected_with_a_specific_reason(string type, string hex, string reason)
    {
        AbiException e = Assert.Throws<AbiException>(() => AbiDecoder.Decode([AbiType.Parse(type)], Convert.FromHexString(hex)))!;
        Assert.That(e.Message, Does.Contain(reason).And.StartWith("argument 0 (" + AbiType.Parse(type) + ")"));
    }

    [TestCase("int8", "ff", -1)]
    [TestCase("int8", "80", -128)]
    [TestCase("int16", "7fff", 32767)]
    public void Sign_extended_negative_and_positive_ints_decode(string type, string low, int expected)
    {
        string hex = (low[0] >= '8' ? new string('f', 64 - low.Length) : new string('0', 64 - low.Length)) + low;
        Assert.That(AbiDecoder.Decode(AbiType.Parse(type), Convert.FromHexString(hex)), Is.EqualTo(new System.Numerics.BigInteger(expected)));
    }

    [Test]
    public void Trailing_bytes_are_ignored_as_Solidity_does()
    {
        byte[] data = [.. AbiEncoder.Encode(AbiType.UInt256, (UInt256)7), 0xde, 0xad];
        Assert.That(AbiDecoder.Decode(AbiType.UInt256, data), Is.EqualTo((UInt256)7));
    }

    [TestCase("uint8", 256)]
    [TestCase("uint8", -1)]
    [TestCase("int8", 128)]
    [TestCase("int8", -129)]
    public void Encoder_range_checks_integers(string type, int value) =>
        Assert.Throws<AbiException>(() => AbiEncoder.Encode(AbiType.Parse(type), type[0] == 'u' ? value : (object)(long)value));

    [Test]
    public void Encoder_rejects_wrong_shapes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => AbiEncoder.Encode(AbiType.Parse("bytes4"), new byte[3]), Throws.TypeOf<AbiException>().With.Message.Contains("exactly 4 bytes"));
            Assert.That(() => AbiEncoder.Encode(AbiType.Parse("uint256[2]"), new object[] { UInt256.One }), Throws.TypeOf<AbiException>().With.Message.Contains("expects 2 elements"));
            Assert.That(() => AbiEncoder.Encode(AbiType.Address, "0x00"), Throws.TypeOf<AbiException>().With.Message.Contains("expects Address"));
            Assert.That(() => AbiEncoder.Encode(AbiType.String, "\ud800"), Throws.TypeOf<AbiException>().With.Message.Contains("unpaired surrogate"));
            Assert.That(() => AbiEncoder.Encode([AbiType.Bool], []), Throws.TypeOf<AbiException>().With.Message.Contains("expected 1 values"));
        });
    }

    [TestCase("uint7")]
    [TestCase("uint264")]
    [TestCase("bytes0")]
    [TestCase("bytes33")]
    [TestCase("uint256[0]")]
    [TestCase("uint256[01]")]
    [TestCase("()")]
    [TestCase("(uint256")]
    [TestCase("(uint256,)")]
    [TestCase("uint256[")]
    [TestCase("fixed128x18")]
    [TestCase("")]
    [TestCase("uint256 ")]
    public void Invalid_type_strings_are_rejected(string type) => Assert.Throws<AbiException>(() => AbiType.Parse(type));

    [TestCase("uint", "uint256")]
    [TestCase("int", "int256")]
    [TestCase("byte", "bytes1")]
    [TestCase("(uint,(address,bytes32[])[2])[]", "(uint256,(address,bytes32[])[2])[]")]
    public void Type_strings_are_normalised_to_canonical_form(string type, string canonical) =>
        Assert.That(AbiType.Parse(type).CanonicalName, Is.EqualTo(canonical));
}
