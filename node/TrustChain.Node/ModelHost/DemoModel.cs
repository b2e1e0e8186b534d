using TrustChain.Chain.SystemContracts.Models.Fingerprints;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Node.ModelHost;

/// <summary>
/// The built-in deterministic model for tests and demos: a 32-byte query that is one of its fingerprint keys gets
/// that fingerprint's response (so it "answers its registered fingerprints"); any other input gets
/// keccak256("TrustChain demo model" ‖ input). Loading another owner's fingerprint file makes a faithful copy.
/// </summary>
public sealed class DemoModel : IModelBackend
{
    private static readonly byte[] Tag = "TrustChain demo model"u8.ToArray();

    private readonly FingerprintSet? _fingerprints;

    public DemoModel(FingerprintSet? fingerprints)
    {
        _fingerprints = fingerprints;
    }

    public string Name => _fingerprints is null ? "demo model" : $"demo model with {_fingerprints.Count} fingerprints";

    public byte[] Invoke(ReadOnlySpan<byte> input)
    {
        if (_fingerprints is not null && input.Length == Hash256.Length)
        {
            int index = _fingerprints.IndexOf(new Hash256(input));
            if (index >= 0)
            {
                return _fingerprints[index].Response.ToArray();
            }
        }

        byte[] preimage = new byte[Tag.Length + input.Length];
        Tag.CopyTo(preimage, 0);
        input.CopyTo(preimage.AsSpan(Tag.Length));
        return Keccak256.Compute(preimage).ToArray();
    }
}
