using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Core;

namespace TrustChain.Chain.Tests.SystemContracts.Models;

[TestFixture]
public sealed class ModelPaymentSplitTests
{
    private static readonly ModelOwner[] Owners = [new(ModelHarness.Owner1.Address, 3_333), new(ModelHarness.Owner2.Address, 3_334)];

    [TestCase(0UL, 0UL, 0UL, 0UL, 0UL)]
    [TestCase(1UL, 1UL, 0UL, 0UL, 0UL)]
    [TestCase(10_000UL, 3_333UL, 3_334UL, 2_333UL, 1_000UL)]
    // 9,999: ⌊·⌋ gives 3,332 + 3,333 + 2,332 + 999 = 9,996; the 3 wei of dust go to the first owner.
    [TestCase(9_999UL, 3_335UL, 3_333UL, 2_332UL, 999UL)]
    public void Parts_follow_the_bps_and_add_up_exactly(ulong amount, ulong owner1, ulong owner2, ulong host, ulong validators)
    {
        ModelPaymentSplit split = ModelPaymentSplit.Compute(amount, Owners, 2_333, 1_000);
        Assert.Multiple(() =>
        {
            Assert.That(split.Owners, Is.EqualTo(new UInt256[] { owner1, owner2 }));
            Assert.That(split.Host, Is.EqualTo((UInt256)host));
            Assert.That(split.Validators, Is.EqualTo((UInt256)validators));
            Assert.That(split.Owners[0] + split.Owners[1] + split.Host + split.Validators, Is.EqualTo((UInt256)amount));
        });
    }

    [Test]
    public void Huge_amounts_do_not_overflow()
    {
        ModelPaymentSplit split = ModelPaymentSplit.Compute(UInt256.MaxValue, Owners, 2_333, 1_000);
        Assert.That(split.Owners[0] + split.Owners[1] + split.Host + split.Validators, Is.EqualTo(UInt256.MaxValue));
        Assert.That(split.Validators, Is.EqualTo(UInt256.MaxValue / 10));
    }

    [Test]
    public void Shares_above_10000_bps_are_rejected() =>
        Assert.That(() => ModelPaymentSplit.Compute(10_000, Owners, 3_000, 1_000), Throws.ArgumentException.With.Message.Contains("exceed 10,000"));
}
