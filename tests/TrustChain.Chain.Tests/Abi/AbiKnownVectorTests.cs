using System.Text;
using TrustChain.Chain.Abi;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.Tests.Abi;

[TestFixture]
public sealed class AbiKnownVectorTests
{
    [TestCase("function transfer(address to, uint256 amount) returns (bool)", "transfer(address,uint256)", "0xa9059cbb")]
    [TestCase("balanceOf(address)", "balanceOf(address)", "0x70a08231")]
    [TestCase("function approve(address spender, uint256 value) external returns (bool)", "approve(address,uint256)", "0x095ea7b3")]
    [TestCase("function transferFrom(address from, address to, uint256 value)", "transferFrom(address,address,uint256)", "0x23b872dd")]
    public void Function_selectors_match_the_well_known_values(string declaration, string signature, string selector)
    {
        AbiFunction f = AbiFunction.Parse(declaration);
        Assert.That(f.Signature, Is.EqualTo(signature));
        Assert.That(f.Selector.ToString(), Is.EqualTo(selector));
    }

    [Test]
    public void Transfer_event_topic_and_log_layout()
    {
        AbiEvent e = AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)");
        Address from = Address.Parse("0x1111111111111111111111111111111111111111");
        Address to = Address.Parse("0x2222222222222222222222222222222222222222");
        var log = e.Encode(Address.Zero, from, to, (UInt256)1000);
        Assert.Multiple(() =>
        {
            Assert.That(e.Topic0.ToString(), Is.EqualTo("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"));
            Assert.That(log.Topics, Has.Count.EqualTo(3));
            Assert.That(log.Topics[1].ToString(), Is.EqualTo("0x" + new string('0', 24) + new string('1', 40)));
            Assert.That(Hex.ToHexString(log.Data), Is.EqualTo("0x" + "3e8".PadLeft(64, '0')));
            Assert.That(e.Decode(log), Is.EqualTo(new object[] { from, to, (UInt256)1000 }));
        });
    }

    [Test]
    public void Indexed_reference_types_are_hashed_as_Solidity_does()
    {
        AbiEvent e = AbiEvent.Parse("event E(string indexed s, bytes indexed b, uint256[] indexed xs, (uint8,bytes) indexed t) anonymous");
        var log = e.Encode(Address.Zero, "hello", new byte[] { 1, 2, 3 }, new object[] { (UInt256)1, (UInt256)2 }, new object[] { (UInt256)5, new byte[] { 0xaa } });
        // In-place encoding: elements padded to 32 bytes, no lengths or offsets (Solidity docs, "Encoding of indexed event parameters").
        byte[] xs = Convert.FromHexString("1".PadLeft(64, '0') + "2".PadLeft(64, '0'));
        byte[] t = Convert.FromHexString("5".PadLeft(64, '0') + "aa".PadRight(64, '0'));
        Assert.Multiple(() =>
        {
            Assert.That(log.Topics[0], Is.EqualTo(Keccak256.Compute("hello"u8)));
            Assert.That(log.Topics[1], Is.EqualTo(Keccak256.Compute([1, 2, 3])));
            Assert.That(log.Topics[2], Is.EqualTo(Keccak256.Compute(xs)));
            Assert.That(log.Topics[3], Is.EqualTo(Keccak256.Compute(t)));
            Assert.That(log.Data, Is.Empty);
            Assert.That(e.Decode(log)[0], Is.EqualTo(Keccak256.Compute("hello"u8)));
        });
    }

    [Test]
    public void Error_string_revert_data_round_trips()
    {
        byte[] data = RevertReason.Encode("insufficient stake");
        // selector ‖ offset 0x20 ‖ length 18 ‖ utf-8 padded.
        string expected = "0x08c379a0" + "20".PadLeft(64, '0') + "12".PadLeft(64, '0')
            + Convert.ToHexStringLower(Encoding.UTF8.GetBytes("insufficient stake")).PadRight(64, '0');
        Assert.Multiple(() =>
        {
            Assert.That(RevertReason.Selector.ToString(), Is.EqualTo("0x08c379a0"));
            Assert.That(Hex.ToHexString(data), Is.EqualTo(expected));
            Assert.That(RevertReason.TryDecode(data, out string? reason), Is.True);
            Assert.That(reason, Is.EqualTo("insufficient stake"));
            Assert.That(RevertReason.TryDecode(data.AsSpan(0, 40), out _), Is.False, "truncated");
            Assert.That(RevertReason.TryDecode(AbiError.Parse("Other(string)").Encode("x"), out _), Is.False, "other selector");
            Assert.That(RevertReason.TryDecode([], out _), Is.False);
        });
    }

    [Test]
    public void Custom_error_encodes_selector_and_arguments()
    {
        AbiError error = AbiError.Parse("error InsufficientBalance(uint256 available, uint256 required)");
        byte[] data = error.Encode((UInt256)1, (UInt256)2);
        Assert.Multiple(() =>
        {
            Assert.That(error.Selector, Is.EqualTo(AbiSelector.Of("InsufficientBalance(uint256,uint256)")));
            Assert.That(data, Has.Length.EqualTo(4 + 64));
            Assert.That(error.TryDecode(data, out object[] args), Is.True);
            Assert.That(args, Is.EqualTo(new object[] { (UInt256)1, (UInt256)2 }));
        });
    }

    [Test]
    public void Function_call_round_trip_with_nested_dynamic_types()
    {
        AbiFunction f = AbiFunction.Parse("function put((address to, bytes32[] tags)[] items, string note) payable returns (uint256 id, string[] names)");
        object[] items = [new object[] { Address.Parse("0x00000000000000000000000000000000000000aa"), new object[] { new byte[32] } }];
        byte[] call = f.EncodeCall(items, "n");
        object[] decoded = f.DecodeCall(call);
        byte[] output = f.EncodeOutput((UInt256)9, new object[] { "a", "" });
        Assert.Multiple(() =>
        {
            Assert.That(f.Signature, Is.EqualTo("put((address,bytes32[])[],string)"));
            Assert.That(f.StateMutability, Is.EqualTo(StateMutability.Payable));
            Assert.That(f.Inputs[0].Components.Select(c => c.Name), Is.EqualTo(new[] { "to", "tags" }));
            Assert.That(AbiTestValues.Canon(f.InputTypes[0], decoded[0]), Is.EqualTo(AbiTestValues.Canon(f.InputTypes[0], items)));
            Assert.That(decoded[1], Is.EqualTo("n"));
            Assert.That(f.DecodeOutput(output)[1], Is.EqualTo(new object[] { "a", "" }));
            Assert.That(() => f.DecodeCall(call.AsSpan(0, 3).ToArray()), Throws.TypeOf<AbiException>());
        });
    }

    [Test]
    public void ReadUInt256_reads_static_words_without_decoding_everything()
    {
        byte[] data = AbiEncoder.Encode([AbiType.UInt256, AbiType.UInt256], [(UInt256)3, UInt256.MaxValue]);
        Assert.That(AbiDecoder.ReadUInt256(data, 1), Is.EqualTo(UInt256.MaxValue));
        Assert.Throws<AbiException>(() => AbiDecoder.ReadUInt256(data, 2));
    }
}
