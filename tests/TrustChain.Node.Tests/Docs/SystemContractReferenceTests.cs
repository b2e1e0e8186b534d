using TrustChain.Chain.Blocks;
using TrustChain.Chain.Execution;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts;
using TrustChain.Node.Hosting;
using TrustChain.Node.Tests.Cli;

namespace TrustChain.Node.Tests.Docs;

/// <summary>docs/system-contracts.md is exactly what the installed contracts' declarations generate.</summary>
[TestFixture]
public sealed class SystemContractReferenceTests
{
    private static IReadOnlyList<SystemContract> InstalledContracts()
    {
        ChainSpec spec = GenesisLoader.Load(RepoPaths.Genesis);
        BlockchainOptions options = NodeRunner.CreateChainOptions(spec);
        List<SystemContract> contracts = [];
        foreach (ISystemContract contract in options.SystemContracts.Contracts)
        {
            Assert.That(contract, Is.InstanceOf<SystemContract>(), $"{contract.Address} is not declared through SystemContract, so it cannot be documented from its declarations");
            contracts.Add((SystemContract)contract);
        }

        // The registry is a dictionary; the reference must not depend on its order.
        contracts.Sort(static (a, b) => string.CompareOrdinal(a.Address.ToString(), b.Address.ToString()));
        return contracts;
    }

    [Test]
    public void Every_installed_function_and_event_has_a_notice()
    {
        List<string> missing = [];
        foreach (SystemContract contract in InstalledContracts())
        {
            missing.AddRange(contract.Methods.Where(static m => string.IsNullOrWhiteSpace(m.Notice)).Select(m => $"{contract.Name}.{m.Function.Signature}"));
            missing.AddRange(contract.Events.Where(static e => string.IsNullOrWhiteSpace(e.Notice)).Select(e => $"{contract.Name} event {e.Event.Signature}"));
        }

        Assert.That(missing, Is.Empty, "declarations without a notice (the reference would have an empty cell):\n" + string.Join("\n", missing));
    }

    [Test]
    public void Reference_is_generated_from_the_installed_contracts()
    {
        IReadOnlyList<SystemContract> contracts = InstalledContracts();
        Assert.That(contracts.Select(static c => c.Address), Does.Contain(SystemContractAddresses.Staking));
        string generated = SystemContractReferenceWriter.Write(contracts);
        foreach (SystemContract contract in contracts)
        {
            foreach (SystemMethod method in contract.Methods)
            {
                Assert.That(generated, Does.Contain($"`{method.Function.Selector}`"), $"{contract.Name}.{method.Function.Signature} is missing");
            }
        }

        if (DocsFiles.Rewrite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DocsFiles.SystemContracts)!);
            File.WriteAllText(DocsFiles.SystemContracts, generated);
            return;
        }

        Assert.That(File.Exists(DocsFiles.SystemContracts), Is.True,
            $"{DocsFiles.SystemContracts} is missing: {DocsFiles.RegenerateHint(nameof(SystemContractReferenceTests))}");
        Assert.That(File.ReadAllText(DocsFiles.SystemContracts).ReplaceLineEndings("\n"), Is.EqualTo(generated),
            $"docs/system-contracts.md does not match the system-contract declarations: {DocsFiles.RegenerateHint(nameof(SystemContractReferenceTests))}");
    }
}
