using System.Text.RegularExpressions;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Chain.Tests.Blocks;

namespace TrustChain.Chain.Tests.SystemContracts.Credentials;

/// <summary>
/// The checked-in CredentialRegistry.json / .sol must be what the dispatcher's declarations generate. To regenerate
/// after changing the contract, run the tests once with TRUSTCHAIN_WRITE_ABI=1.
/// </summary>
[TestFixture]
public sealed partial class CredentialAbiFileTests
{
    private static readonly CredentialRegistryContract Contract =
        new(new CredentialRegistryState(ChainParameters.Default, new StakingState(ChainParameters.Default)));

    private static string AbiDirectory =>
        Path.Combine(Path.GetDirectoryName(ChainTestKit.RepoGenesisPath)!, "node", "TrustChain.Chain", "SystemContracts", "Abi");

    private static string JsonPath => Path.Combine(AbiDirectory, "CredentialRegistry.json");

    private static string SolPath => Path.Combine(AbiDirectory, "CredentialRegistry.sol");

    [OneTimeSetUp]
    public void WriteWhenAsked()
    {
        if (Environment.GetEnvironmentVariable("TRUSTCHAIN_WRITE_ABI") == "1")
        {
            Directory.CreateDirectory(AbiDirectory);
            File.WriteAllText(JsonPath, Contract.Abi.ToJson());
            File.WriteAllText(SolPath, SolidityInterfaceWriter.Write(Contract));
        }
    }

    [Test]
    public void Checked_in_json_is_the_generated_abi() =>
        Assert.That(File.ReadAllText(JsonPath).ReplaceLineEndings("\n"), Is.EqualTo(Contract.Abi.ToJson()));

    [Test]
    public void Checked_in_json_parses_to_every_dispatched_function_and_event()
    {
        ContractAbi parsed = ContractAbi.FromJson(File.ReadAllText(JsonPath));
        Assert.Multiple(() =>
        {
            Assert.That(parsed.Functions.Select(f => f.Signature), Is.EquivalentTo(Contract.Methods.Select(m => m.Function.Signature)));
            Assert.That(parsed.Functions.Select(f => f.Selector.Value), Is.EquivalentTo(Contract.Methods.Select(m => m.Function.Selector.Value)));
            Assert.That(parsed.Events.Select(e => e.Topic0), Is.EquivalentTo(Contract.Events.Select(e => e.Event.Topic0)));
        });
    }

    [Test]
    public void Checked_in_solidity_interface_is_the_generated_one() =>
        Assert.That(File.ReadAllText(SolPath).ReplaceLineEndings("\n"), Is.EqualTo(SolidityInterfaceWriter.Write(Contract).ReplaceLineEndings("\n")));

    [Test]
    public void Solidity_interface_declares_every_function_with_its_gas()
    {
        string sol = File.ReadAllText(SolPath);
        string[] declared = FunctionName().Matches(sol).Select(m => m.Groups[1].Value).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(declared, Is.EquivalentTo(Contract.Methods.Select(m => m.Function.Name)));
            Assert.That(Regex.Matches(sol, @"Gas: \d+").Count, Is.EqualTo(Contract.Methods.Count));
            Assert.That(sol, Does.Contain("interface ICredentialRegistry"));
            Assert.That(sol, Does.Contain("function issueMany(Request[] calldata requests) external returns (bytes32[] memory uids);"));
        });
    }

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

    [GeneratedRegex(@"function (\w+)\(")]
    private static partial Regex FunctionName();
}
