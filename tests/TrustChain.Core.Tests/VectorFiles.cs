using System.Text.Json;

namespace TrustChain.Core.Tests;

internal static class VectorFiles
{
    public static string PathOf(params string[] parts) =>
        Path.Combine([TestContext.CurrentContext.TestDirectory, "vectors", .. parts]);

    // TestCaseSource runs before a test context exists, so resolve relative to the assembly as well.
    public static string SourcePathOf(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "vectors", .. parts]);

    public static JsonDocument Load(params string[] parts) => JsonDocument.Parse(File.ReadAllText(SourcePathOf(parts)));
}
