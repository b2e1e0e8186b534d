using System.Diagnostics;
using TrustChain.Node.Tests.Cli;

namespace TrustChain.Node.Tests.Keystore;

/// <summary>Runs an ES-module snippet with node in tests/interop, where the npm peers (ethers 6) are installed.</summary>
public static class NodeScript
{
    public static string Run(string script, IReadOnlyDictionary<string, string> environment)
    {
        ProcessStartInfo start = new("node")
        {
            WorkingDirectory = RepoPaths.Interop,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--input-type=module");
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(script);
        foreach ((string key, string value) in environment)
        {
            start.Environment[key] = value;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("node did not finish within 60 s");
        }

        Assert.That(process.ExitCode, Is.Zero, () => "node failed: " + stderr.Result);
        return stdout.Result.Trim();
    }
}
