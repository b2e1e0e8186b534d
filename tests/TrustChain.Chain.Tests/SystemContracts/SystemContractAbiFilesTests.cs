using TrustChain.Chain.Abi;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.Tests.Abi;

namespace TrustChain.Chain.Tests.SystemContracts;

/// <summary>
/// The checked-in JSON ABI and Solidity interface of every system contract must equal what its declarations generate.
/// Contract authors add their contract to <see cref="Contracts"/>; with TRUSTCHAIN_WRITE_ABI=1 the test (re)writes the
/// files instead of comparing them.
/// </summary>
[TestFixture]
public sealed class SystemContractAbiFilesTests
{
    private static string NodeAbiDirectory => Path.Combine(AbiTestValues.RepoRoot, "node", "TrustChain.Chain", "SystemContracts", "Abi");

    private static string TestAbiDirectory => Path.Combine(AbiTestValues.RepoRoot, "tests", "TrustChain.Chain.Tests", "SystemContracts", "Abi");

    private static IEnumerable<TestCaseData> Contracts()
    {
        yield return new TestCaseData(new ExampleRegistry(), TestAbiDirectory).SetArgDisplayNames("ExampleRegistry");
    }

    [TestCaseSource(nameof(Contracts))]
    public void Checked_in_json_abi_equals_the_generated_one(SystemContract contract, string directory)
    {
        string path = Path.Combine(directory, contract.Name + ".json");
        string generated = contract.Abi.ToJson();
        if (Environment.GetEnvironmentVariable("TRUSTCHAIN_WRITE_ABI") == "1")
        {
            File.WriteAllText(path, generated);
        }

        Assert.That(File.Exists(path), Is.True, path + " is missing; run the tests with TRUSTCHAIN_WRITE_ABI=1 to create it");
        Assert.That(File.ReadAllText(path).ReplaceLineEndings("\n"), Is.EqualTo(generated), path + " drifted from the declarations");
        ContractAbi parsed = ContractAbi.FromJson(File.ReadAllText(path));
        Assert.That(parsed.Functions.Select(f => f.Selector), Is.EquivalentTo(contract.Methods.Select(m => m.Function.Selector)),
            "every ABI function is dispatched and every dispatched function is in the ABI");
    }

    [TestCaseSource(nameof(Contracts))]
    public void Checked_in_solidity_interface_declares_exactly_the_dispatched_functions_and_events(SystemContract contract, string directory)
    {
        string path = Path.Combine(directory, contract.Name + ".sol");
        if (Environment.GetEnvironmentVariable("TRUSTCHAIN_WRITE_ABI") == "1")
        {
            File.WriteAllText(path, SolidityInterfaceWriter.Write(contract));
        }

        Assert.That(File.Exists(path), Is.True, path + " is missing; run the tests with TRUSTCHAIN_WRITE_ABI=1 to create it");
        (List<string> functions, List<string> events) = SolidityInterfaceParser.Parse(File.ReadAllText(path));
        Assert.Multiple(() =>
        {
            Assert.That(functions, Is.EquivalentTo(contract.Methods.Select(m => m.Function.Signature)));
            Assert.That(events, Is.EquivalentTo(contract.Events.Select(e => e.Event.Signature)));
            Assert.That(SolidityInterfaceParser.Parse(SolidityInterfaceWriter.Write(contract)).Functions, Is.EquivalentTo(functions));
        });
    }

    private static IEnumerable<TestCaseData> NodeAbiFiles() =>
        (Directory.Exists(NodeAbiDirectory) ? Directory.GetFiles(NodeAbiDirectory, "*.json") : [])
        .Order(StringComparer.Ordinal)
        .Select(f => new TestCaseData(f).SetArgDisplayNames(Path.GetFileName(f)));

    // Whatever contract owns them, a checked-in JSON ABI and its Solidity interface must declare the same signatures.
    [TestCaseSource(nameof(NodeAbiFiles))]
    public void Checked_in_node_json_abi_and_solidity_interface_agree(string jsonPath)
    {
        ContractAbi abi = ContractAbi.FromJson(File.ReadAllText(jsonPath));
        string solPath = Path.ChangeExtension(jsonPath, ".sol");
        Assert.That(File.Exists(solPath), Is.True, solPath + " is missing");
        (List<string> functions, List<string> events) = SolidityInterfaceParser.Parse(File.ReadAllText(solPath));
        Assert.Multiple(() =>
        {
            Assert.That(functions, Is.EquivalentTo(abi.Functions.Select(f => f.Signature)));
            Assert.That(events, Is.EquivalentTo(abi.Events.Select(e => e.Signature)));
        });
    }

    [Test]
    public void Dispatcher_and_abi_agree_for_the_example()
    {
        ExampleRegistry contract = new();
        Assert.Multiple(() =>
        {
            Assert.That(contract.Abi.Functions, Has.Count.EqualTo(contract.Methods.Count));
            Assert.That(contract.Abi.GetFunction("register").StateMutability, Is.EqualTo(StateMutability.Payable));
            Assert.That(contract.Abi.GetFunction("get").Outputs[0].Components.Select(c => c.Name), Is.EqualTo(new[] { "owner", "name", "paid" }));
            Assert.That(contract.Abi.Events.Select(e => e.Name), Is.EquivalentTo(new[] { "Registered", "Moved", "Labelled" }));
        });
    }

    [Test]
    public void Addresses_and_code_marker()
    {
        ExampleRegistry contract = new();
        Assert.Multiple(() =>
        {
            Assert.That(SystemContractAddresses.Staking.ToString(), Is.EqualTo("0x0000000000000000000000000000000000001000"));
            Assert.That(SystemContractAddresses.HumanRegistry.ToString(), Is.EqualTo("0x0000000000000000000000000000000000001001"));
            Assert.That(SystemContractAddresses.CredentialRegistry.ToString(), Is.EqualTo("0x0000000000000000000000000000000000001002"));
            Assert.That(SystemContractAddresses.ModelRegistry.ToString(), Is.EqualTo("0x0000000000000000000000000000000000001003"));
            Assert.That(contract.Code, Is.EqualTo(new byte[] { 0x60, 0x00, 0x60, 0x00, 0xfd }));
        });
    }
}
