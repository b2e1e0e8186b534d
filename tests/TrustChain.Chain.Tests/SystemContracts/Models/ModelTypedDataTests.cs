using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.Tests.SystemContracts.Models;

[TestFixture]
public sealed class ModelTypedDataTests
{
    private const ulong ChainId = 7357;
    private static readonly Address Registry = SystemContractAddresses.ModelRegistry;
    private static readonly Hash256 Key = Keccak256.Compute("key"u8);
    private static readonly Hash256 Response = Keccak256.Compute("response"u8);

    [Test]
    public void Digests_match_ethers_TypedDataEncoder()
    {
        Address host = Address.Parse(InteropVectors.HostAddress);
        Assert.Multiple(() =>
        {
            Assert.That(ModelTypedData.DomainSeparator(ChainId, Registry), Is.EqualTo(Hash256.Parse(InteropVectors.DomainSeparator)));
            Assert.That(ModelTypedData.UsageDigest(ChainId, Registry, 1, host, 60), Is.EqualTo(Hash256.Parse(InteropVectors.UsageDigest)));
            Assert.That(ModelTypedData.ResponseDigest(ChainId, Registry, 2, Key, Response), Is.EqualTo(Hash256.Parse(InteropVectors.ResponseDigest)));
        });
    }

    [Test]
    public void Signatures_equal_ethers_signTypedData_and_recover()
    {
        Hash256 digest = Hash256.Parse(InteropVectors.UsageDigest);
        byte[] ours = ModelTypedData.Sign(ModelHarness.User, digest);
        Assert.That(Hex.ToHexString(ours), Is.EqualTo(InteropVectors.UsageSignature), "RFC 6979 signing is deterministic, so ethers and we agree");
        Assert.That(ModelTypedData.TryRecover(Hash256.Parse(InteropVectors.ResponseDigest), Hex.FromHexString(InteropVectors.ResponseSignature),
            out Address signer, out string? error), Is.True, error);
        Assert.That(signer, Is.EqualTo(Address.Parse(InteropVectors.HostAddress)));
    }

    [Test]
    public void Digest_changes_with_every_bound_field()
    {
        Address host = ModelHarness.Host.Address;
        Hash256 baseline = ModelTypedData.UsageDigest(ChainId, Registry, 1, host, 60);
        Assert.Multiple(() =>
        {
            Assert.That(ModelTypedData.UsageDigest(ChainId + 1, Registry, 1, host, 60), Is.Not.EqualTo(baseline));
            Assert.That(ModelTypedData.UsageDigest(ChainId, SystemContractAddresses.Staking, 1, host, 60), Is.Not.EqualTo(baseline));
            Assert.That(ModelTypedData.UsageDigest(ChainId, Registry, 2, host, 60), Is.Not.EqualTo(baseline));
            Assert.That(ModelTypedData.UsageDigest(ChainId, Registry, 1, ModelHarness.Rogue.Address, 60), Is.Not.EqualTo(baseline));
            Assert.That(ModelTypedData.UsageDigest(ChainId, Registry, 1, host, 61), Is.Not.EqualTo(baseline));
        });
    }

    private static IEnumerable<TestCaseData> BadSignatures()
    {
        byte[] good = Hex.FromHexString(InteropVectors.UsageSignature);
        byte[] badV = (byte[])good.Clone();
        badV[64] = 29;
        // s' = n − s is the same signature's malleable twin (high s).
        UInt256 s = new(good.AsSpan(32, 32));
        byte[] highS = (byte[])good.Clone();
        (EcdsaSignature.CurveOrder - s).ToBigEndian(highS.AsSpan(32, 32));
        highS[64] = (byte)(good[64] == 27 ? 28 : 27);
        byte[] zeroR = (byte[])good.Clone();
        zeroR.AsSpan(0, 32).Clear();
        yield return new TestCaseData(good[..64], "signature must be 65 bytes (r ‖ s ‖ v), got 64").SetName("Signature_too_short");
        yield return new TestCaseData(badV, "signature v must be 27 or 28 (or 0/1), got 29").SetName("Signature_bad_v");
        yield return new TestCaseData(highS, "signature s is in the upper half of the curve order (EIP-2 requires low s)").SetName("Signature_high_s");
        yield return new TestCaseData(zeroR, "signature does not recover to a public key").SetName("Signature_zero_r");
    }

    [TestCaseSource(nameof(BadSignatures))]
    public void Bad_signatures_are_rejected_with_a_reason(byte[] signature, string reason)
    {
        Assert.That(ModelTypedData.TryRecover(Hash256.Parse(InteropVectors.UsageDigest), signature, out _, out string? error), Is.False);
        Assert.That(error, Is.EqualTo(reason));
    }

    [Test]
    public void Human_scope_matches_solidity_packed_keccak() =>
        Assert.That(ModelRegistryState.HumanScope(7), Is.EqualTo(UInt256.Parse(InteropVectors.HumanScope7)));
}
