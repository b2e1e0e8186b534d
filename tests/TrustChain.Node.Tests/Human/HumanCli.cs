using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TrustChain.Node.Tests.Cli;

namespace TrustChain.Node.Tests.Human;

/// <summary>The walkthrough's tools: the CLI in-process, the Semaphore JS proof script, and raw JSON-RPC calls.</summary>
internal static class HumanCli
{
    private static readonly Dictionary<string, string> NoEnvironment = new(StringComparer.Ordinal);
    private static int _nextId;

    public static CliRun Run(params string[] args) => CliRun.Invoke(NoEnvironment, args);

    public static string Value(string output, string key)
    {
        foreach (string line in output.Split('\n', StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith(key + "=", StringComparison.Ordinal))
            {
                return line[(key.Length + 1)..];
            }
        }

        throw new AssertionException($"no {key}= line in:\n{output}");
    }

    /// <summary>`node human/cli-proof.mjs RPC IDENTITY SCOPE MESSAGE OUT` (official Semaphore artifacts).</summary>
    public static (int ExitCode, string Output) JsProof(Uri rpc, string identity, string scope, string message, string output)
    {
        ProcessStartInfo start = new("node")
        {
            WorkingDirectory = RepoPaths.Interop,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { Path.Combine("human", "cli-proof.mjs"), rpc.ToString(), identity, scope, message, output })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, "timed out\n" + stdout.Result + stderr.Result);
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>One JSON-RPC call; returns the whole response object (result or error).</summary>
    public static JsonElement Rpc(Uri rpc, string method, params object?[] args)
    {
        using HttpClient client = new();
        string body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _nextId),
            ["method"] = method,
            ["params"] = args,
        });
        using StringContent content = new(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using HttpResponseMessage response = client.PostAsync(rpc, content).GetAwaiter().GetResult();
        return JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement.Clone();
    }

    public static JsonElement Result(Uri rpc, string method, params object?[] args)
    {
        JsonElement response = Rpc(rpc, method, args);
        Assert.That(response.TryGetProperty("error", out JsonElement error), Is.False, $"{method} failed: {error}");
        return response.GetProperty("result");
    }
}
