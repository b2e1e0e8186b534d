namespace TrustChain.Biometrics.Study;

/// <summary>Binomial tail probabilities and the "at least one of N" rate, evaluated without cancellation for tiny p.</summary>
public static class BinomialTail
{
    /// <summary>P(X ≥ m) for X ~ Bin(k, p), summing terms in log space (k ≤ a few hundred).</summary>
    public static double AtLeast(int k, double p, int m)
    {
        if (k < 0 || m < 0 || !(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), $"Invalid binomial parameters k={k}, p={p}, m={m}.");
        }

        if (m <= 0)
        {
            return 1;
        }

        if (m > k || p == 0)
        {
            return 0;
        }

        if (p == 1)
        {
            return 1;
        }

        double logP = Math.Log(p);
        double logQ = Log1P(-p);
        double sum = 0;
        for (int j = m; j <= k; j++)
        {
            sum += Math.Exp(LogChoose(k, j) + j * logP + (k - j) * logQ);
        }

        return Math.Min(1, sum);
    }

    /// <summary>P(X &lt; m).</summary>
    public static double Below(int k, double p, int m)
    {
        if (m <= 0)
        {
            return 0;
        }

        if (m > k)
        {
            return 1;
        }

        // Summing the lower terms directly keeps precision when the answer is tiny (1 − AtLeast would cancel).
        return p is 0 or 1 ? (p == 0 ? 1 : 0) : Math.Min(1, BelowDirect(k, p, m));
    }

    /// <summary>P(X ≥ c) for X ~ Poisson(λ), summing terms in log space from c upwards until they stop mattering.</summary>
    public static double PoissonAtLeast(double lambda, int c)
    {
        if (!(lambda >= 0) || double.IsInfinity(lambda))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "The Poisson mean must be finite and non-negative.");
        }

        if (c <= 0)
        {
            return 1;
        }

        if (lambda == 0)
        {
            return 0;
        }

        double logLambda = Math.Log(lambda);
        double logTerm = -lambda;
        for (int i = 1; i <= c; i++)
        {
            logTerm += logLambda - Math.Log(i);
        }

        // Below the mode the upper tail is close to 1: take the complement of the (then small) lower sum instead.
        if (c <= lambda)
        {
            double lower = 0;
            double term = -lambda;
            for (int i = 0; i < c; i++)
            {
                lower += Math.Exp(term);
                term += logLambda - Math.Log(i + 1);
            }

            return Math.Max(0, 1 - lower);
        }

        double sum = 0;
        for (int i = c; ; i++)
        {
            double value = Math.Exp(logTerm);
            sum += value;
            if (value <= sum * 1e-17)
            {
                return Math.Min(1, sum);
            }

            logTerm += logLambda - Math.Log(i + 1);
        }
    }

    /// <summary>1 − (1 − f)^n: the chance that at least one of n independent trials with rate f fires.</summary>
    public static double AnyOf(double f, double n)
    {
        if (f <= 0 || n <= 0)
        {
            return 0;
        }

        if (f >= 1)
        {
            return 1;
        }

        double x = -n * Log1P(-f);
        return x < 1e-8 ? x : -ExpM1(-x);
    }

    private static double BelowDirect(int k, double p, int m)
    {
        double logP = Math.Log(p);
        double logQ = Log1P(-p);
        double sum = 0;
        for (int j = 0; j < m; j++)
        {
            sum += Math.Exp(LogChoose(k, j) + j * logP + (k - j) * logQ);
        }

        return sum;
    }

    /// <summary>ln(1 + x) accurate for tiny x (Goldberg's trick: the rounding error of 1 + x cancels).</summary>
    public static double Log1P(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>e^x − 1 accurate for tiny x (Kahan's trick).</summary>
    public static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1)
        {
            return x;
        }

        double um1 = u - 1;
        return um1 == -1 ? -1 : um1 * x / Math.Log(u);
    }

    private static double LogChoose(int n, int r)
    {
        double s = 0;
        for (int i = 1; i <= r; i++)
        {
            s += Math.Log(n - r + i) - Math.Log(i);
        }

        return s;
    }
}
