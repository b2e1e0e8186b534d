using TrustChain.Core;
using TrustChain.Core.Blocks;

namespace TrustChain.Chain.Specs;

/// <summary>EIP-1559 fee market with a non-zero base-fee floor (DESIGN §3.1).</summary>
public static partial class FeeMarket
{
    /// <summary>Base fee of block 0: the floor, so the first blocks are as cheap as the chain allows.</summary>
    public static UInt256 GenesisBaseFee(ChainParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.MinBaseFee;
    }

    /// <summary>Base fee required of the child of <paramref name="parent"/>.</summary>
    public static UInt256 CalculateBaseFee(BlockHeader parent, ChainParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return CalculateBaseFee(parent.GasLimit, parent.GasUsed, parent.BaseFeePerGas, parameters);
    }

    /// <summary>
    /// Base fee of the child of a block with the given gas limit, gas used and base fee: it moves by at most
    /// 1/denominator towards demand, relative to the target gasLimit / elasticity, and never drops below the floor.
    /// </summary>
    public static UInt256 CalculateBaseFee(ulong parentGasLimit, ulong parentGasUsed, in UInt256 parentBaseFee, ChainParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.ElasticityMultiplier == 0 || parameters.BaseFeeChangeDenominator == 0)
        {
            throw new ArgumentException("ElasticityMultiplier and BaseFeeChangeDenominator must be non-zero.", nameof(parameters));
        }

        ulong target = parentGasLimit / parameters.ElasticityMultiplier;
        if (target == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(parentGasLimit), parentGasLimit, $"gas limit gives a zero EIP-1559 target at elasticity {parameters.ElasticityMultiplier}");
        }

        UInt256 next;
        if (parentGasUsed == target)
        {
            next = parentBaseFee;
        }
        else if (parentGasUsed > target)
        {
            UInt256 delta = Delta(parentBaseFee, parentGasUsed - target, target, parameters.BaseFeeChangeDenominator);
            // Ensures the base fee can climb out of tiny values where the proportional change rounds to zero.
            if (delta.IsZero)
            {
                delta = UInt256.One;
            }

            if (UInt256.AddOverflow(parentBaseFee, delta, out next))
            {
                throw new OverflowException($"base fee {parentBaseFee} + {delta} overflows 256 bits");
            }
        }
        else
        {
            UInt256 delta = Delta(parentBaseFee, target - parentGasUsed, target, parameters.BaseFeeChangeDenominator);
            next = UInt256.SubtractUnderflow(parentBaseFee, delta, out UInt256 difference) ? UInt256.Zero : difference;
        }

        return UInt256.Max(next, parameters.MinBaseFee);
    }

    private static UInt256 Delta(in UInt256 baseFee, ulong gasDelta, ulong target, ulong denominator)
    {
        if (UInt256.MultiplyOverflow(baseFee, gasDelta, out UInt256 product))
        {
            throw new OverflowException($"base fee {baseFee} × gas delta {gasDelta} overflows 256 bits");
        }

        return product / target / denominator;
    }
}
