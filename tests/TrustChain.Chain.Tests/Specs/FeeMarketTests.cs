using TrustChain.Chain.Specs;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Transactions;

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
    public void Header_overload_reads_gas_limit_used_and_base_fee()
    {
        var parent = new BlockHeader { GasLimit = 30_000_000, GasUsed = 30_000_000, BaseFeePerGas = 100 * Gwei };
        Assert.That(FeeMarket.CalculateBaseFee(parent, ChainParameters.Default), Is.EqualTo((UInt256)112_500_000_000UL));
    }

    [TestCase(TxType.Eip1559, 10UL, 2UL, 5UL, 7UL, 2UL, TestName = "type 2: full tip fits under the cap")]
    [TestCase(TxType.Eip1559, 6UL, 2UL, 5UL, 6UL, 1UL, TestName = "type 2: tip squeezed by the cap")]
    [TestCase(TxType.Eip1559, 5UL, 2UL, 5UL, 5UL, 0UL, TestName = "type 2: cap equals base fee")]
    [TestCase(TxType.Legacy, 8UL, 0UL, 5UL, 8UL, 3UL, TestName = "legacy: gas price minus base fee")]
    public void Effective_gas_price_and_tip(TxType type, ulong cap, ulong tip, ulong baseFee, ulong price, ulong effectiveTip)
    {
        Transaction tx = type == TxType.Legacy
            ? new Transaction { Type = type, ChainId = 7357, GasPrice = cap, GasLimit = 21_000 }
            : new Transaction { Type = type, ChainId = 7357, MaxFeePerGas = cap, MaxPriorityFeePerGas = tip, GasLimit = 21_000 };

        Assert.That(FeeMarket.EffectiveGasPrice(tx, baseFee), Is.EqualTo((UInt256)price));
        Assert.That(FeeMarket.EffectiveTip(tx, baseFee), Is.EqualTo((UInt256)effectiveTip));
    }

    [Test]
    public void Tip_is_undefined_below_the_base_fee()
    {
        var tx = new Transaction { Type = TxType.Eip1559, ChainId = 7357, MaxFeePerGas = 4, MaxPriorityFeePerGas = 1, GasLimit = 21_000 };
        Assert.That(FeeMarket.TryGetEffectiveTip(tx, 5UL, out _), Is.False);
        Assert.Throws<InvalidOperationException>(() => FeeMarket.EffectiveTip(tx, 5UL));
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
        Assert.Throws<ArgumentException>(() => FeeMarket.CalculateBaseFee(30_000_000, 0, 1UL, new ChainParameters { ElasticityMultiplier = 0 }));
        Assert.Throws<ArgumentException>(() => FeeMarket.CalculateBaseFee(30_000_000, 0, 1UL, new ChainParameters { BaseFeeChangeDenominator = 0 }));
    }
}
