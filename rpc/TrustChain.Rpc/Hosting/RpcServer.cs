using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TrustChain.Rpc.Explorer;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Hosting;

/// <summary>
/// Kestrel host for JSON-RPC over HTTP and WebSocket on one port. The RPC path is handled by a tiny middleware in
/// front of routing; the block explorer is served under /explorer; other components add their own endpoints
/// (/metrics, /health) with <see cref="MapEndpoints"/> before <see cref="StartAsync"/>.
/// </summary>
public sealed class RpcServer : IAsyncDisposable
{
    private readonly List<Action<IEndpointRouteBuilder>> _endpointHooks = [];
    private readonly List<Action<IServiceCollection>> _serviceHooks = [];
    private readonly ILoggerFactory? _loggerFactory;
    private readonly ILogger _logger;
    private WebApplication? _app;
    private RpcFastLane? _fastLane;
    private Uri? _httpUri;
    private bool _explorerEnabled = true;

    public RpcServer(RpcOptions options, RpcMethodRegistry methods, ILoggerFactory? loggerFactory = null, IRpcMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(methods);
        options.Validate();
        Options = options;
        Methods = methods;
        _loggerFactory = loggerFactory;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("TrustChain.Rpc");
        Dispatcher = new RpcDispatcher(methods, options, metrics, _logger);
    }

    public RpcOptions Options { get; }

    public RpcMethodRegistry Methods { get; }

    public RpcDispatcher Dispatcher { get; }

    /// <summary>The running web application (null before start); for advanced wiring only.</summary>
    public WebApplication? Application => _app;

    /// <summary>Base HTTP address after start, e.g. http://127.0.0.1:8545/ (with the real port when Port was 0).</summary>
    public Uri HttpUri => _httpUri ?? throw new InvalidOperationException("The server is not started.");

    /// <summary>JSON-RPC over HTTP URL (base address + RPC path).</summary>
    public Uri RpcUri => new(HttpUri, Options.Path);

    public Uri WebSocketUri => new UriBuilder(RpcUri) { Scheme = "ws" }.Uri;

    public int Port => HttpUri.Port;

    /// <summary>Requests answered by the connection-level fast lane (<see cref="RpcOptions.EnableHttpFastLane"/>); 0 when it is off.</summary>
    public long FastLaneRequests => _fastLane?.Answered ?? 0;

    /// <summary>Connections the fast lane handed to Kestrel's HTTP layer at a request it does not answer.</summary>
    public long FastLaneHandOvers => _fastLane?.HandedOver ?? 0;

    /// <summary>Serve the block explorer under /explorer (default true); when false those paths answer 404. Set before start.</summary>
    public bool ExplorerEnabled
    {
        get => _explorerEnabled;
        set
        {
            ThrowIfStarted();
            _explorerEnabled = value;
        }
    }

    /// <summary>Adds endpoints next to the RPC path (e.g. endpoints.MapGet("/metrics", ...)). Call before start.</summary>
    public void MapEndpoints(Action<IEndpointRouteBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ThrowIfStarted();
        _endpointHooks.Add(configure);
    }

    /// <summary>Registers services the extra endpoints need. Call before start.</summary>
    public void ConfigureServices(Action<IServiceCollection> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ThrowIfStarted();
        _serviceHooks.Add(configure);
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfStarted();
        IPAddress address = ParseAddress(Options.ListenAddress);

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        if (_loggerFactory is not null)
        {
            builder.Logging.AddProvider(new ForwardingLoggerProvider(_loggerFactory));
            // ASP.NET Core logs every request at Information; keep only its warnings and errors.
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
            // Hosting opens a logging scope per request whenever any level is enabled for it; we never log there.
            builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        }

        builder.WebHost.SuppressStatusMessages(true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = Options.MaxConcurrentConnections;
            kestrel.Limits.MaxConcurrentUpgradedConnections = Options.MaxConcurrentConnections;
            // One byte above our limit so the RPC handler, not Kestrel, produces geth's 413 text.
            kestrel.Limits.MaxRequestBodySize = Options.MaxRequestBodySize + 1;
            kestrel.Limits.KeepAliveTimeout = Options.KeepAliveTimeout;
            if (Options.EnableHttpFastLane && RpcFastLane.CanServe(Options.Path))
            {
                // The lane mirrors Kestrel's keep-alive timeout and its response data rate grace between requests.
                _fastLane ??= new RpcFastLane(Dispatcher, Options.KeepAliveTimeout, kestrel.Limits.RequestHeadersTimeout, kestrel.Limits.MinResponseDataRate?.GracePeriod);
            }

            kestrel.Listen(address, Options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                if (_fastLane is not null)
                {
                    listen.Use(_fastLane.Wrap);
                }
            });
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        foreach (Action<IServiceCollection> hook in _serviceHooks)
        {
            hook(builder.Services);
        }

        WebApplication app = builder.Build();
        var handler = new RpcHttpHandler(Dispatcher, _logger, app.Lifetime.ApplicationStopping);
        string path = Options.Path;
        // JSON-RPC POSTs, the hot path, skip every other layer; upgrades and the rest pass the WebSocket middleware.
        app.Use(next => http => HttpMethods.IsPost(http.Request.Method) && string.Equals(http.Request.Path.Value, path, StringComparison.Ordinal)
            ? handler.HandleAsync(http)
            : next(http));
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = Options.WebSocketKeepAliveInterval });
        app.Use(next => http => string.Equals(http.Request.Path.Value, path, StringComparison.Ordinal)
            ? handler.HandleAsync(http)
            : next(http));
        app.UseRouting();
        foreach (Action<IEndpointRouteBuilder> hook in _endpointHooks)
        {
            hook(app);
        }

        if (_explorerEnabled)
        {
            app.MapExplorer(path);
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;

        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _httpUri = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        _logger.LogInformation("JSON-RPC listening on {Address} (HTTP and WebSocket)", _httpUri);
    }

    /// <summary>
    /// Sends the requests of a first explorer load (and a /metrics scrape) over loopback so the JIT has compiled those
    /// paths before the first visitor (see <see cref="ExplorerWarmUp"/>). Call after start, in the background; it
    /// never throws except on cancellation. Returns how many warm-up steps were answered.
    /// </summary>
    public Task<int> WarmUpAsync(CancellationToken cancellationToken = default) =>
        new ExplorerWarmUp(HttpUri, Options.Path, _explorerEnabled, _logger).RunAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        WebApplication? app = _app;
        if (app is null)
        {
            return;
        }

        await app.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        WebApplication? app = Interlocked.Exchange(ref _app, null);
        if (app is null)
        {
            // A start that failed after Kestrel was configured still owns the lane's heartbeat timer.
            _fastLane?.Dispose();
            return;
        }

        try
        {
            await app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
            _fastLane?.Dispose();
        }
    }

    private static IPAddress ParseAddress(string text)
    {
        if (string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(text, out IPAddress? address)
            ? address
            : throw new ArgumentException($"ListenAddress '{text}' is not an IP address.", nameof(text));
    }

    private void ThrowIfStarted()
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The server has already been started.");
        }
    }
}
