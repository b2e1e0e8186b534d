using TrustChain.Core;
using TrustChain.Core.Transactions;

namespace TrustChain.Chain.Specs;

public static partial class FeeMarket
{
    /// <summary>Gas price paid at <paramref name="baseFee"/>: legacy gasPrice, type 2 min(maxFee, baseFee + tip).
    /// Below-base-fee transactions get their cap back (as geth does); they are invalid for inclusion anyway.</summary>
    public static UInt256 EffectiveGasPrice(Transaction tx, in UInt256 baseFee)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return tx.EffectiveGasPrice(baseFee);
    }

    /// <summary>Per-gas amount the proposer receives: effective gas price minus base fee.</summary>
    /// <exception cref="InvalidOperationException">The fee cap is below the base fee: there is no valid tip.</exception>
    public static UInt256 EffectiveTip(Transaction tx, in UInt256 baseFee)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return TryGetEffectiveTip(tx, baseFee, out UInt256 tip)
            ? tip
            : throw new InvalidOperationException($"fee cap {tx.FeeCap} is below the base fee {baseFee}");
    }

    /// <summary>min(tipCap, feeCap − baseFee); false when the fee cap is below the base fee.</summary>
    public static bool TryGetEffectiveTip(Transaction tx, in UInt256 baseFee, out UInt256 tip)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (UInt256.SubtractUnderflow(tx.FeeCap, baseFee, out UInt256 headroom))
        {
            tip = UInt256.Zero;
            return false;
        }

        tip = UInt256.Min(tx.TipCap, headroom);
        return true;
    }
}
