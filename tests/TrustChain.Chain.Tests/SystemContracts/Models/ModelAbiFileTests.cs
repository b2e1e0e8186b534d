using System.Text.RegularExpressions;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Chain.Tests.Blocks;

namespace TrustChain.Chain.Tests.SystemContracts.Models;

/// <summary>
/// The checked-in ModelRegistry.json / ModelRegistry.sol must be what the dispatcher's declarations generate. To
/// regenerate after changing the contract, run the tests once with TRUSTCHAIN_WRITE_ABI=1.
/// </summary>
[TestFixture]
public sealed partial class ModelAbiFileTests
{
    private static readonly ModelRegistryContract Contract = new(new ModelRegistryState(ChainParameters.Default, new StakingState(ChainParameters.Default)));

    private static string AbiDirectory =>
        Path.Combine(Path.GetDirectoryName(ChainTestKit.RepoGenesisPath)!, "node", "TrustChain.Chain", "SystemContracts", "Abi");

    private static string JsonPath => Path.Combine(AbiDirectory, "ModelRegistry.json");

    private static string SolPath => Path.Combine(AbiDirectory, "ModelRegistry.sol");

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
            Assert.That(sol, Does.Contain("interface IModelRegistry"));
            Assert.That(sol, Does.Contain("struct Model {"));
        });
    }

    // Selectors computed with ethers v6: ethers.id(signature).slice(0, 10).
    [TestCase("registerModel(bytes32,bytes32,uint32,string,uint256,address[],uint16[],uint16,uint16,bool)", "0x54cfbb83")]
    [TestCase("buyAccess(uint256,uint64)", "0xcc3fa3db")]
    [TestCase("settle(uint256,address,uint64,bytes)", "0xd258a822")]
    [TestCase("reportUnauthorizedHost(uint256,address,bytes32,bytes32,bytes32[],bytes)", "0x3c5dae56")]
    [TestCase("challengeModel(uint256,uint256,bytes32[],bytes32[],bytes32[][],bytes[])", "0x2b9bee1b")]
    public void Selectors_match_ethers(string signature, string selector) =>
        Assert.That(Contract.Abi.GetFunction(signature).Selector.ToString(), Is.EqualTo(selector));

    [GeneratedRegex(@"function (\w+)\(")]
    private static partial Regex FunctionName();
}
