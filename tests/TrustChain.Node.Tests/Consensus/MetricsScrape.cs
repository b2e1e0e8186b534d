using System.Globalization;

namespace TrustChain.Node.Tests.Consensus;

/// <summary>Reads a running node's /metrics (Prometheus text) for the process tests.</summary>
public static class MetricsScrape
{
    public static async Task<string> FetchAsync(int rpcPort)
    {
        using HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
        return await http.GetStringAsync(new Uri($"http://127.0.0.1:{rpcPort}/metrics"));
    }

    /// <summary>The value of an unlabelled sample; fails the test when the family has none.</summary>
    public static double Sample(string metrics, string name)
    {
        foreach (string line in metrics.Split('\n'))
        {
            if (line.StartsWith(name + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
            }
        }

        Assert.Fail($"no sample {name} in /metrics:\n{metrics}");
        return double.NaN;
    }
}
