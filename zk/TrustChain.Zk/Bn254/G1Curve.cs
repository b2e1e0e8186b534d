using System.Runtime.CompilerServices;

namespace TrustChain.Zk.Bn254;

/// <summary>G1 (coordinates in <see cref="Fq"/>) for the generic MSM code; every member forwards to the point types.</summary>
internal readonly struct G1Curve : ICurveGroup<G1Affine, G1Jacobian, Fq>
{
    public static G1Affine AffineInfinity => G1Affine.Infinity;

    public static G1Jacobian JacobianInfinity => G1Jacobian.Infinity;

    public static bool HasNativeBatchAdd => AdxMontgomery.IsActive;

    public static Fq One => Fq.One;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsInfinity(in G1Affine p) => p.IsInfinity;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static G1Affine Negate(in G1Affine p) => p.Negate();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SameX(in G1Affine a, in G1Affine b) => a.X == b.X;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SameY(in G1Affine a, in G1Affine b) => a.Y == b.Y;

    public static G1Affine DoubleAffine(in G1Affine p) => p.ToJacobian().Double().ToAffine();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq XDifference(in G1Affine a, in G1Affine b) => a.X - b.X;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static G1Jacobian Add(in G1Jacobian a, in G1Jacobian b) => a.Add(b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static G1Jacobian AddMixed(in G1Jacobian a, in G1Affine b) => a.AddMixed(b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static G1Jacobian Double(in G1Jacobian a) => a.Double();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void BatchAddNative(G1Affine* buckets, int* bucket, G1Affine* points, Fq* denominators, Fq* prefix, int n) =>
        AdxMontgomery.G1BatchAdd(buckets, bucket, points, denominators, prefix, n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq Multiply(in Fq a, in Fq b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq Subtract(in Fq a, in Fq b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq Square(in Fq a) => a.Square();

    public static Fq Inverse(in Fq a) => a.Inverse();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq X(in G1Affine p) => p.X;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq Y(in G1Affine p) => p.Y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static G1Affine FromCoordinates(in Fq x, in Fq y) => new(x, y);
}
