namespace TrustChain.Storage.Tests;

/// <summary>A fresh temp directory for every test (for tests that open databases with their own settings or paths).</summary>
public abstract class TempDirectoryFixture
{
    private protected TempDirectory Dir { get; private set; } = null!;

    [SetUp]
    public void CreateDirectory() => Dir = new TempDirectory();

    [TearDown]
    public void DeleteDirectory() => Dir.Dispose();
}
