using TrustChain.Zk.Bn254;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Zk.Circuits;

/// <summary>
/// An immutable sparse linear combination Σ c_i·w_i over circuit wires; wire 0 is the constant 1, so constants are
/// terms on wire 0. Terms are kept sorted by wire with no zero coefficients, which makes the .r1cs output canonical.
/// </summary>
public sealed class LinearCombination
{
    private readonly int[] _wires;
    private readonly Fr[] _coefficients;

    private LinearCombination(int[] wires, Fr[] coefficients)
    {
        _wires = wires;
        _coefficients = coefficients;
    }

    public static LinearCombination Zero { get; } = new([], []);

    public static LinearCombination One { get; } = Constant(Fr.One);

    public ReadOnlySpan<int> Wires => _wires;

    public ReadOnlySpan<Fr> Coefficients => _coefficients;

    public int TermCount => _wires.Length;

    /// <summary>True when only the constant wire (or nothing) appears.</summary>
    public bool IsConstant => _wires.Length == 0 || (_wires.Length == 1 && _wires[0] == 0);

    /// <summary>Number of terms on wires other than the constant one.</summary>
    public int VariableTermCount => _wires.Length > 0 && _wires[0] == 0 ? _wires.Length - 1 : _wires.Length;

    public static LinearCombination Constant(in Fr value) => value.IsZero ? Zero : new([0], [value]);

    public static LinearCombination Constant(ulong value) => Constant(Fr.FromUInt64(value));

    /// <exception cref="ArgumentOutOfRangeException">The wire index is negative.</exception>
    public static LinearCombination FromWire(int wire)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(wire);
        return new([wire], [Fr.One]);
    }

    public static LinearCombination operator +(LinearCombination a, LinearCombination b) => Combine(a, Fr.One, b, Fr.One);

    public static LinearCombination operator -(LinearCombination a, LinearCombination b) => Combine(a, Fr.One, b, -Fr.One);

    public static LinearCombination operator -(LinearCombination a) => a * -Fr.One;

    public static LinearCombination operator +(LinearCombination a, in Fr constant) => a + Constant(constant);

    public static LinearCombination operator -(LinearCombination a, in Fr constant) => a + Constant(-constant);

    public static LinearCombination operator *(LinearCombination a, in Fr scalar)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (scalar.IsZero)
        {
            return Zero;
        }

        Fr[] coefficients = new Fr[a._coefficients.Length];
        for (int i = 0; i < coefficients.Length; i++)
        {
            coefficients[i] = a._coefficients[i] * scalar;
        }

        return new(a._wires, coefficients);
    }

    public static LinearCombination operator *(in Fr scalar, LinearCombination a) => a * scalar;

    /// <summary>a·x + b·y in one merge pass.</summary>
    public static LinearCombination Combine(LinearCombination x, in Fr a, LinearCombination y, in Fr b)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int[] wires = new int[x._wires.Length + y._wires.Length];
        Fr[] coefficients = new Fr[wires.Length];
        int i = 0, j = 0, n = 0;
        while (i < x._wires.Length || j < y._wires.Length)
        {
            int wx = i < x._wires.Length ? x._wires[i] : int.MaxValue;
            int wy = j < y._wires.Length ? y._wires[j] : int.MaxValue;
            Fr c;
            int w;
            if (wx == wy)
            {
                c = x._coefficients[i++] * a + y._coefficients[j++] * b;
                w = wx;
            }
            else if (wx < wy)
            {
                c = x._coefficients[i++] * a;
                w = wx;
            }
            else
            {
                c = y._coefficients[j++] * b;
                w = wy;
            }

            if (!c.IsZero)
            {
                wires[n] = w;
                coefficients[n++] = c;
            }
        }

        return n == wires.Length ? new(wires, coefficients) : new(wires[..n], coefficients[..n]);
    }

    /// <exception cref="ArgumentException">A term refers to a wire beyond the witness.</exception>
    public Fr Evaluate(ReadOnlySpan<Fr> witness)
    {
        Fr sum = Fr.Zero;
        for (int i = 0; i < _wires.Length; i++)
        {
            if ((uint)_wires[i] >= (uint)witness.Length)
            {
                throw new ArgumentException($"The combination uses wire {_wires[i]} but the witness has {witness.Length} values.", nameof(witness));
            }

            sum += _coefficients[i] * witness[_wires[i]];
        }

        return sum;
    }

    internal R1csTerm[] ToTerms()
    {
        R1csTerm[] terms = new R1csTerm[_wires.Length];
        for (int i = 0; i < terms.Length; i++)
        {
            terms[i] = new R1csTerm(_wires[i], _coefficients[i]);
        }

        return terms;
    }

    internal int MaxWire => _wires.Length == 0 ? 0 : _wires[^1];

    public override string ToString()
    {
        if (_wires.Length == 0)
        {
            return "0";
        }

        System.Text.StringBuilder sb = new();
        for (int i = 0; i < _wires.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(" + ");
            }

            sb.Append(_coefficients[i]).Append("·w").Append(_wires[i]);
        }

        return sb.ToString();
    }
}
