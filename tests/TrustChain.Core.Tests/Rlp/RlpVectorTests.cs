using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using TrustChain.Core.Rlp;

namespace TrustChain.Core.Tests.Rlp;

public class RlpVectorTests
{
    public static IEnumerable<TestCaseData> ValidCases()
    {
        using JsonDocument doc = VectorFiles.Load("rlp", "rlptest.json");
        foreach (JsonProperty test in doc.RootElement.EnumerateObject())
        {
            yield return new TestCaseData(test.Value.GetProperty("in").GetRawText(), test.Value.GetProperty("out").GetString()!)
                .SetName("rlptest_" + test.Name);
        }
    }

    public static IEnumerable<TestCaseData> InvalidCases()
    {
        using JsonDocument doc = VectorFiles.Load("rlp", "invalidRLPTest.json");
        foreach (JsonProperty test in doc.RootElement.EnumerateObject())
        {
            yield return new TestCaseData(test.Value.GetProperty("out").GetString()!).SetName("invalid_" + test.Name);
        }
    }

    public static IEnumerable<TestCaseData> ExampleCases()
    {
        using JsonDocument doc = VectorFiles.Load("rlp", "example.json");
        foreach (JsonProperty test in doc.RootElement.EnumerateObject())
        {
            yield return new TestCaseData(test.Value.GetProperty("in").GetString()!, test.Value.GetProperty("out").GetString()!)
                .SetName("example_" + test.Name);
        }
    }

    [TestCaseSource(nameof(ValidCases))]
    public void Valid_EncodesAndDecodes(string inputJson, string expectedHex)
    {
        using JsonDocument input = JsonDocument.Parse(inputJson);
        byte[] expected = Hex.FromHexString(expectedHex);

        int length = LengthOf(input.RootElement);
        Assert.That(length, Is.EqualTo(expected.Length), "length pre-computation");
        byte[] encoded = new byte[length];
        RlpWriter writer = new(encoded);
        Write(ref writer, input.RootElement);
        Assert.That(writer.IsFull, Is.True);
        Assert.That(Hex.ToHexString(encoded), Is.EqualTo(Hex.ToHexString(expected)));

        RlpReader.ValidateSingleItem(expected);
        RlpReader reader = new(expected);
        AssertDecodes(ref reader, input.RootElement);
        reader.CheckEnd();
    }

    [TestCaseSource(nameof(InvalidCases))]
    public void Invalid_IsRejected(string hex)
    {
        byte[] data = Hex.FromHexString(hex);
        Assert.Throws<RlpException>(() => RlpReader.ValidateSingleItem(data));
    }

    [TestCaseSource(nameof(ExampleCases))]
    public void Example_MatchesVerdict(string verdict, string hex)
    {
        byte[] data = Hex.FromHexString(hex);
        if (verdict == "VALID")
        {
            Assert.DoesNotThrow(() => RlpReader.ValidateSingleItem(data));
        }
        else
        {
            Assert.Throws<RlpException>(() => RlpReader.ValidateSingleItem(data));
        }
    }

    [TestCase("0x00", Description = "zero must be 0x80")]
    [TestCase("0x820001", Description = "leading zero")]
    [TestCase("0x89010000000000000000", Description = "9 bytes for uint64")]
    public void ReadUInt64_NonCanonical_Throws(string hex)
    {
        byte[] data = Hex.FromHexString(hex);
        Assert.Throws<RlpException>(() => new RlpReader(data).ReadUInt64());
    }

    [Test]
    public void ReadList_ItemPastListEnd_Throws()
    {
        // List says 2 bytes of content, but its item declares 3.
        byte[] data = Hex.FromHexString("0xc2830102030405");
        Assert.Throws<RlpException>(() =>
        {
            RlpReader reader = new(data);
            RlpReader list = reader.ReadList();
            list.ReadBytes();
        });
    }

    [Test]
    public void TrailingBytes_AtTopLevel_Rejected()
    {
        Assert.Throws<RlpException>(() => RlpReader.ValidateSingleItem([0x80, 0x80]));
    }

    private static BigInteger ParseBig(string s) => BigInteger.Parse(s.AsSpan(1), CultureInfo.InvariantCulture);

    private static byte[] BigBytes(BigInteger value) => value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);

    private static int LengthOf(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => TrustChain.Core.Rlp.Rlp.LengthOf(e.GetUInt64()),
        JsonValueKind.String when e.GetString()!.StartsWith('#') => TrustChain.Core.Rlp.Rlp.LengthOf(BigBytes(ParseBig(e.GetString()!))),
        JsonValueKind.String => TrustChain.Core.Rlp.Rlp.LengthOf(Encoding.UTF8.GetBytes(e.GetString()!)),
        JsonValueKind.Array => TrustChain.Core.Rlp.Rlp.LengthOfList(e.EnumerateArray().Sum(LengthOf)),
        _ => throw new InvalidOperationException($"Unexpected JSON {e.ValueKind}"),
    };

    private static void Write(ref RlpWriter writer, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Number:
                writer.WriteUInt64(e.GetUInt64());
                break;
            case JsonValueKind.String when e.GetString()!.StartsWith('#'):
                BigInteger big = ParseBig(e.GetString()!);
                if (big.GetBitLength() <= 256)
                {
                    writer.WriteUInt256(UInt256.FromBigInteger(big));
                }
                else
                {
                    writer.WriteBytes(BigBytes(big));
                }

                break;
            case JsonValueKind.String:
                writer.WriteBytes(Encoding.UTF8.GetBytes(e.GetString()!));
                break;
            case JsonValueKind.Array:
                writer.WriteListHeader(e.EnumerateArray().Sum(LengthOf));
                foreach (JsonElement item in e.EnumerateArray())
                {
                    Write(ref writer, item);
                }

                break;
            default:
                throw new InvalidOperationException($"Unexpected JSON {e.ValueKind}");
        }
    }

    private static void AssertDecodes(ref RlpReader reader, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Number:
                Assert.That(reader.ReadUInt64(), Is.EqualTo(e.GetUInt64()));
                break;
            case JsonValueKind.String when e.GetString()!.StartsWith('#'):
                BigInteger big = ParseBig(e.GetString()!);
                if (big.GetBitLength() <= 256)
                {
                    Assert.That(reader.ReadUInt256().ToBigInteger(), Is.EqualTo(big));
                }
                else
                {
                    Assert.That(reader.ReadBytes().ToArray(), Is.EqualTo(BigBytes(big)));
                }

                break;
            case JsonValueKind.String:
                Assert.That(reader.ReadBytes().ToArray(), Is.EqualTo(Encoding.UTF8.GetBytes(e.GetString()!)));
                break;
            case JsonValueKind.Array:
                RlpReader list = reader.ReadList();
                foreach (JsonElement item in e.EnumerateArray())
                {
                    AssertDecodes(ref list, item);
                }

                list.CheckEnd();
                break;
        }
    }
}
