using System.Text.RegularExpressions;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Chain.Tests.Blocks;

namespace TrustChain.Chain.Tests.SystemContracts;

/// <summary>
/// The checked-in JSON ABI and Solidity interface of every installed system contract (node/…/SystemContracts/Abi)
/// must be exactly what the dispatcher's declarations generate, with gas documented per function. To regenerate
/// after changing a contract, run the tests once with TRUSTCHAIN_WRITE_ABI=1.
/// </summary>
[TestFixture]
public sealed partial class InstalledContractAbiFilesTests
{
    public static string AbiDirectory =>
        Path.Combine(Path.GetDirectoryName(ChainTestKit.RepoGenesisPath)!, "node", "TrustChain.Chain", "SystemContracts", "Abi");

    private static IEnumerable<SystemContract> Installed()
    {
        StakingState staking = new(ChainParameters.Default);
        yield return new StakingContract(staking);
        yield return new HumanRegistryContract(new HumanRegistryState(ChainParameters.Default, new HumanVerificationKeys()), staking);
        yield return new CredentialRegistryContract(new CredentialRegistryState(ChainParameters.Default, staking));
        yield return new ModelRegistryContract(new ModelRegistryState(ChainParameters.Default, staking));
    }

    private static IEnumerable<TestCaseData> Contracts() => Installed().Select(c => new TestCaseData(c).SetArgDisplayNames(c.Name));

    private static string JsonPath(SystemContract contract) => Path.Combine(AbiDirectory, contract.Name + ".json");

    private static string SolPath(SystemContract contract) => Path.Combine(AbiDirectory, contract.Name + ".sol");

    [OneTimeSetUp]
    public void WriteWhenAsked()
    {
        if (Environment.GetEnvironmentVariable("TRUSTCHAIN_WRITE_ABI") != "1")
        {
            return;
        }

        Directory.CreateDirectory(AbiDirectory);
        foreach (SystemContract contract in Installed())
        {
            File.WriteAllText(JsonPath(contract), contract.Abi.ToJson());
            File.WriteAllText(SolPath(contract), SolidityInterfaceWriter.Write(contract));
        }
    }

    [TestCaseSource(nameof(Contracts))]
    public void Checked_in_json_is_the_generated_abi(SystemContract contract) =>
        Assert.That(File.ReadAllText(JsonPath(contract)).ReplaceLineEndings("\n"), Is.EqualTo(contract.Abi.ToJson()));

    [TestCaseSource(nameof(Contracts))]
    public void Checked_in_json_parses_to_every_dispatched_function_and_event(SystemContract contract)
    {
        ContractAbi parsed = ContractAbi.FromJson(File.ReadAllText(JsonPath(contract)));
        Assert.Multiple(() =>
        {
            Assert.That(parsed.Functions.Select(f => f.Signature), Is.EquivalentTo(contract.Methods.Select(m => m.Function.Signature)));
            Assert.That(parsed.Functions.Select(f => f.Selector.Value), Is.EquivalentTo(contract.Methods.Select(m => m.Function.Selector.Value)));
            Assert.That(parsed.Events.Select(e => e.Topic0), Is.EquivalentTo(contract.Events.Select(e => e.Event.Topic0)));
        });
    }

    [TestCaseSource(nameof(Contracts))]
    public void Checked_in_solidity_interface_is_the_generated_one_with_gas_per_function(SystemContract contract)
    {
        string sol = File.ReadAllText(SolPath(contract)).ReplaceLineEndings("\n");
        string[] declared = FunctionName().Matches(sol).Select(m => m.Groups[1].Value).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(sol, Is.EqualTo(SolidityInterfaceWriter.Write(contract).ReplaceLineEndings("\n")));
            Assert.That(declared, Is.EquivalentTo(contract.Methods.Select(m => m.Function.Name)));
            Assert.That(Regex.Matches(sol, @"Gas: \d+").Count, Is.EqualTo(contract.Methods.Count));
            Assert.That(sol, Does.Contain("interface I" + contract.Name));
        });
    }

    [GeneratedRegex(@"function (\w+)\(")]
    private static partial Regex FunctionName();
}
