using TrustChain.Chain.Validation;
using TrustChain.Core;
using TrustChain.Core.Transactions;

namespace TrustChain.Chain.Tests.Validation;

public class IntrinsicGasTests
{
    // EIP-2028 calldata pricing: 4 gas per zero byte, 16 per non-zero byte, on top of 21,000.
    [TestCase("0x", 21_000UL)]
    [TestCase("0x00", 21_004UL)]
    [TestCase("0x01", 21_016UL)]
    [TestCase("0x0001ff00", 21_040UL)]
    [TestCase("0xa9059cbb000000000000000000000000a0ee7a142d267c1f36714e4a8f75612f20a79720", 21_000UL + 4 * 12 + 16 * 24)]
    public void Calldata_cost(string data, ulong expected)
    {
        Transaction tx = TestTx.Eip1559(DevKeys.Key0, 0, 2 * TestTx.Gwei, TestTx.Gwei, gas: 100_000, data: Hex.FromHexString(data));
        Assert.That(IntrinsicGas.Calculate(tx), Is.EqualTo(expected));
    }

    [Test]
    public void Access_list_costs_follow_eip2930()
    {
        var accessList = new[]
        {
            new AccessListItem(DevKeys.Address1, [Hash256.Zero, new Hash256(new byte[32] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]),
            new AccessListItem(DevKeys.Address2, []),
        };
        Transaction tx = TestTx.Eip1559(DevKeys.Key0, 0, 2 * TestTx.Gwei, TestTx.Gwei, gas: 100_000, accessList: accessList);

        // 2 addresses × 2,400 + 2 storage keys × 1,900.
        Assert.That(IntrinsicGas.Calculate(tx), Is.EqualTo(21_000UL + 2 * 2_400 + 2 * 1_900));
    }

    [Test]
    public void Large_calldata_is_counted_exactly()
    {
        byte[] data = new byte[100_000];
        for (int i = 0; i < data.Length; i += 3)
        {
            data[i] = 0xff;
        }

        int nonZero = (data.Length + 2) / 3;
        Assert.That(IntrinsicGas.CalldataCost(data), Is.EqualTo((ulong)(16 * nonZero + 4 * (data.Length - nonZero))));
    }
}
