using System.Net;
using TrustChain.Bench.Cli;

namespace TrustChain.Bench.Load;

/// <summary>A comma-separated list of loopback http:// URLs: the harness never sends load anywhere but this machine.</summary>
public static class LoopbackUrls
{
    public static Uri[] Parse(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new BenchUsageException($"--{option} is required");
        }

        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        Uri[] urls = new Uri[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!Uri.TryCreate(parts[i], UriKind.Absolute, out Uri? uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                throw new BenchUsageException($"--{option} must be http:// URLs separated by commas, got '{parts[i]}'");
            }

            if (!IPAddress.TryParse(uri.Host, out IPAddress? address) || !IPAddress.IsLoopback(address))
            {
                throw new BenchUsageException($"--{option} must point at 127.0.0.1, got host '{uri.Host}'");
            }

            urls[i] = uri;
        }

        if (urls.Distinct().Count() != urls.Length)
        {
            throw new BenchUsageException($"--{option} lists a URL twice");
        }

        return urls;
    }
}
