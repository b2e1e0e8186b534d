using System.Globalization;
using System.Net;

namespace TrustChain.Bench.Cli;

/// <summary>
/// <c>--name value</c> pairs of a subcommand. Every option must be read by the command; <see cref="EnsureAllUsed"/>
/// rejects the rest so that a typo never silently runs with a default.
/// </summary>
public sealed class CommandArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public CommandArgs(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (int i = 0; i < args.Count; i += 2)
        {
            string name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length == 2)
            {
                throw new BenchUsageException($"expected an option like --name, got '{name}'");
            }

            if (i + 1 >= args.Count)
            {
                throw new BenchUsageException($"option {name} needs a value");
            }

            if (!_values.TryAdd(name[2..], args[i + 1]))
            {
                throw new BenchUsageException($"option {name} given twice");
            }
        }
    }

    public string? GetOptionalString(string name)
    {
        _used.Add(name);
        return _values.GetValueOrDefault(name);
    }

    public string GetString(string name, string fallback) => GetOptionalString(name) ?? fallback;

    public int GetInt(string name, int fallback, int min, int max)
    {
        string? text = GetOptionalString(name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new BenchUsageException($"--{name} must be an integer between {min} and {max}, got '{text}'");
        }

        return value;
    }

    /// <summary>A loopback http:// URL: the harness never sends load anywhere but this machine.</summary>
    public Uri GetLoopbackUrl(string name)
    {
        string text = GetOptionalString(name) ?? throw new BenchUsageException($"--{name} is required");
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new BenchUsageException($"--{name} must be an http:// URL, got '{text}'");
        }

        if (!IPAddress.TryParse(uri.Host, out IPAddress? address) || !IPAddress.IsLoopback(address))
        {
            throw new BenchUsageException($"--{name} must point at 127.0.0.1, got host '{uri.Host}'");
        }

        return uri;
    }

    public void EnsureAllUsed()
    {
        foreach (string name in _values.Keys)
        {
            if (!_used.Contains(name))
            {
                throw new BenchUsageException($"unknown option --{name}");
            }
        }
    }
}
