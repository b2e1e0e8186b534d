namespace TrustChain.Biometrics.Oprf;

/// <summary>The public side of a t-of-n OPRF key: threshold, the key's public point k·G and each member's k_i·G.</summary>
public sealed class OprfCommittee
{
    private readonly Dictionary<int, OprfCommitteeMember> _byIndex;

    public OprfCommittee(int threshold, byte[] publicKey, IReadOnlyList<OprfCommitteeMember> members)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(members);
        if (threshold < 1 || threshold > members.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"Threshold must be in [1, {members.Count}].");
        }

        CurvePoint.RequireValid(publicKey, "Committee public key");
        _byIndex = new Dictionary<int, OprfCommitteeMember>(members.Count);
        foreach (OprfCommitteeMember member in members)
        {
            if (member.Index < 1)
            {
                throw new ArgumentException($"Member index {member.Index} must be at least 1.", nameof(members));
            }

            CurvePoint.RequireValid(member.PublicShare, $"Public share of member {member.Index}");
            if (!_byIndex.TryAdd(member.Index, member))
            {
                throw new ArgumentException($"Member index {member.Index} appears twice.", nameof(members));
            }
        }

        Threshold = threshold;
        PublicKey = (byte[])publicKey.Clone();
        Members = members.ToArray();
    }

    public int Threshold { get; }

    public byte[] PublicKey { get; }

    public IReadOnlyList<OprfCommitteeMember> Members { get; }

    public bool TryGetMember(int index, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OprfCommitteeMember? member) =>
        _byIndex.TryGetValue(index, out member);
}
