using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace TrustChain.Node.Hosting;

/// <summary>One line per event on the console, with a millisecond timestamp; ASP.NET Core's chatter only from warnings up.</summary>
public static class NodeLogging
{
    public static ILoggerFactory CreateFactory() => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(LogLevel.Information)
        .AddFilter("Microsoft", LogLevel.Warning)
        .AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss.fff ";
            options.UseUtcTimestamp = true;
            options.ColorBehavior = LoggerColorBehavior.Disabled;
        }));
}
