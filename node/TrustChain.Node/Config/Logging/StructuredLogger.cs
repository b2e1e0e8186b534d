using Microsoft.Extensions.Logging;

namespace TrustChain.Node.Config.Logging;

/// <summary>A category's logger for <see cref="StructuredLoggerProvider"/>.</summary>
internal sealed class StructuredLogger(string category, StructuredLoggerProvider provider) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(formatter);
        provider.Write(category, logLevel, eventId, state, exception, formatter);
    }
}
