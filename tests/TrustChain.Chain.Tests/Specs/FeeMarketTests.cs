using TrustChain.Chain.Specs;
using TrustChain.Core;

namespace TrustChain.Chain.Tests.Specs;

public class FeeMarketTests
{
    private const ulong Gwei = 1_000_000_000;
    private static readonly ChainParameters NoFloor = new() { MinBaseFee = 1 };

    // go-ethereum's consensus/misc/eip1559 TestCalcBaseFee cases (gas limit 20M, elasticity 2, denominator 8).
    [TestCase(Gwei, 20_000_000UL, 10_000_000UL, Gwei, TestName = "geth: usage equals target")]
    [TestCase(Gwei, 20_000_000UL, 9_000_000UL, 987_500_000UL, TestName = "geth: usage below target")]
    [TestCase(Gwei, 20_000_000UL, 11_000_000UL, 1_012_500_000UL, TestName = "geth: usage above target")]
    // Hand-computed: full block = +1/8, empty block = -1/8, 3/4 full = +1/16.
    [TestCase(100 * Gwei, 30_000_000UL, 30_000_000UL, 112_500_000_000UL, TestName = "full block raises 12.5%")]
    [TestCase(100 * Gwei, 30_000_000UL, 0UL, 87_500_000_000UL, TestName = "empty block lowers 12.5%")]
    [TestCase(100 * Gwei, 30_000_000UL, 15_000_000UL, 100 * Gwei, TestName = "half-full block keeps the fee")]
    [TestCase(100 * Gwei, 30_000_000UL, 22_500_000UL, 106_250_000_000UL, TestName = "three-quarters full raises 6.25%")]
    [TestCase(7UL, 30_000_000UL, 30_000_000UL, 8UL, TestName = "tiny fee still rises by at least one wei")]
    public void Base_fee_follows_eip1559(ulong parentBaseFee, ulong gasLimit, ulong gasUsed, ulong expected)
    {
        Assert.That(FeeMarket.CalculateBaseFee(gasLimit, gasUsed, parentBaseFee, NoFloor), Is.EqualTo((UInt256)expected));
    }

    [Test]
    public void Sequence_of_full_blocks_from_the_floor_compounds()
    {
        ChainParameters p = ChainParameters.Default;
        UInt256 fee = FeeMarket.GenesisBaseFee(p);
        var seen = new List<UInt256>();
        for (int i = 0; i < 3; i++)
        {
            fee = FeeMarket.CalculateBaseFee(30_000_000, 30_000_000, fee, p);
            seen.Add(fee);
        }

        Assert.That(seen, Is.EqualTo(new UInt256[] { 1_125_000_000UL, 1_265_625_000UL, 1_423_828_125UL }));
    }

    [Test]
    public void Empty_blocks_never_go_below_the_floor()
    {
        ChainParameters p = new() { MinBaseFee = 3 * Gwei };
        UInt256 fee = 4 * Gwei;
        var seen = new List<UInt256>();
        for (int i = 0; i < 4; i++)
        {
            fee = FeeMarket.CalculateBaseFee(30_000_000, 0, fee, p);
            seen.Add(fee);
        }

        // 4 × 7/8 = 3.5, × 7/8 = 3.0625, × 7/8 = 2.68 → clamped to the 3 gwei floor.
        Assert.That(seen, Is.EqualTo(new UInt256[] { 3_500_000_000UL, 3_062_500_000UL, 3 * Gwei, 3 * Gwei }));
    }

    [Test]
    public void Elasticity_and_denominator_are_taken_from_parameters()
    {
        ChainParameters p = new() { MinBaseFee = 1, ElasticityMultiplier = 4, BaseFeeChangeDenominator = 4 };
        // target 10M of 40M; 40M used = 3 × target over, delta = fee * 30M / 10M / 4 = 0.75 fee.
        Assert.That(FeeMarket.CalculateBaseFee(40_000_000, 40_000_000, 1000UL, p), Is.EqualTo((UInt256)1750UL));
    }

    [Test]
    public void Genesis_base_fee_is_the_floor()
    {
        Assert.That(FeeMarket.GenesisBaseFee(new ChainParameters { MinBaseFee = 42 }), Is.EqualTo((UInt256)42));
    }

    [Test]
    public void Zero_target_and_overflow_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeMarket.CalculateBaseFee(1, 1, 1UL, NoFloor));
        Assert.Throws<OverflowException>(() => FeeMarket.CalculateBaseFee(30_000_000, 30_000_000, UInt256.MaxValue, NoFloor));
    }
}
