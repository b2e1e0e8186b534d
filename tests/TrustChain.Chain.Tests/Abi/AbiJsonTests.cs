using TrustChain.Chain.Abi;

namespace TrustChain.Chain.Tests.Abi;

[TestFixture]
public sealed class AbiJsonTests
{
    // As solc emits it (internalType included, which we ignore), with a legacy "constant" entry and a constructor.
    private const string SolcJson = """
        [
          {"inputs":[{"internalType":"uint256","name":"x","type":"uint256"}],"stateMutability":"nonpayable","type":"constructor"},
          {"anonymous":false,"inputs":[{"indexed":true,"internalType":"address","name":"from","type":"address"},
            {"indexed":false,"internalType":"struct S[]","name":"s","type":"tuple[]","components":[
              {"internalType":"uint256","name":"a","type":"uint256"},{"internalType":"bytes32[2]","name":"b","type":"bytes32[2]"}]}],
           "name":"Did","type":"event"},
          {"inputs":[{"components":[{"name":"a","type":"uint256"},{"name":"b","type":"bytes32[2]"}],"name":"s","type":"tuple"}],
           "name":"take","outputs":[{"name":"","type":"bool"}],"stateMutability":"payable","type":"function"},
          {"constant":true,"inputs":[],"name":"old","outputs":[{"name":"","type":"uint256"}],"payable":false,"type":"function"},
          {"inputs":[{"name":"who","type":"address"}],"name":"Denied","type":"error"}
        ]
        """;

    [Test]
    public void Reads_solc_output_including_tuples_and_legacy_flags()
    {
        ContractAbi abi = ContractAbi.FromJson(SolcJson);
        Assert.Multiple(() =>
        {
            Assert.That(abi.Functions.Select(f => f.Signature), Is.EqualTo(new[] { "take((uint256,bytes32[2]))", "old()" }));
            Assert.That(abi.GetFunction("take").StateMutability, Is.EqualTo(StateMutability.Payable));
            Assert.That(abi.GetFunction("old").StateMutability, Is.EqualTo(StateMutability.View));
            Assert.That(abi.GetEvent("Did").Signature, Is.EqualTo("Did(address,(uint256,bytes32[2])[])"));
            Assert.That(abi.GetEvent("Did").Inputs[0].Indexed, Is.True);
            Assert.That(abi.Errors.Single().Signature, Is.EqualTo("Denied(address)"));
        });
    }

    [Test]
    public void Write_then_read_is_the_identity_and_the_text_is_stable()
    {
        ContractAbi abi = ContractAbi.FromJson(SolcJson);
        string json = abi.ToJson();
        ContractAbi again = ContractAbi.FromJson(json);
        Assert.Multiple(() =>
        {
            Assert.That(again.ToJson(), Is.EqualTo(json));
            Assert.That(json, Does.Contain("\"type\": \"tuple[]\"").And.Contain("\"components\""));
            Assert.That(again.Functions.Select(f => f.Selector), Is.EquivalentTo(abi.Functions.Select(f => f.Selector)));
            Assert.That(again.Events.Single().Topic0, Is.EqualTo(abi.Events.Single().Topic0));
            Assert.That(again.GetEvent("Did").Inputs[1].Components.Select(c => c.Name), Is.EqualTo(new[] { "a", "b" }));
        });
    }

    [TestCase("{}", "must be an array")]
    [TestCase("[{\"type\":\"function\"}]", "lacks 'name'")]
    [TestCase("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"type\":\"uint7\"}]}]", "uint7")]
    [TestCase("[{\"type\":\"function\",\"name\":\"f\",\"stateMutability\":\"cheap\"}]", "cheap")]
    [TestCase("[{\"type\":\"wat\"}]", "unknown JSON ABI entry")]
    [TestCase("[{\"type\":\"function\",\"name\":\"f\"},{\"type\":\"function\",\"name\":\"f\"}]", "duplicate function")]
    [TestCase("not json", "invalid JSON ABI")]
    public void Malformed_json_abi_is_rejected(string json, string reason) =>
        Assert.That(() => ContractAbi.FromJson(json), Throws.TypeOf<AbiException>().With.Message.Contains(reason));
}
