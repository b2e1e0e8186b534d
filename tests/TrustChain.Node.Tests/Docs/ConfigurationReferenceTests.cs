using TrustChain.Node.Config;
using TrustChain.Node.Prover;

namespace TrustChain.Node.Tests.Docs;

/// <summary>docs/configuration.md lists every setting the node accepts, under the names the code uses.</summary>
[TestFixture]
public sealed class ConfigurationReferenceTests
{
    [Test]
    public void Settings_tables_are_generated_from_the_config_keys()
    {
        string generated = ConfigurationReferenceWriter.Write(ConfigKeys.All, ProverConfigKeys.All);
        foreach (ConfigKey key in ConfigKeys.All)
        {
            Assert.That(generated, Does.Contain($"`{key.EnvironmentVariable}`").And.Contain($"`{key.JsonName}`"), key.Name);
        }

        Assert.That(File.Exists(DocsFiles.Configuration), Is.True, $"{DocsFiles.Configuration} is missing");
        string document = File.ReadAllText(DocsFiles.Configuration).ReplaceLineEndings("\n");
        if (DocsFiles.Rewrite)
        {
            File.WriteAllText(DocsFiles.Configuration, ConfigurationReferenceWriter.Replace(document, generated));
            return;
        }

        Assert.That(ConfigurationReferenceWriter.Extract(document), Is.EqualTo(generated),
            $"the settings tables in docs/configuration.md do not match ConfigKeys: {DocsFiles.RegenerateHint(nameof(ConfigurationReferenceTests))}");
    }
}
