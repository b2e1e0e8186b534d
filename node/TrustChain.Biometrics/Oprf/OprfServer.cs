namespace TrustChain.Biometrics.Oprf;

/// <summary>The prover-node side: evaluates blinded elements with its key share and proves it used that share.</summary>
public sealed class OprfServer
{
    private readonly OprfKeyShare _share;

    public OprfServer(OprfKeyShare share)
    {
        _share = share ?? throw new ArgumentNullException(nameof(share));
    }

    public int MemberIndex => _share.Index;

    public OprfEvaluation Evaluate(ReadOnlySpan<byte> blindedElement)
    {
        CurvePoint.RequireValid(blindedElement, "Blinded element");
        byte[] z = CurvePoint.Multiply(blindedElement, _share.Scalar);
        DleqProof proof = DleqProof.Create(_share.Scalar, _share.PublicShare, blindedElement, z);
        return new OprfEvaluation(_share.Index, z, proof);
    }
}
