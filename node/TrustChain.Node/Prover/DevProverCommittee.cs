using System.Text;
using TrustChain.Biometrics.Oprf;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.Dev;

namespace TrustChain.Node.Prover;

/// <summary>
/// DEV-ONLY: the 2-of-3 OPRF committee of the bundled dev genesis. Its polynomial is derived from public labels, so
/// everyone can compute every share (like the dev accounts' keys): it makes `palm enroll` work on a dev chain out of
/// the box and protects nothing. Members 1..3 are served by dev accounts 5, 6 and 7.
/// </summary>
public static class DevProverCommittee
{
    public const int Threshold = 2;

    public const int Members = 3;

    public const int FirstDevAccount = 5;

    private static readonly Lazy<OprfDealing> LazyDealing = new(Deal);

    public static OprfDealing Dealing => LazyDealing.Value;

    public static Address ProverAddress(int member) => DevAccounts.Get(FirstDevAccount + member - 1).Address;

    public static OprfKeyShare Share(int member) =>
        member is >= 1 and <= Members
            ? Dealing.Shares[member - 1]
            : throw new ArgumentOutOfRangeException(nameof(member), member, $"The dev committee has members 1..{Members}.");

    public static bool IsDevCommittee(ProverCommittee committee)
    {
        ArgumentNullException.ThrowIfNull(committee);
        return committee.Oprf.PublicKey.AsSpan().SequenceEqual(Dealing.Committee.PublicKey);
    }

    /// <summary>The committee as genesis.json's proverCommittee section carries it.</summary>
    public static ProverCommittee Committee() =>
        ProverCommittee.FromDealing(Dealing, Enumerable.Range(1, Members).Select(ProverAddress).ToArray());

    private static OprfDealing Deal()
    {
        var coefficients = new byte[Threshold][];
        for (int i = 0; i < Threshold; i++)
        {
            coefficients[i] = Keccak256.Compute(Encoding.ASCII.GetBytes($"TrustChain/DEV-ONLY/prover-committee/coefficient/{i}")).Bytes.ToArray();
        }

        return ShamirDealer.DealPolynomial(Members, coefficients);
    }
}
