using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TrustChain.Rpc.Tests.Subscriptions;

/// <summary>Keeps the messages a server logs, so a test can wait for an event the server only reports in its log.</summary>
public sealed class LogCapture : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<string> _messages = new();

    public bool Contains(string fragment) => _messages.Any(m => m.Contains(fragment, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            _messages.Enqueue(formatter(state, exception));
        }
    }

    public void Dispose()
    {
    }
}
