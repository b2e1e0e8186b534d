using System.Diagnostics;
using System.Text.Json;

namespace TrustChain.Zk.Tests.Circuits;

/// <summary>Runs the snarkjs peers in tests/interop/zk-circuit and keeps a per-machine cache of the test ptau.</summary>
public static class CircuitInterop
{
    public static string? FindInteropDirectory()
    {
        string? dir = TestContext.CurrentContext.TestDirectory;
        while (dir is not null)
        {
            string candidate = Path.Combine(dir, "tests", "interop");
            if (Directory.Exists(Path.Combine(candidate, "node_modules", "snarkjs")) && Directory.Exists(Path.Combine(candidate, "zk-circuit")))
            {
                return candidate;
            }

            dir = Path.GetDirectoryName(dir);
        }

        return null;
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

    public static JsonDocument RunNode(string script, params string[] arguments)
    {
        string? interop = FindInteropDirectory();
        if (interop is null)
        {
            Assert.Ignore("tests/interop/node_modules (snarkjs) is not installed; interop skipped.");
        }

        ProcessStartInfo start = new("node") { WorkingDirectory = interop!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine("zk-circuit", script));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("node is not on PATH; interop skipped.");
            throw;
        }

        using (process)
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(900_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{script} timed out.");
            }

            Assert.That(process.ExitCode, Is.Zero, $"{script} failed: {stderr.Result}");
            return JsonDocument.Parse(stdout.Result);
        }
    }
}
