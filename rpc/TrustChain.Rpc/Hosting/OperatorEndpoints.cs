using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Metrics;

namespace TrustChain.Rpc.Hosting;

/// <summary>
/// GET /metrics (Prometheus text 0.0.4) and GET /health (JSON; 200 when the head advances, else 503) on the RPC
/// port. Call before <see cref="RpcServer.StartAsync"/>.
/// </summary>
public static class OperatorEndpoints
{
    public const string MetricsPath = "/metrics";
    public const string HealthPath = "/health";
    public const string PrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void MapMetrics(this RpcServer server, MetricsRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(registry);
        if (server.Options.Path == MetricsPath)
        {
            throw new ArgumentException($"the RPC path {MetricsPath} would hide the metrics endpoint", nameof(server));
        }

        Gauge scrapeSeconds = registry.Gauge("trustchain_metrics_scrape_seconds", "Duration of the previous /metrics scrape in seconds.");
        server.MapEndpoints(endpoints => endpoints.MapGet(MetricsPath, async http =>
        {
            long started = Stopwatch.GetTimestamp();
            var text = new StringBuilder(8192);
            registry.WriteTo(text);
            byte[] body = Encoding.UTF8.GetBytes(text.ToString());
            scrapeSeconds.Set(Stopwatch.GetElapsedTime(started).TotalSeconds);
            http.Response.ContentType = PrometheusContentType;
            http.Response.Headers.CacheControl = "no-store";
            http.Response.ContentLength = body.Length;
            await http.Response.Body.WriteAsync(body, http.RequestAborted).ConfigureAwait(false);
        }));
    }

    public static void MapHealth(this RpcServer server, NodeHealth health)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(health);
        server.MapEndpoints(endpoints => endpoints.MapGet(HealthPath, async http =>
        {
            HealthReport report = health.Check();
            var body = new RpcBuffer();
            try
            {
                using (var writer = new Utf8JsonWriter(body))
                {
                    WriteReport(writer, report);
                }

                http.Response.StatusCode = report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
                http.Response.ContentType = "application/json";
                http.Response.Headers.CacheControl = "no-store";
                http.Response.ContentLength = body.WrittenCount;
                await http.Response.Body.WriteAsync(body.WrittenMemory, http.RequestAborted).ConfigureAwait(false);
            }
            finally
            {
                body.Dispose();
            }
        }));
    }

    public static void WriteReport(Utf8JsonWriter writer, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString("status", report.Status);
        writer.WriteNumber("head", report.Head);
        writer.WriteString("headHash", report.HeadHash);
        writer.WriteNumber("headAgeMs", report.HeadAgeMs);
        writer.WriteBoolean("syncing", report.Syncing);
        writer.WriteNumber("peers", report.Peers);
        writer.WriteEndObject();
    }
}
