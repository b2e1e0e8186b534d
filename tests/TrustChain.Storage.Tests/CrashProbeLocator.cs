namespace TrustChain.Storage.Tests;

/// <summary>
/// Finds the crash probe's dll: the test build writes its exact path to crashprobe.path (works with any output
/// layout); a source-tree search is the fallback when the tests run from a copied output folder.
/// </summary>
internal static class CrashProbeLocator
{
    private const string DllName = "TrustChain.Storage.CrashProbe.dll";

    public static string Locate()
    {
        string testDirectory = TestContext.CurrentContext.TestDirectory;
        string pathFile = Path.Combine(testDirectory, "crashprobe.path");
        if (File.Exists(pathFile))
        {
            string recorded = File.ReadAllText(pathFile).Trim();
            if (File.Exists(recorded))
            {
                return recorded;
            }
        }

        for (DirectoryInfo? dir = new(testDirectory); dir is not null; dir = dir.Parent)
        {
            string probeProject = Path.Combine(dir.FullName, "tests", "TrustChain.Storage.CrashProbe", "bin");
            if (Directory.Exists(probeProject))
            {
                string? newest = Directory.GetFiles(probeProject, DllName, SearchOption.AllDirectories)
                    .OrderByDescending(File.GetLastWriteTimeUtc)
                    .FirstOrDefault();
                if (newest is not null)
                {
                    return newest;
                }
            }
        }

        throw new FileNotFoundException($"{DllName} not found; build tests/TrustChain.Storage.CrashProbe first.", DllName);
    }
}
