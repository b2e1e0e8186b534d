using TrustChain.Chain.Abi;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Chain.Tests.Blocks;

namespace TrustChain.Chain.Tests.SystemContracts.Credentials;

/// <summary>
/// CredentialRegistry's selectors and topics against values computed by ethers; the checked-in ABI files themselves are checked
/// by <see cref="InstalledContractAbiFilesTests"/>.
/// </summary>
[TestFixture]
public sealed class CredentialAbiFileTests
{
    private static readonly CredentialRegistryContract Contract =
        new(new CredentialRegistryState(ChainParameters.Default, new StakingState(ChainParameters.Default)));

    [Test]
    public void Contract_sits_at_0x1002() =>
        Assert.That(Contract.Address.ToString(), Is.EqualTo("0x0000000000000000000000000000000000001002"));

    // Selectors computed with ethers v6: ethers.id(signature).slice(0, 10).
    [TestCase("registerSchema(string,bool)", "0x3fdfedbf")]
    [TestCase("issue(bytes32,address,bytes32,uint64,bytes32,bytes32)", "0x3493ee98")]
    [TestCase("issueMany((bytes32,address,bytes32,uint64,bytes32,bytes32)[])", "0x98ea4e2c")]
    [TestCase("revoke(bytes32)", "0xb75c7dc6")]
    [TestCase("revokeMany(bytes32[])", "0xf95abea7")]
    [TestCase("verifyCredential(bytes32,address)", "0xd8c0941b")]
    [TestCase("getCredential(bytes32)", "0xd1be4883")]
    [TestCase("isValid(bytes32)", "0x6a938567")]
    [TestCase("proposeIssuerSlash(address,uint16,bytes32)", "0x310c6fa4")]
    [TestCase("voteIssuerSlash(uint256)", "0x96264815")]
    public void Selectors_match_ethers(string signature, string selector) =>
        Assert.That(Contract.Abi.GetFunction(signature).Selector.ToString(), Is.EqualTo(selector));

    // ethers.id(event signature).
    [TestCase(CredentialEvents.CredentialVerifiedDeclaration, "0xe8f94039b80d0d75ea9710e77004b009e0926c3b42de55762b30a18db09a30dc")]
    [TestCase(CredentialEvents.CredentialIssuedDeclaration, "0x3da2f0b552f640101b0164980a4d695ccb1f31f1ea884f5ca45680fa12be8e7f")]
    public void Event_topics_match_ethers(string declaration, string topic) =>
        Assert.That(AbiEvent.Parse(declaration).Topic0.ToString(), Is.EqualTo(topic));
}
