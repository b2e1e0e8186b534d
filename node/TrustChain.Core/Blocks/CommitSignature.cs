namespace TrustChain.Core.Blocks;

/// <summary>A validator's precommit signature: r(32) || s(32) || recoveryId(1).</summary>
public sealed record CommitSignature
{
    public const int SignatureLength = 65;

    public CommitSignature(Address validatorAddress, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Length != SignatureLength)
        {
            throw new ArgumentException($"Commit signature must be {SignatureLength} bytes, got {signature.Length}.", nameof(signature));
        }

        ValidatorAddress = validatorAddress;
        Signature = signature;
    }

    public Address ValidatorAddress { get; }

    public byte[] Signature { get; }
}
