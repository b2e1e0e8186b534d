using TrustChain.Zk.BabyJubJub;
using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Circuits;

/// <summary>Baby Jubjub (twisted Edwards, a = 168700, d = 168696) point addition and fixed-base multiplication.</summary>
public static class BabyJubJubGadget
{
    /// <summary>Bits of the secret, as circomlib's BabyPbk (Num2Bits(253) then EscalarMulFix(253, Base8)).</summary>
    public const int ScalarBits = 253;

    private static readonly Lazy<BabyJubJubPoint[]> WindowBases = new(BuildWindowBases);

    /// <summary>circomlib BabyAdd: the complete Edwards addition law in six constraints.</summary>
    public static (LinearCombination X, LinearCombination Y) Add(
        this R1csBuilder builder, LinearCombination x1, LinearCombination y1, LinearCombination x2, LinearCombination y2)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Fr a = BabyJubJubPoint.A;
        Fr d = BabyJubJubPoint.D;
        LinearCombination beta = builder.Mul(x1, y2);
        LinearCombination gamma = builder.Mul(y1, x2);
        LinearCombination delta = builder.Mul(y1 - x1 * a, x2 + y2);
        LinearCombination tau = builder.Mul(beta, gamma);

        Fr dTau = d * builder.Evaluate(tau);
        Fr xNumerator = builder.Evaluate(beta + gamma);
        Fr yNumerator = builder.Evaluate(delta + beta * a - gamma);
        // 1 ± d·τ never vanishes on the curve (d is a non-square), so the hints always exist for honest inputs.
        Fr xDenominator = Fr.One + dTau;
        Fr yDenominator = Fr.One - dTau;
        LinearCombination xOut = builder.AddInternal(xDenominator.IsZero ? Fr.Zero : xNumerator * xDenominator.Inverse());
        LinearCombination yOut = builder.AddInternal(yDenominator.IsZero ? Fr.Zero : yNumerator * yDenominator.Inverse());
        builder.Constrain(LinearCombination.One + tau * d, xOut, beta + gamma);
        builder.Constrain(LinearCombination.One - tau * d, yOut, delta + beta * a - gamma);
        return (xOut, yOut);
    }

    /// <summary>
    /// circomlib BabyPbk: (Ax, Ay) = secret·Base8 over the 253 low bits of the secret (Num2Bits(253) constrains the
    /// secret to them). Implemented with 2-bit windows of constant points instead of EscalarMulFix's Montgomery
    /// segments: the same point, fewer constraints.
    /// </summary>
    public static (LinearCombination X, LinearCombination Y) BabyPbk(this R1csBuilder builder, LinearCombination secret)
    {
        ArgumentNullException.ThrowIfNull(builder);
        LinearCombination[] bits = builder.Num2Bits(secret, ScalarBits);
        BabyJubJubPoint[] bases = WindowBases.Value;
        LinearCombination? accX = null, accY = null;
        for (int k = 0; 2 * k < ScalarBits; k++)
        {
            LinearCombination selX, selY;
            BabyJubJubPoint q1 = bases[3 * k], q2 = bases[3 * k + 1], q3 = bases[3 * k + 2];
            LinearCombination b0 = bits[2 * k];
            if (2 * k + 1 < ScalarBits)
            {
                LinearCombination b1 = bits[2 * k + 1];
                LinearCombination both = builder.Mul(b0, b1);
                // Bilinear interpolation of the table {O, Q, 2Q, 3Q} indexed by (b0, b1); O = (0, 1).
                selX = b0 * q1.X + b1 * q2.X + both * (q3.X - q2.X - q1.X);
                selY = LinearCombination.One + b0 * (q1.Y - Fr.One) + b1 * (q2.Y - Fr.One) + both * (q3.Y - q2.Y - q1.Y + Fr.One);
            }
            else
            {
                selX = b0 * q1.X;
                selY = LinearCombination.One + b0 * (q1.Y - Fr.One);
            }

            if (accX is null || accY is null)
            {
                (accX, accY) = (selX, selY);
            }
            else
            {
                (accX, accY) = builder.Add(accX, accY, selX, selY);
            }
        }

        return (accX!, accY!);
    }

    /// <summary>For window k: 4^k·Base8, 2·4^k·Base8, 3·4^k·Base8.</summary>
    private static BabyJubJubPoint[] BuildWindowBases()
    {
        int windows = (ScalarBits + 1) / 2;
        BabyJubJubPoint[] bases = new BabyJubJubPoint[3 * windows];
        BabyJubJubPoint q = BabyJubJubPoint.Base8;
        for (int k = 0; k < windows; k++)
        {
            BabyJubJubPoint q2 = q.Double();
            bases[3 * k] = q;
            bases[3 * k + 1] = q2;
            bases[3 * k + 2] = q2.Add(q);
            q = q2.Double();
        }

        return bases;
    }
}
