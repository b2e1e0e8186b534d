using System.Text.Json;
using TrustChain.Zk.Tests.Interop;

namespace TrustChain.Zk.Tests.Circuits;

/// <summary>Runs the snarkjs peers in tests/interop/zk-circuit and keeps a per-machine cache of the test ptau.</summary>
public static class CircuitInterop
{
    public static string? FindInteropDirectory()
    {
        string? interop = NodePeer.FindInteropDirectory("snarkjs");
        return interop is not null && Directory.Exists(Path.Combine(interop, "zk-circuit")) ? interop : null;
    }

    public static string TempDirectory(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "trustchain-zk-circuit", name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>
    /// The test ceremony's cache, seeded from the committed power-12 ptau files (made by ptau.mjs) so that a fresh
    /// machine skips snarkjs's multi-minute prepare-phase2 step; ptau.mjs reuses a finished file.
    /// </summary>
    public static string PtauDirectory()
    {
        string cache = TempDirectory("ptau");
        string? dir = TestContext.CurrentContext.TestDirectory;
        while (dir is not null)
        {
            string fixtures = Path.Combine(dir, "tests", "TrustChain.Zk.Tests", "Fixtures", "Circuits", "ptau");
            if (Directory.Exists(fixtures))
            {
                foreach (string file in Directory.GetFiles(fixtures, "*.ptau"))
                {
                    string target = Path.Combine(cache, Path.GetFileName(file));
                    if (!File.Exists(target))
                    {
                        File.Copy(file, target);
                    }
                }

                break;
            }

            dir = Path.GetDirectoryName(dir);
        }

        return cache;
    }

    /// <summary>Phase-2 setup on a fresh machine takes minutes, hence the long limit.</summary>
    public static JsonDocument RunNode(string script, params string[] arguments) =>
        NodePeer.Run(FindInteropDirectory(), Path.Combine("zk-circuit", script), TimeSpan.FromMinutes(15), arguments);
}
