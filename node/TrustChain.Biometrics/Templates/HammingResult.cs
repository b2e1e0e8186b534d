namespace TrustChain.Biometrics.Templates;

/// <summary>Outcome of a masked comparison: <see cref="Differing"/> of <see cref="Compared"/> jointly valid bits differ.</summary>
public readonly record struct HammingResult(int Differing, int Compared)
{
    public double Fraction => Compared == 0
        ? throw new InvalidOperationException("The two masks have no valid bit in common; the distance is undefined.")
        : (double)Differing / Compared;
}
