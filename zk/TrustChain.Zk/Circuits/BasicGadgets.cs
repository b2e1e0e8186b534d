using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Circuits;

/// <summary>
/// circomlib's elementary templates (Num2Bits, IsZero, IsEqual, LessThan, Mux1) with the same constraints; each
/// computes its output wires from the current input values.
/// </summary>
public static class BasicGadgets
{
    /// <summary>A new wire w with a · b = w.</summary>
    public static LinearCombination Mul(this R1csBuilder builder, LinearCombination a, LinearCombination b)
    {
        ArgumentNullException.ThrowIfNull(builder);
        LinearCombination product = builder.AddInternal(builder.Evaluate(a) * builder.Evaluate(b));
        builder.Constrain(a, b, product);
        return product;
    }

    /// <summary>x · (x − 1) = 0.</summary>
    public static void AssertBoolean(this R1csBuilder builder, LinearCombination x)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Constrain(x, x - LinearCombination.One, LinearCombination.Zero);
    }

    /// <summary>(a − b) · 1 = 0, as circom's <c>a === b</c>.</summary>
    public static void AssertEqual(this R1csBuilder builder, LinearCombination a, LinearCombination b)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Constrain(a - b, LinearCombination.One, LinearCombination.Zero);
    }

    /// <summary>circomlib IsZero: inv hint, out = 1 − in·inv, in·out = 0.</summary>
    public static LinearCombination IsZero(this R1csBuilder builder, LinearCombination input)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Fr value = builder.Evaluate(input);
        LinearCombination inverse = builder.AddInternal(value.IsZero ? Fr.Zero : value.Inverse());
        LinearCombination output = builder.AddInternal(value.IsZero ? Fr.One : Fr.Zero);
        builder.Constrain(input, inverse, LinearCombination.One - output);
        builder.Constrain(input, output, LinearCombination.Zero);
        return output;
    }

    /// <summary>circomlib IsEqual: IsZero(b − a).</summary>
    public static LinearCombination IsEqual(this R1csBuilder builder, LinearCombination a, LinearCombination b) =>
        builder.IsZero(b - a);

    /// <summary>
    /// circomlib Num2Bits(n): n boolean wires (little-endian) whose weighted sum equals the input. An input that
    /// does not fit in n bits yields bits of its low n bits, so the sum constraint fails: the witness is rejected.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">n is outside 1..254.</exception>
    public static LinearCombination[] Num2Bits(this R1csBuilder builder, LinearCombination input, int n)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 254);
        Span<ulong> limbs = stackalloc ulong[4];
        builder.Evaluate(input).ToCanonicalLimbs(limbs);
        LinearCombination[] bits = new LinearCombination[n];
        LinearCombination sum = LinearCombination.Zero;
        Fr weight = Fr.One;
        for (int i = 0; i < n; i++)
        {
            bool bit = ((limbs[i >> 6] >> (i & 63)) & 1) != 0;
            bits[i] = builder.AddInternal(bit ? Fr.One : Fr.Zero);
            builder.AssertBoolean(bits[i]);
            sum = LinearCombination.Combine(sum, Fr.One, bits[i], weight);
            weight = weight.Double();
        }

        builder.AssertEqual(sum, input);
        return bits;
    }

    /// <summary>circomlib LessThan(n) (n ≤ 252): 1 − bit n of Num2Bits(n + 1)(a + 2^n − b).</summary>
    /// <exception cref="ArgumentOutOfRangeException">n is outside 1..252.</exception>
    public static LinearCombination LessThan(this R1csBuilder builder, LinearCombination a, LinearCombination b, int n)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 252);
        Fr twoToN = Fr.FromBigInteger(System.Numerics.BigInteger.One << n);
        LinearCombination[] bits = builder.Num2Bits(a + twoToN - b, n + 1);
        return LinearCombination.One - bits[n];
    }

    /// <summary>circomlib Mux1: out = (c1 − c0)·s + c0, one constraint; s must be boolean (not checked here, as in circomlib).</summary>
    public static LinearCombination Mux1(this R1csBuilder builder, LinearCombination c0, LinearCombination c1, LinearCombination selector)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Fr s = builder.Evaluate(selector);
        Fr v0 = builder.Evaluate(c0);
        LinearCombination output = builder.AddInternal((builder.Evaluate(c1) - v0) * s + v0);
        builder.Constrain(c1 - c0, selector, output - c0);
        return output;
    }
}
