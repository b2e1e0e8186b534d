using Microsoft.Extensions.Logging;
using TrustChain.Node.Config;
using TrustChain.Node.Config.Logging;

namespace TrustChain.Node.Hosting;

/// <summary>
/// The node's logger factory: console lines or JSON lines (<see cref="LogSettings.Format"/>), a default level and
/// per-component levels; ASP.NET Core's chatter only from warnings up unless a rule names it.
/// </summary>
public static class NodeLogging
{
    public static ILoggerFactory CreateFactory() => CreateFactory(LogSettings.Default);

    public static ILoggerFactory CreateFactory(LogSettings settings, TextWriter? output = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        TextWriter target = output ?? Console.Out;
        return LoggerFactory.Create(builder =>
        {
            builder.ClearProviders();
            builder.SetMinimumLevel(settings.DefaultLevel);
            builder.AddFilter("Microsoft", settings.DefaultLevel > LogLevel.Warning ? settings.DefaultLevel : LogLevel.Warning);
            foreach ((string category, LogLevel level) in settings.CategoryLevels)
            {
                builder.AddFilter(category, level);
            }

            builder.AddProvider(new StructuredLoggerProvider(target, settings.Format, time));
        });
    }
}
