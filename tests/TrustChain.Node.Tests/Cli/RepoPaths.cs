namespace TrustChain.Node.Tests.Cli;

/// <summary>Locations in the checkout, found by walking up from the test output directory.</summary>
public static class RepoPaths
{
    public static string Root
    {
        get
        {
            DirectoryInfo? dir = new(TestContext.CurrentContext.TestDirectory);
            while (dir is not null)
            {
                if (File.Exists(Path.Combine(dir.FullName, "genesis.json")) && Directory.Exists(Path.Combine(dir.FullName, "tests", "interop")))
                {
                    return dir.FullName;
                }

                dir = dir.Parent;
            }

            throw new DirectoryNotFoundException("repository root (with genesis.json and tests/interop) not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }

    public static string Genesis => Path.Combine(Root, "genesis.json");

    public static string Interop => Path.Combine(Root, "tests", "interop");
}
