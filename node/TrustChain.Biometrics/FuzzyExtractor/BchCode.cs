namespace TrustChain.Biometrics.FuzzyExtractor;

/// <summary>
/// Binary narrow-sense BCH code over GF(2^m) correcting up to <see cref="T"/> errors, shortened to
/// <see cref="Length"/> bits. Systematic: bits [0, r) are parity, bits [r, n) the message (bit j is the
/// coefficient of x^j). Decoding: syndromes, Berlekamp–Massey, Chien search. A word with more than t errors is
/// either reported as undecodable or (rarely) miscorrected to another codeword; callers that must know use a check.
/// </summary>
public sealed class BchCode
{
    private readonly GaloisField _field;
    private readonly byte[] _generator; // coefficients of g(x), degree ParityBits, g[ParityBits] = 1

    public BchCode(int m, int t, int length)
    {
        _field = new GaloisField(m);
        if (t < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, "The code must correct at least one error.");
        }

        if (length < 1 || length > _field.Order)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"Length must be in [1, {_field.Order}] for m = {m}.");
        }

        T = t;
        Length = length;
        _generator = BuildGenerator(_field, t);
        ParityBits = _generator.Length - 1;
        MessageBits = length - ParityBits;
        if (MessageBits < 1)
        {
            throw new ArgumentException($"BCH(m={m}, t={t}) needs {ParityBits} parity bits; length {length} leaves no message bits.");
        }
    }

    public int T { get; }

    public int Length { get; }

    public int ParityBits { get; }

    public int MessageBits { get; }

    /// <summary>Writes the codeword (one bit per byte, 0/1) for <paramref name="message"/> (MessageBits bits, 0/1).</summary>
    public void Encode(ReadOnlySpan<byte> message, Span<byte> codeword)
    {
        if (message.Length != MessageBits)
        {
            throw new ArgumentException($"Message must be {MessageBits} bits, got {message.Length}.", nameof(message));
        }

        if (codeword.Length != Length)
        {
            throw new ArgumentException($"Codeword buffer must be {Length} bits, got {codeword.Length}.", nameof(codeword));
        }

        int r = ParityBits;
        codeword.Clear();
        for (int i = 0; i < message.Length; i++)
        {
            codeword[r + i] = (byte)(message[i] & 1);
        }

        // Remainder of m(x)·x^r divided by g(x), by long division from the top coefficient down.
        Span<byte> rem = r <= 1024 ? stackalloc byte[r] : new byte[r];
        rem.Clear();
        for (int i = Length - 1; i >= r; i--)
        {
            int feedback = codeword[i] ^ rem[r - 1];
            for (int j = r - 1; j > 0; j--)
            {
                rem[j] = (byte)(rem[j - 1] ^ (feedback & _generator[j]));
            }

            rem[0] = (byte)(feedback & _generator[0]);
        }

        rem.CopyTo(codeword);
    }

    /// <summary>Copies the message bits out of a (corrected) codeword.</summary>
    public void ExtractMessage(ReadOnlySpan<byte> codeword, Span<byte> message)
    {
        if (codeword.Length != Length || message.Length != MessageBits)
        {
            throw new ArgumentException($"Expected a {Length}-bit codeword and a {MessageBits}-bit message buffer.");
        }

        codeword[ParityBits..].CopyTo(message);
    }

    /// <summary>
    /// Corrects <paramref name="word"/> in place. Returns the number of corrected bits, or −1 (word untouched)
    /// when the error pattern is beyond the designed distance.
    /// </summary>
    public int Decode(Span<byte> word)
    {
        if (word.Length != Length)
        {
            throw new ArgumentException($"Word must be {Length} bits, got {word.Length}.", nameof(word));
        }

        int twoT = 2 * T;
        int order = _field.Order;
        Span<int> syndromes = stackalloc int[twoT];
        syndromes.Clear();

        // Odd syndromes S_i = Σ_j r_j·α^(i·j) over the set bits only; for bit j the exponents i·j (i odd) advance by 2j.
        for (int j = 0; j < Length; j++)
        {
            if (word[j] == 0)
            {
                continue;
            }

            int step = 2 * j % order;
            int e = j;
            for (int i = 0; i < twoT; i += 2)
            {
                syndromes[i] ^= _field.ExpUnreduced(e);
                e += step;
                if (e >= order)
                {
                    e -= order;
                }
            }
        }

        bool any = false;
        for (int i = 0; i < twoT; i += 2)
        {
            any |= syndromes[i] != 0;
        }

        if (!any)
        {
            return 0;
        }

        for (int i = 2; i <= twoT; i += 2)
        {
            int half = syndromes[i / 2 - 1];
            syndromes[i - 1] = _field.Multiply(half, half);
        }

        Span<int> locator = stackalloc int[twoT + 1];
        int degree = BerlekampMassey(syndromes, locator);
        if (degree > T)
        {
            return -1;
        }

        // Chien search: position j is in error iff Λ(α^{-j}) = 0. Each term's exponent log Λ_i − i·j is stepped
        // incrementally. Roots outside the shortened length (or too few roots) mean the pattern is uncorrectable.
        Span<int> exponents = stackalloc int[degree + 1];
        for (int i = 1; i <= degree; i++)
        {
            exponents[i] = locator[i] == 0 ? -1 : _field.LogNonZero(locator[i]);
        }

        Span<int> positions = stackalloc int[degree];
        int found = 0;
        for (int j = 0; j < Length; j++)
        {
            int sum = locator[0];
            for (int i = 1; i <= degree; i++)
            {
                int e = exponents[i];
                if (e < 0)
                {
                    continue;
                }

                sum ^= _field.ExpUnreduced(e);
                e -= i;
                exponents[i] = e < 0 ? e + order : e;
            }

            if (sum == 0)
            {
                if (found == degree)
                {
                    return -1;
                }

                positions[found++] = j;
            }
        }

        if (found != degree)
        {
            return -1;
        }

        for (int i = 0; i < found; i++)
        {
            word[positions[i]] ^= 1;
        }

        return found;
    }

    /// <summary>Berlekamp–Massey over GF(2^m); fills the error-locator Λ (Λ0 = 1) and returns its degree L.</summary>
    private int BerlekampMassey(ReadOnlySpan<int> s, Span<int> c)
    {
        int size = c.Length;
        Span<int> b = stackalloc int[size];
        Span<int> tmp = stackalloc int[size];
        c.Clear();
        b.Clear();
        c[0] = 1;
        b[0] = 1;
        int l = 0;
        int shift = 1;
        int bScale = 1;
        for (int n = 0; n < s.Length; n++)
        {
            int d = s[n];
            for (int i = 1; i <= l; i++)
            {
                d ^= _field.Multiply(c[i], s[n - i]);
            }

            if (d == 0)
            {
                shift++;
                continue;
            }

            int coef = _field.Divide(d, bScale);
            if (2 * l <= n)
            {
                c.CopyTo(tmp);
                for (int i = 0; i + shift < size; i++)
                {
                    c[i + shift] ^= _field.Multiply(coef, b[i]);
                }

                l = n + 1 - l;
                tmp.CopyTo(b);
                bScale = d;
                shift = 1;
            }
            else
            {
                for (int i = 0; i + shift < size; i++)
                {
                    c[i + shift] ^= _field.Multiply(coef, b[i]);
                }

                shift++;
            }
        }

        return l;
    }

    /// <summary>g(x) = lcm of the minimal polynomials of α, α^3, …, α^(2t−1) (even powers share cosets with odd ones).</summary>
    private static byte[] BuildGenerator(GaloisField field, int t)
    {
        int n = field.Order;
        bool[] used = new bool[n];
        int[] g = [1]; // coefficients in GF(2^m) during the product; they end up 0/1
        for (int i = 1; i <= 2 * t - 1; i += 2)
        {
            if (used[i % n])
            {
                continue;
            }

            int e = i % n;
            do
            {
                used[e] = true;
                int root = field.Power(e);
                int[] next = new int[g.Length + 1];
                for (int k = 0; k < g.Length; k++)
                {
                    next[k + 1] ^= g[k];
                    next[k] ^= field.Multiply(g[k], root);
                }

                g = next;
                e = (int)((2L * e) % n);
            }
            while (e != i % n);
        }

        byte[] result = new byte[g.Length];
        for (int k = 0; k < g.Length; k++)
        {
            if (g[k] > 1)
            {
                throw new InvalidOperationException("Generator polynomial has a non-binary coefficient; the field tables are inconsistent.");
            }

            result[k] = (byte)g[k];
        }

        return result;
    }
}
