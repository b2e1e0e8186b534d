using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using TrustChain.Bench.Cli;

namespace TrustChain.Bench.Load;

/// <summary>
/// <c>load rpc</c>: N keep-alive connections each sending one pre-serialised request after the other for a fixed
/// time; prints requests/s and latency percentiles. Only successful JSON-RPC responses count towards the rate.
/// </summary>
public static class RpcLoadCommand
{
    public static async Task<int> RunAsync(CommandArgs args)
    {
        Uri url = args.GetLoopbackUrl("url");
        int connections = args.GetInt("connections", 32, 1, 1024);
        int seconds = args.GetInt("seconds", 10, 1, 600);
        int warmupSeconds = args.GetInt("warmup-seconds", 2, 0, 60);
        string method = args.GetString("method", "eth_blockNumber");
        string clientKind = args.GetString("client", "http");
        args.EnsureAllUsed();
        if (clientKind is not ("http" or "raw"))
        {
            throw new BenchUsageException($"--client must be http or raw, got '{clientKind}'");
        }

        if (!method.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new BenchUsageException($"--method must be a bare method name, got '{method}'");
        }

        byte[] body = Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"{method}\",\"params\":[]}}");
        using JsonRpcHttpClient client = new(url, connections, TimeSpan.FromSeconds(10));
        RawHttpConnection[] raw = clientKind == "raw" ? await ConnectRawAsync(url, body, connections).ConfigureAwait(false) : [];
        try
        {
            Func<TimeSpan, Task<WorkerResult[]>> run = raw.Length > 0
                ? duration => RunRawWorkersAsync(raw, duration)
                : duration => RunWorkersAsync(client, body, connections, duration);

            // Opens every connection and lets both sides JIT before the clock starts.
            if (warmupSeconds > 0)
            {
                await run(TimeSpan.FromSeconds(warmupSeconds)).ConfigureAwait(false);
            }

            Stopwatch clock = Stopwatch.StartNew();
            WorkerResult[] results = await run(TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
            double elapsed = clock.Elapsed.TotalSeconds;
            return Report(results, elapsed, method, url, connections, clientKind);
        }
        finally
        {
            foreach (RawHttpConnection connection in raw)
            {
                connection.Dispose();
            }
        }
    }

    private static int Report(WorkerResult[] results, double elapsed, string method, Uri url, int connections, string clientKind)
    {

        long ok = 0;
        long errors = 0;
        string? firstError = null;
        foreach (WorkerResult r in results)
        {
            ok += r.Ok;
            errors += r.Errors;
            firstError ??= r.FirstError;
        }

        double[] p = LatencyRecorder.PercentilesMs(results.Select(r => r.Latencies).ToArray(), 50, 99);
        double rate = ok / elapsed;
        Console.WriteLine($"load rpc {method} on {url} with {connections} connections ({clientKind} client) for {elapsed:0.00} s");
        Console.WriteLine($"  ok {ok}, errors {errors}{(firstError is null ? "" : $" (first: {firstError})")}");
        Console.WriteLine($"  {rate:0} req/s, latency p50 {p[0]:0.000} ms, p99 {p[1]:0.000} ms");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT rpc method={method} rps={rate:0} p50_ms={p[0]:0.000} p99_ms={p[1]:0.000} ok={ok} errors={errors}"));
        return ok > 0 && errors == 0 ? 0 : 1;
    }

    private static async Task<WorkerResult[]> RunWorkersAsync(JsonRpcHttpClient client, byte[] body, int connections, TimeSpan duration)
    {
        using CancellationTokenSource stop = new(duration);
        Task<WorkerResult>[] workers = new Task<WorkerResult>[connections];
        for (int i = 0; i < connections; i++)
        {
            workers[i] = Task.Run(() => WorkerAsync(client, body, stop.Token));
        }

        return await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private static async Task<RawHttpConnection[]> ConnectRawAsync(Uri url, byte[] body, int connections)
    {
        var opened = new RawHttpConnection[connections];
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(10));
        for (int i = 0; i < connections; i++)
        {
            opened[i] = await RawHttpConnection.ConnectAsync(url, body, timeout.Token).ConfigureAwait(false);
        }

        return opened;
    }

    private static async Task<WorkerResult[]> RunRawWorkersAsync(RawHttpConnection[] connections, TimeSpan duration)
    {
        using CancellationTokenSource stop = new(duration);
        Task<WorkerResult>[] workers = new Task<WorkerResult>[connections.Length];
        for (int i = 0; i < connections.Length; i++)
        {
            RawHttpConnection connection = connections[i];
            workers[i] = Task.Run(() => RawWorkerAsync(connection, stop.Token));
        }

        return await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private static async Task<WorkerResult> RawWorkerAsync(RawHttpConnection connection, CancellationToken stop)
    {
        WorkerResult result = new();
        while (!stop.IsCancellationRequested)
        {
            long started = Stopwatch.GetTimestamp();
            ReadOnlyMemory<byte> response;
            try
            {
                // The stop token only ends the loop: cancelling a socket read mid-response would poison the connection
                // for the next phase, and a loopback answer arrives long before anyone would notice.
                response = await connection.PostAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                result.Errors++;
                result.FirstError ??= e.Message;
                break;
            }

            if (ResponseCheck.IsSuccess(response.Span))
            {
                result.Ok++;
                result.Latencies.Add(Stopwatch.GetTimestamp() - started);
            }
            else
            {
                result.Errors++;
                result.FirstError ??= Encoding.UTF8.GetString(response.Span[..Math.Min(200, response.Length)]);
            }
        }

        return result;
    }

    private static async Task<WorkerResult> WorkerAsync(JsonRpcHttpClient client, byte[] body, CancellationToken stop)
    {
        WorkerResult result = new();
        while (!stop.IsCancellationRequested)
        {
            long started = Stopwatch.GetTimestamp();
            try
            {
                byte[] response = await client.PostAsync(body, stop).ConfigureAwait(false);
                if (ResponseCheck.IsSuccess(response))
                {
                    result.Ok++;
                    result.Latencies.Add(Stopwatch.GetTimestamp() - started);
                }
                else
                {
                    result.Errors++;
                    result.FirstError ??= Encoding.UTF8.GetString(response.AsSpan(0, Math.Min(200, response.Length)));
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The run ended with this request in flight: it neither succeeded nor failed within the window.
                break;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                result.Errors++;
                result.FirstError ??= e.Message;
            }
        }

        return result;
    }

    private sealed class WorkerResult
    {
        public long Ok { get; set; }

        public long Errors { get; set; }

        public string? FirstError { get; set; }

        public LatencyRecorder Latencies { get; } = new();
    }
}
