namespace TrustChain.Biometrics.FuzzyExtractor;

/// <summary>GF(2^m) for 3 ≤ m ≤ 14 with log/antilog tables over a fixed primitive polynomial.</summary>
public sealed class GaloisField
{
    // Primitive polynomials (bit i = coefficient of x^i), standard choices from Lin & Costello, Table 2.7.
    private static readonly int[] PrimitivePolynomials =
    [
        0, 0, 0, 0xB, 0x13, 0x25, 0x43, 0x89, 0x11D, 0x211, 0x409, 0x805, 0x1053, 0x201B, 0x4443,
    ];

    private readonly int[] _exp;
    private readonly int[] _log;

    public GaloisField(int m)
    {
        if (m < 3 || m >= PrimitivePolynomials.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(m), m, $"GF(2^m) is supported for 3 ≤ m ≤ {PrimitivePolynomials.Length - 1}.");
        }

        M = m;
        Order = (1 << m) - 1;
        _exp = new int[2 * Order];
        _log = new int[Order + 1];
        int poly = PrimitivePolynomials[m];
        int x = 1;
        for (int i = 0; i < Order; i++)
        {
            _exp[i] = x;
            _log[x] = i;
            x <<= 1;
            if ((x & (1 << m)) != 0)
            {
                x ^= poly;
            }
        }

        // Doubling the table lets Multiply skip the mod by the group order.
        for (int i = Order; i < 2 * Order; i++)
        {
            _exp[i] = _exp[i - Order];
        }
    }

    public int M { get; }

    /// <summary>Multiplicative group order 2^m − 1 (also the natural BCH length).</summary>
    public int Order { get; }

    /// <summary>α^e for 0 ≤ e &lt; 2·Order without a modulo (hot loops keep their exponents in that range).</summary>
    internal int ExpUnreduced(int e) => _exp[e];

    internal int LogNonZero(int a) => _log[a];

    /// <summary>α^e for any integer e (reduced mod the group order).</summary>
    public int Power(long e)
    {
        long r = e % Order;
        return _exp[r < 0 ? r + Order : r];
    }

    public int Log(int a) => a == 0 ? throw new ArgumentException("log(0) is undefined.", nameof(a)) : _log[a];

    public int Multiply(int a, int b) => a == 0 || b == 0 ? 0 : _exp[_log[a] + _log[b]];

    public int Divide(int a, int b)
    {
        if (b == 0)
        {
            throw new DivideByZeroException("Division by zero in GF(2^m).");
        }

        return a == 0 ? 0 : _exp[_log[a] - _log[b] + Order];
    }

    public int Inverse(int a) => Divide(1, a);
}
