using System.Runtime.CompilerServices;

namespace TrustChain.Zk.Bn254;

/// <summary>G2 (coordinates in <see cref="Fq2"/>) for the generic MSM code; every member forwards to the point types.</summary>
internal readonly struct G2Curve : ICurveGroup<G2Affine, G2Jacobian, Fq2>
{
    public static G2Affine AffineInfinity => G2Affine.Infinity;

    public static G2Jacobian JacobianInfinity => G2Jacobian.Infinity;

    public static bool HasNativeBatchAdd => AdxMontgomery.IsActive;

    public static Fq2 One => Fq2.One;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsInfinity(in G2Affine p) => p.IsInfinity;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static G2Affine Negate(in G2Affine p) => p.Negate();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SameX(in G2Affine a, in G2Affine b) => a.X == b.X;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SameY(in G2Affine a, in G2Affine b) => a.Y == b.Y;

    public static G2Affine DoubleAffine(in G2Affine p) => p.ToJacobian().Double().ToAffine();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 XDifference(in G2Affine a, in G2Affine b) => a.X - b.X;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static G2Jacobian Add(in G2Jacobian a, in G2Jacobian b) => a.Add(b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static G2Jacobian AddMixed(in G2Jacobian a, in G2Affine b) => a.AddMixed(b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static G2Jacobian Double(in G2Jacobian a) => a.Double();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void BatchAddNative(G2Affine* buckets, int* bucket, G2Affine* points, Fq2* denominators, Fq2* prefix, int n) =>
        AdxMontgomery.G2BatchAdd(buckets, bucket, points, denominators, prefix, n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 Multiply(in Fq2 a, in Fq2 b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 Subtract(in Fq2 a, in Fq2 b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 Square(in Fq2 a) => a.Square();

    public static Fq2 Inverse(in Fq2 a) => a.Inverse();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 X(in G2Affine p) => p.X;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 Y(in G2Affine p) => p.Y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static G2Affine FromCoordinates(in Fq2 x, in Fq2 y) => new(x, y);
}
