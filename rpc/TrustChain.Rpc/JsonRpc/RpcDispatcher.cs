using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TrustChain.Rpc.JsonRpc;

/// <summary>
/// Transport-independent JSON-RPC 2.0 engine: parses a request (single or batch), validates it like geth, runs the
/// handlers and writes the response into an <see cref="RpcBuffer"/>.
/// </summary>
public sealed class RpcDispatcher
{
    private const int MaxStackMethodName = 128;

    private readonly RpcMethodRegistry _registry;
    private readonly RpcOptions _options;
    private readonly JsonSerializerOptions _serializerOptions;
    private readonly IRpcMetrics _metrics;
    private readonly ILogger _logger;

    public RpcDispatcher(RpcMethodRegistry registry, RpcOptions options, IRpcMetrics? metrics = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _registry = registry;
        _options = options;
        _serializerOptions = options.SerializerOptions;
        _metrics = metrics ?? NullRpcMetrics.Instance;
        _logger = logger ?? NullLogger.Instance;
    }

    public RpcMethodRegistry Registry => _registry;

    public RpcOptions Options => _options;

    /// <summary>
    /// Handles one request body. Returns false when nothing must be sent back (only notifications).
    /// The caller must call <see cref="RpcContext.ActivateSubscriptions"/> (via the transport) after sending.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> DispatchAsync(ReadOnlySequence<byte> request, RpcBuffer output, RpcContext context, CancellationToken transportAborted)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(context);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(request, RpcJson.DocumentOptions);
        }
        catch (JsonException)
        {
            using var errorWriter = new Utf8JsonWriter(output, RpcJson.WriterOptions);
            RpcResponseWriter.WriteError(errorWriter, default, RpcErrorCodes.ParseError, "parse error", null, _serializerOptions);
            errorWriter.Flush();
            return true;
        }

        using (document)
        using (var scope = new RpcCallScope(_options.RequestTimeout, transportAborted))
        using (var writer = new Utf8JsonWriter(output, RpcJson.WriterOptions))
        {
            JsonElement root = document.RootElement;
            return root.ValueKind == JsonValueKind.Array
                ? await ProcessBatchAsync(root, output, writer, context, scope).ConfigureAwait(false)
                : await ProcessMessageAsync(root, output, writer, context, scope).ConfigureAwait(false);
        }
    }

    /// <summary>Convenience for in-process callers and tests: returns the response JSON, or null when there is none.</summary>
    public async ValueTask<string?> DispatchAsync(string requestJson, RpcContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestJson);
        using var output = new RpcBuffer();
        context ??= new RpcContext(RpcTransport.InProcess);
        bool respond = await DispatchAsync(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(requestJson)), output, context, cancellationToken).ConfigureAwait(false);
        context.ActivateSubscriptions();
        return respond ? Encoding.UTF8.GetString(output.WrittenSpan) : null;
    }

    /// <summary>
    /// The per-request shortcut for a parameterless call of a method in <see cref="RpcMethodRegistry.ResultCache"/>:
    /// writes the whole response into <paramref name="destination"/> from the cached result bytes (the same bytes
    /// the general path would write) and counts the call in the metrics. Returns false — having written and
    /// counted nothing — for anything else, which then goes through <see cref="DispatchAsync(ReadOnlySequence{byte}, RpcBuffer, RpcContext, CancellationToken)"/>.
    /// </summary>
    public bool TryWriteCached(ReadOnlySpan<byte> request, Span<byte> destination, RpcTransport transport, HttpContext? httpContext, out int written)
    {
        written = 0;
        RpcResultCache cache = _registry.ResultCache;
        if (cache.Count == 0 || !RpcSimpleRequest.TryParse(request, out ReadOnlySpan<byte> rawId, out ReadOnlySpan<byte> methodName))
        {
            return false;
        }

        RpcResultCache.Entry? entry = cache.Find(methodName);
        if (entry is null || !_registry.TryGet(entry.Name, out RpcMethod? method))
        {
            return false;
        }

        long started = Stopwatch.GetTimestamp();
        object epoch = entry.Epoch();
        byte[]? result = entry.TryGet(epoch) ?? Fill(entry, method, epoch, transport, httpContext);
        if (result is null)
        {
            return false;
        }

        ReadOnlySpan<byte> head = "{\"jsonrpc\":\"2.0\",\"id\":"u8;
        ReadOnlySpan<byte> middle = ",\"result\":"u8;
        int length = head.Length + rawId.Length + middle.Length + result.Length + 1;
        if (length > destination.Length)
        {
            return false;
        }

        head.CopyTo(destination);
        int at = head.Length;
        rawId.CopyTo(destination[at..]);
        at += rawId.Length;
        middle.CopyTo(destination[at..]);
        at += middle.Length;
        result.CopyTo(destination[at..]);
        at += result.Length;
        destination[at++] = (byte)'}';
        written = at;
        _metrics.OnRequest(method.Name, Stopwatch.GetElapsedTime(started), true);
        return true;
    }

    /// <summary>Runs the handler once for the epoch; a failing or asynchronous handler is left to the general path.</summary>
    private byte[]? Fill(RpcResultCache.Entry entry, RpcMethod method, object epoch, RpcTransport transport, HttpContext? httpContext)
    {
        object? result;
        try
        {
            ValueTask<object?> pending = method.Handler(new RpcParams(default), new RpcContext(transport, httpContext), CancellationToken.None);
            if (!pending.IsCompletedSuccessfully)
            {
                // The general path will run it properly; this attempt only has to be observed.
                _ = pending.AsTask().ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                return null;
            }

            result = pending.Result;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }

        using var buffer = new RpcBuffer(256);
        using (var writer = new Utf8JsonWriter(buffer, RpcJson.WriterOptions))
        {
            try
            {
                RpcResponseWriter.WriteValue(writer, result, _serializerOptions);
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
            {
                return null;
            }
        }

        byte[] bytes = buffer.WrittenSpan.ToArray();
        entry.Store(epoch, bytes);
        return bytes;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ProcessBatchAsync(JsonElement batch, RpcBuffer output, Utf8JsonWriter writer, RpcContext context, RpcCallScope scope)
    {
        int count = batch.GetArrayLength();
        if (count == 0)
        {
            // geth answers an empty batch with a single (non-array) error object.
            RpcResponseWriter.WriteError(writer, default, RpcErrorCodes.InvalidRequest, "empty batch", null, _serializerOptions);
            writer.Flush();
            return true;
        }

        int start = output.WrittenCount;
        if (_options.BatchRequestLimit != 0 && count > _options.BatchRequestLimit)
        {
            // Nothing runs; the error borrows the first call's id since a batch has none of its own.
            JsonElement firstId = default;
            foreach (JsonElement item in batch.EnumerateArray())
            {
                if (Classify(item, out JsonElement id) == MessageKind.Call)
                {
                    firstId = id;
                    break;
                }
            }

            output.WriteByte((byte)'[');
            RpcResponseWriter.WriteError(writer, firstId, RpcErrorCodes.InvalidRequest, "batch too large", null, _serializerOptions);
            writer.Flush();
            output.WriteByte((byte)']');
            return true;
        }

        output.WriteByte((byte)'[');
        bool any = false;
        bool responseTooLarge = false;
        foreach (JsonElement item in batch.EnumerateArray())
        {
            int mark = output.WrittenCount;
            if (any)
            {
                output.WriteByte((byte)',');
            }

            writer.Reset(output);
            bool wrote;
            if (responseTooLarge || scope.Expired)
            {
                MessageKind kind = Classify(item, out JsonElement id);
                if (kind == MessageKind.Call)
                {
                    if (responseTooLarge)
                    {
                        RpcResponseWriter.WriteError(writer, id, RpcErrorCodes.ResponseTooLarge, "response too large", null, _serializerOptions);
                    }
                    else
                    {
                        RpcResponseWriter.WriteError(writer, id, RpcErrorCodes.Timeout, "request timed out", null, _serializerOptions);
                    }

                    writer.Flush();
                    wrote = true;
                }
                else
                {
                    // Invalid entries are answered without running anything; notifications are dropped.
                    wrote = kind == MessageKind.Invalid && await ProcessMessageAsync(item, output, writer, context, scope).ConfigureAwait(false);
                }
            }
            else
            {
                wrote = await ProcessMessageAsync(item, output, writer, context, scope).ConfigureAwait(false);
            }

            if (!wrote)
            {
                output.Truncate(mark);
                continue;
            }

            any = true;
            if (_options.BatchResponseMaxSize != 0 && output.WrittenCount - start > _options.BatchResponseMaxSize)
            {
                responseTooLarge = true;
            }
        }

        if (!any)
        {
            output.Truncate(start);
            return false;
        }

        output.WriteByte((byte)']');
        return true;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ProcessMessageAsync(JsonElement message, RpcBuffer output, Utf8JsonWriter writer, RpcContext context, RpcCallScope scope)
    {
        MessageKind kind = Classify(message, out JsonElement id);
        if (kind == MessageKind.Invalid)
        {
            RpcResponseWriter.WriteError(writer, id, RpcErrorCodes.InvalidRequest, "invalid request", null, _serializerOptions);
            writer.Flush();
            return true;
        }

        bool isCall = kind == MessageKind.Call;
        JsonElement methodElement = message.GetProperty("method"u8);
        RpcMethod? method = Lookup(methodElement);
        if (method is null)
        {
            if (!isCall)
            {
                return false;
            }

            string message404 = $"the method {methodElement.GetString()} does not exist/is not available";
            RpcResponseWriter.WriteError(writer, id, RpcErrorCodes.MethodNotFound, message404, null, _serializerOptions);
            writer.Flush();
            return true;
        }

        RpcException? failure = null;
        object? result = null;
        long started = Stopwatch.GetTimestamp();
        if (!message.TryGetProperty("params"u8, out JsonElement parameters))
        {
            parameters = default;
        }

        if (parameters.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Array or JsonValueKind.Object))
        {
            failure = RpcException.InvalidParams("non-array args");
        }
        else
        {
            try
            {
                ValueTask<object?> pending = method.Handler(new RpcParams(parameters), context, scope.Token);
                result = pending.IsCompletedSuccessfully
                    ? pending.Result
                    : await scope.WaitAsync(pending).ConfigureAwait(false);
            }
            catch (RpcException e)
            {
                failure = e;
            }
            catch (OperationCanceledException) when (scope.TimedOut)
            {
                failure = new RpcException(RpcErrorCodes.Timeout, "request timed out");
            }
            catch (OperationCanceledException) when (scope.TransportAborted)
            {
                failure = new RpcException(RpcErrorCodes.InternalError, "request canceled");
            }
            catch (Exception e)
            {
                _logger.LogError(e, "JSON-RPC method {Method} threw", method.Name);
                failure = new RpcException(RpcErrorCodes.InternalError, "internal error");
            }
        }

        _metrics.OnRequest(method.Name, Stopwatch.GetElapsedTime(started), failure is null);
        if (!isCall)
        {
            return false;
        }

        int mark = output.WrittenCount;
        if (failure is null)
        {
            try
            {
                RpcResponseWriter.WriteResult(writer, id, result, _serializerOptions);
                writer.Flush();
                return true;
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
            {
                _logger.LogError(e, "JSON-RPC method {Method} returned a result that cannot be serialised", method.Name);
                writer.Reset(output);
                output.Truncate(mark);
                failure = new RpcException(RpcErrorCodes.InternalError, "internal error");
            }
        }

        try
        {
            RpcResponseWriter.WriteError(writer, id, failure.Code, failure.Message, failure.ErrorData, _serializerOptions);
            writer.Flush();
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            _logger.LogError(e, "JSON-RPC error data of {Method} cannot be serialised", method.Name);
            writer.Reset(output);
            output.Truncate(mark);
            RpcResponseWriter.WriteError(writer, id, failure.Code, failure.Message, null, _serializerOptions);
            writer.Flush();
        }

        return true;
    }

    /// <summary>
    /// geth's rules: a call needs jsonrpc "2.0", a non-empty string method and an id that is a string, number or
    /// null; no id makes it a notification. Anything else is invalid; its id is echoed only when well-formed.
    /// </summary>
    private static MessageKind Classify(JsonElement message, out JsonElement id)
    {
        id = default;
        if (message.ValueKind != JsonValueKind.Object)
        {
            return MessageKind.Invalid;
        }

        bool hasId = message.TryGetProperty("id"u8, out JsonElement rawId);
        bool validId = hasId && rawId.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null;
        if (validId)
        {
            id = rawId;
        }

        bool validVersion = message.TryGetProperty("jsonrpc"u8, out JsonElement version)
            && version.ValueKind == JsonValueKind.String
            && version.ValueEquals("2.0"u8);
        bool validMethod = message.TryGetProperty("method"u8, out JsonElement method)
            && method.ValueKind == JsonValueKind.String
            && !method.ValueEquals(ReadOnlySpan<byte>.Empty);

        if (!validVersion || !validMethod || (hasId && !validId))
        {
            return MessageKind.Invalid;
        }

        return hasId ? MessageKind.Call : MessageKind.Notification;
    }

    private RpcMethod? Lookup(JsonElement name)
    {
        ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8Value(name);
        if (raw.Length >= 2 && raw[0] == (byte)'"' && raw[^1] == (byte)'"')
        {
            raw = raw[1..^1];
        }

        if (raw.Length <= MaxStackMethodName && raw.IndexOf((byte)'\\') < 0)
        {
            Span<char> chars = stackalloc char[MaxStackMethodName];
            int length = Encoding.UTF8.GetChars(raw, chars);
            return _registry.TryGet(chars[..length], out RpcMethod? fast) ? fast : null;
        }

        return _registry.TryGet(name.GetString()!, out RpcMethod? method) ? method : null;
    }

    private enum MessageKind
    {
        Invalid,
        Notification,
        Call,
    }
}
