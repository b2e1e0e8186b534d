namespace TrustChain.Chain.Tests.Specs;

/// <summary>Finds the repository's genesis.json by walking up from the test output folder.</summary>
internal static class RepoGenesis
{
    public static string Path
    {
        get
        {
            DirectoryInfo? dir = new(TestContext.CurrentContext.TestDirectory);
            while (dir is not null)
            {
                string candidate = System.IO.Path.Combine(dir.FullName, "genesis.json");
                if (File.Exists(candidate) && File.Exists(System.IO.Path.Combine(dir.FullName, "TrustChain.sln")))
                {
                    return candidate;
                }

                dir = dir.Parent;
            }

            throw new FileNotFoundException("genesis.json not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }

    public static string Json => File.ReadAllText(Path);
}
