using System.Text;

namespace TrustChain.Rpc.Metrics;

/// <summary>
/// The node's metric families, scraped at /metrics in registration order. Any component registers what it owns
/// (<c>registry.Counter("trustchain_x_total", "...")</c>, <c>registry.Gauge(name, help, () =&gt; value)</c>) and
/// updates it; asking again for an existing name returns the same metric, so independent components can share one.
/// Asking for an existing name with another type or shape throws.
/// </summary>
public sealed class MetricsRegistry
{
    private readonly Lock _gate = new();
    private readonly List<Metric> _metrics = [];
    private readonly Dictionary<string, Metric> _byName = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _metrics.Count;
            }
        }
    }

    public Counter Counter(string name, string help) => GetOrAdd(name, () => new Counter(name, help));

    public LabeledCounter Counter(string name, string help, string labelName) =>
        GetOrAdd(name, () => new LabeledCounter(name, help, labelName));

    /// <summary>A gauge its owner sets.</summary>
    public Gauge Gauge(string name, string help) => GetOrAdd(name, () => new Gauge(name, help, null));

    /// <summary>A gauge read from <paramref name="read"/> at every scrape (must be fast and thread-safe).</summary>
    public Gauge Gauge(string name, string help, Func<double> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Add(new Gauge(name, help, read));
    }

    public LabeledGauge Gauge(string name, string help, string labelName, Func<IReadOnlyList<KeyValuePair<string, double>>> read) =>
        Add(new LabeledGauge(name, help, labelName, read));

    public Histogram Histogram(string name, string help, IReadOnlyList<double> bounds) =>
        GetOrAdd(name, () => new Histogram(name, help, bounds));

    public LabeledHistogram Histogram(string name, string help, string labelName, IReadOnlyList<double> bounds) =>
        GetOrAdd(name, () => new LabeledHistogram(name, help, labelName, bounds));

    public bool TryGet(string name, out Metric? metric)
    {
        lock (_gate)
        {
            return _byName.TryGetValue(name, out metric);
        }
    }

    /// <summary>Writes every family in the Prometheus text format 0.0.4.</summary>
    public void WriteTo(StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Metric[] snapshot;
        lock (_gate)
        {
            snapshot = [.. _metrics];
        }

        var writer = new PrometheusTextWriter(output);
        foreach (Metric metric in snapshot)
        {
            writer.WriteHeader(metric);
            metric.WriteSamples(writer);
        }
    }

    public string Scrape()
    {
        var output = new StringBuilder(4096);
        WriteTo(output);
        return output.ToString();
    }

    private T GetOrAdd<T>(string name, Func<T> create)
        where T : Metric
    {
        lock (_gate)
        {
            if (_byName.TryGetValue(name, out Metric? existing))
            {
                return existing as T
                    ?? throw new InvalidOperationException($"metric {name} is already registered as a {existing.GetType().Name}, not a {typeof(T).Name}");
            }

            T metric = create();
            _byName.Add(name, metric);
            _metrics.Add(metric);
            return metric;
        }
    }

    private T Add<T>(T metric)
        where T : Metric
    {
        lock (_gate)
        {
            // A callback belongs to one owner; a second registration would silently hide one of them.
            if (!_byName.TryAdd(metric.Name, metric))
            {
                throw new InvalidOperationException($"metric {metric.Name} is already registered");
            }

            _metrics.Add(metric);
            return metric;
        }
    }
}
