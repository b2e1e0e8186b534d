using System.Text.RegularExpressions;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Chain.Tests.Blocks;

namespace TrustChain.Chain.Tests.SystemContracts.HumanRegistry;

/// <summary>
/// The checked-in HumanRegistry.json / .sol must be what the dispatcher's declarations generate. To regenerate after
/// changing the contract, run the tests once with TRUSTCHAIN_WRITE_ABI=1.
/// </summary>
[TestFixture]
public sealed partial class HumanRegistryAbiFileTests
{
    private static readonly HumanRegistryContract Contract = new(
        new HumanRegistryState(ChainParameters.Default, new HumanVerificationKeys()), new StakingState(ChainParameters.Default));

    public static string AbiDirectory =>
        Path.Combine(Path.GetDirectoryName(ChainTestKit.RepoGenesisPath)!, "node", "TrustChain.Chain", "SystemContracts", "Abi");

    public static string JsonPath => Path.Combine(AbiDirectory, "HumanRegistry.json");

    private static string SolPath => Path.Combine(AbiDirectory, "HumanRegistry.sol");

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
    public void Checked_in_solidity_interface_is_the_generated_one_with_gas_per_function()
    {
        string sol = File.ReadAllText(SolPath).ReplaceLineEndings("\n");
        string[] declared = FunctionName().Matches(sol).Select(m => m.Groups[1].Value).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(sol, Is.EqualTo(SolidityInterfaceWriter.Write(Contract).ReplaceLineEndings("\n")));
            Assert.That(declared, Is.EquivalentTo(Contract.Methods.Select(m => m.Function.Name)));
            Assert.That(Regex.Matches(sol, @"Gas: \d+").Count, Is.EqualTo(Contract.Methods.Count));
            Assert.That(sol, Does.Contain("interface IHumanRegistry"));
        });
    }

    // keccak256 of the signatures, computed with ethers v6 (ethers.id(signature).slice(0, 10)).
    [TestCase("enroll(uint256,bytes32[])", "0xc47c4982")]
    [TestCase("verifyHuman(uint256,uint256,uint256,uint256,uint256,uint256[8],address)", "0x88e7b709")]
    [TestCase("deleteIdentity(uint256,uint256[2],uint256[3])", "0xba1dd252")]
    [TestCase("isValidHumanProof(uint256,uint256,uint256,uint256,uint256,uint256[8])", "0x7e9d1147")]
    public void Selectors_match_ethers(string signature, string selector) =>
        Assert.That(Contract.Abi.GetFunction(signature).Selector.ToString(), Is.EqualTo(selector));

    [Test]
    public void HumanEnrolled_topic_matches_ethers() =>
        Assert.That(HumanRegistryEvents.HumanEnrolled.Topic0.ToString()[..10], Is.EqualTo("0x860891e8"));

    [GeneratedRegex(@"function (\w+)\(")]
    private static partial Regex FunctionName();
}
