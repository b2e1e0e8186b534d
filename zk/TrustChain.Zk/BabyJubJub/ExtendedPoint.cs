using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.BabyJubJub;

/// <summary>
/// Extended twisted Edwards coordinates (X:Y:T:Z, x = X/Z, y = Y/Z, T = XY/Z) so that scalar multiplication
/// needs a single inversion. Baby Jubjub's a is a square and d a non-square, so these formulas are complete.
/// </summary>
internal readonly struct ExtendedPoint
{
    private readonly Fr _x, _y, _t, _z;

    private ExtendedPoint(Fr x, Fr y, Fr t, Fr z)
    {
        _x = x;
        _y = y;
        _t = t;
        _z = z;
    }

    public static ExtendedPoint Identity => new(Fr.Zero, Fr.One, Fr.Zero, Fr.One);

    public static ExtendedPoint FromAffine(in BabyJubJubPoint p) => new(p.X, p.Y, p.X * p.Y, Fr.One);

    public BabyJubJubPoint ToAffine()
    {
        Fr zInverse = _z.Inverse();
        return new BabyJubJubPoint(_x * zInverse, _y * zInverse);
    }

    // add-2008-hwcd
    public ExtendedPoint Add(in ExtendedPoint q)
    {
        Fr a = _x * q._x;
        Fr b = _y * q._y;
        Fr c = BabyJubJubPoint.D * _t * q._t;
        Fr d = _z * q._z;
        Fr e = (_x + _y) * (q._x + q._y) - a - b;
        Fr f = d - c;
        Fr g = d + c;
        Fr h = b - BabyJubJubPoint.A * a;
        return new ExtendedPoint(e * f, g * h, e * h, f * g);
    }

    // dbl-2008-hwcd
    public ExtendedPoint Double()
    {
        Fr a = _x.Square();
        Fr b = _y.Square();
        Fr c = _z.Square().Double();
        Fr d = BabyJubJubPoint.A * a;
        Fr e = (_x + _y).Square() - a - b;
        Fr g = d + b;
        Fr f = g - c;
        Fr h = d - b;
        return new ExtendedPoint(e * f, g * h, e * h, f * g);
    }
}
