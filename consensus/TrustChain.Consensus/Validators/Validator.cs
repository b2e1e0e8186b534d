using TrustChain.Core;

namespace TrustChain.Consensus.Validators;

/// <summary>
/// A member of a validator set. <see cref="ProposerPriority"/> is mutable state of the weighted round-robin and is
/// deliberately excluded from <see cref="ValidatorSet.Hash"/>.
/// </summary>
public sealed class Validator
{
    public Validator(Address address, byte[] publicKey, long votingPower, long proposerPriority = 0)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (publicKey.Length is not (33 or 64))
        {
            throw new ArgumentException($"Validator public key must be 33 (compressed) or 64 bytes, got {publicKey.Length}.", nameof(publicKey));
        }

        if (votingPower <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(votingPower), votingPower, "Voting power must be positive.");
        }

        Address = address;
        PublicKey = publicKey;
        VotingPower = votingPower;
        ProposerPriority = proposerPriority;
    }

    public Address Address { get; }

    public byte[] PublicKey { get; }

    public long VotingPower { get; }

    public long ProposerPriority { get; internal set; }

    public Validator Copy() => new(Address, PublicKey, VotingPower, ProposerPriority);

    public override string ToString() => $"{Address} power={VotingPower} priority={ProposerPriority}";
}
