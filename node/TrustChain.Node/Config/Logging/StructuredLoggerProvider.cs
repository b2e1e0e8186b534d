using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TrustChain.Node.Config.Logging;

/// <summary>
/// Writes log events to a text writer (the console) as human-readable lines or as one JSON object per line. Writes
/// are synchronous under a lock so lines never interleave and nothing is lost on exit; levels are filtered by the
/// logger factory's rules before events get here.
/// </summary>
public sealed class StructuredLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, StructuredLogger> _loggers = new(StringComparer.Ordinal);
    private readonly TextWriter _output;
    private readonly LogFormat _format;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    public StructuredLoggerProvider(TextWriter output, LogFormat format, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _format = format;
        _time = time ?? TimeProvider.System;
    }

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new StructuredLogger(name, this));

    public void Dispose()
    {
        lock (_gate)
        {
            _output.Flush();
        }
    }

    internal void Write<TState>(string category, LogLevel level, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        DateTimeOffset now = _time.GetUtcNow();
        string message = formatter(state, exception);
        string line = _format == LogFormat.Json
            ? LogLineFormatter.Json(now, category, level, eventId, message, state as IReadOnlyList<KeyValuePair<string, object?>>, exception)
            : LogLineFormatter.Text(now, category, level, message, exception);
        lock (_gate)
        {
            _output.Write(line);
            _output.Flush();
        }
    }
}
