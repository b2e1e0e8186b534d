using TrustChain.Node.Tests.Credentials;
using TrustChain.Node.Tests.Crash;

namespace TrustChain.Node.Tests.Human;

/// <summary>
/// The Human ID trip of issue 4 driven only by ethers.js `new Contract(...)` with the repo's JSON ABI against a real
/// `trustchain run --dev` (tests/interop/registries/human.mjs): stake, enrol, trust_getMerkleProof → @semaphore-protocol/proof
/// with the official artifacts → a paid verifyHuman, the fee split, a replay and an invalid proof refused.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class HumanRegistryEthersTests
{
    [Test]
    public void Ethers_operator_enrols_and_dapp_pays_verifyHuman_with_an_official_semaphore_proof()
    {
        using DevNodeProcess node = RegistryDevNode.Start();
        (int exitCode, string output) = RegistryScript.Run("human.mjs", [node.RpcUri.ToString()], null, TimeSpan.FromSeconds(180));
        TestContext.Out.WriteLine(output);
        Assert.That(exitCode, Is.Zero, output + "\n--- node log ---\n" + node.Log);
        Assert.That(output, Does.Contain("human e2e OK"));
    }
}
