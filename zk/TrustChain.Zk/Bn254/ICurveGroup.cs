namespace TrustChain.Zk.Bn254;

/// <summary>
/// What the MSM code (<see cref="BucketTree{TCurve, TAffine, TJacobian, TField}"/>,
/// <see cref="Pippenger{TCurve, TAffine, TJacobian, TField}"/>) needs of a curve group, as static members of a value
/// type: the JIT compiles the generic code once per curve with every call direct (and the small ones inlined), so the
/// loops carry no interface dispatch. Points go by <c>in</c> reference: copying 64/128-byte structs per call is what
/// made an earlier generic bucket class slower than its twins.
/// </summary>
/// <typeparam name="TAffine">Affine point; infinity is the all-zero value.</typeparam>
/// <typeparam name="TJacobian">Jacobian point.</typeparam>
/// <typeparam name="TField">The coordinate field.</typeparam>
internal interface ICurveGroup<TAffine, TJacobian, TField>
    where TAffine : unmanaged
    where TField : unmanaged
{
    static abstract TAffine AffineInfinity { get; }

    static abstract TJacobian JacobianInfinity { get; }

    static abstract bool IsInfinity(in TAffine p);

    static abstract TAffine Negate(in TAffine p);

    static abstract bool SameX(in TAffine a, in TAffine b);

    static abstract bool SameY(in TAffine a, in TAffine b);

    /// <summary>2·p in affine coordinates (p not infinity).</summary>
    static abstract TAffine DoubleAffine(in TAffine p);

    /// <summary>a.x − b.x, the denominator of the chord through a and b.</summary>
    static abstract TField XDifference(in TAffine a, in TAffine b);

    static abstract TJacobian Add(in TJacobian a, in TJacobian b);

    static abstract TJacobian AddMixed(in TJacobian a, in TAffine b);

    static abstract TJacobian Double(in TJacobian a);

    /// <summary>Whether <see cref="BatchAddNative"/> can run (the machine-code kernels are active).</summary>
    static abstract bool HasNativeBatchAdd { get; }

    /// <summary>
    /// The machine-code batched affine addition: buckets[bucket[i]] += points[i] for i &lt; n, with denominators[i] =
    /// points[i].x − buckets[bucket[i]].x nonzero and prefix as scratch (see <see cref="AdxMontgomery.G1BatchAdd"/>).
    /// </summary>
    static abstract unsafe void BatchAddNative(TAffine* buckets, int* bucket, TAffine* points, TField* denominators, TField* prefix, int n);

    // The field arithmetic of the managed batch addition, written once in BucketTree over these.
    static abstract TField One { get; }

    static abstract TField Multiply(in TField a, in TField b);

    static abstract TField Subtract(in TField a, in TField b);

    static abstract TField Square(in TField a);

    static abstract TField Inverse(in TField a);

    static abstract TField X(in TAffine p);

    static abstract TField Y(in TAffine p);

    static abstract TAffine FromCoordinates(in TField x, in TField y);
}
