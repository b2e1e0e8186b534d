using TrustChain.Node.Tests.Crash;
using TrustChain.Node.Tests.Credentials;

namespace TrustChain.Node.Tests.Models;

/// <summary>
/// The ModelRegistry scenario of issue 5 on a real `trustchain run --dev`: tests/interop/registries/models.mjs drives
/// ethers.js and the `trustchain model` CLI (including `model serve` as the host) against it.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ModelRegistryEndToEndTests
{
    [Test]
    public void Owner_host_user_settlement_infringement_and_copy_challenge()
    {
        using DevNodeProcess node = RegistryDevNode.Start();
        string work = Path.Combine(Path.GetTempPath(), "tc-models-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            Dictionary<string, string> environment = new(StringComparer.Ordinal)
            {
                ["TRUSTCHAIN_DLL"] = Path.Combine(TestContext.CurrentContext.TestDirectory, "trustchain.dll"),
                ["WORKDIR"] = work,
            };
            (int exitCode, string output) = RegistryScript.Run("models.mjs", [node.RpcUri.ToString()], environment, TimeSpan.FromSeconds(150));
            TestContext.Out.WriteLine(output);
            Assert.That(exitCode, Is.Zero, output + "\n--- node log ---\n" + node.Log);
            Assert.That(output, Does.Contain("models e2e OK"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
