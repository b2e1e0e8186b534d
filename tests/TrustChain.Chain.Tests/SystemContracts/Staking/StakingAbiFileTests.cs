using System.Text.RegularExpressions;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Chain.Tests.Blocks;

namespace TrustChain.Chain.Tests.SystemContracts.Staking;

/// <summary>
/// The checked-in Staking.json / Staking.sol must be what the dispatcher's declarations generate. To regenerate after
/// changing the contract, run the tests once with TRUSTCHAIN_WRITE_ABI=1.
/// </summary>
[TestFixture]
public sealed partial class StakingAbiFileTests
{
    private static readonly StakingContract Contract = new(new StakingState(ChainParameters.Default));

    private static string AbiDirectory =>
        Path.Combine(Path.GetDirectoryName(ChainTestKit.RepoGenesisPath)!, "node", "TrustChain.Chain", "SystemContracts", "Abi");

    private static string JsonPath => Path.Combine(AbiDirectory, "Staking.json");

    private static string SolPath => Path.Combine(AbiDirectory, "Staking.sol");

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
    public void Checked_in_json_is_the_generated_abi()
    {
        Assert.That(File.ReadAllText(JsonPath).ReplaceLineEndings("\n"), Is.EqualTo(Contract.Abi.ToJson()));
    }

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
    public void Checked_in_solidity_interface_is_the_generated_one()
    {
        Assert.That(File.ReadAllText(SolPath).ReplaceLineEndings("\n"), Is.EqualTo(SolidityInterfaceWriter.Write(Contract).ReplaceLineEndings("\n")));
    }

    [Test]
    public void Solidity_interface_declares_every_function_with_its_gas()
    {
        string sol = File.ReadAllText(SolPath);
        string[] declared = FunctionName().Matches(sol).Select(m => m.Groups[1].Value).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(declared, Is.EquivalentTo(Contract.Methods.Select(m => m.Function.Name)));
            Assert.That(Regex.Matches(sol, @"Gas: \d+").Count, Is.EqualTo(Contract.Methods.Count));
            Assert.That(sol, Does.Contain("interface IStaking"));
        });
    }

    // Selectors computed with ethers v6: ethers.id(signature).slice(0, 10).
    [TestCase("stake(uint8)", "0x604f2177")]
    [TestCase("stakeValidator(bytes)", "0xd31ba7ea")]
    [TestCase("unstake(uint8,uint256)", "0xb4545b9e")]
    [TestCase("withdraw()", "0x3ccfd60b")]
    [TestCase("claimRewards()", "0x372500ab")]
    [TestCase("isActive(address,uint8)", "0x4390ea70")]
    [TestCase("members(uint8,uint256,uint256)", "0x837552f1")]
    public void Selectors_match_ethers(string signature, string selector) =>
        Assert.That(Contract.Abi.GetFunction(signature).Selector.ToString(), Is.EqualTo(selector));

    [Test]
    public void Staked_topic_matches_ethers() =>
        Assert.That(StakingEvents.Staked.Topic0.ToString()[..10], Is.EqualTo("0x0a797727"));

    [GeneratedRegex(@"function (\w+)\(")]
    private static partial Regex FunctionName();
}
