using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Core;
using TrustChain.Node.Config;
using TrustChain.Node.Tx;

namespace TrustChain.Node.ModelHost;

/// <summary>
/// The reference model host: an HTTP endpoint (Kestrel) in front of an <see cref="IModelBackend"/>.
/// <para>
/// <c>POST /invoke</c> with <c>{"user","input","cumulativeCalls","signature"}</c>: the signature is the user's EIP-712
/// Usage(modelId, this host, cumulativeCalls) — the caller's authentication and the receipt the host settles with.
/// The host checks that it recovers to <c>user</c>, that the count is the user's next one, and on chain (eth_call
/// getAccess) that the user bought at least that many calls. The answer carries the host's EIP-712 signature of
/// Response(modelId, key, response) with key/response the <see cref="ResponseCommitment"/> of input and output, the
/// message reportUnauthorizedHost and challengeModel take as evidence.
/// </para>
/// <para><c>GET /info</c>: chain, model, host address, backend.</para>
/// </summary>
public sealed class ModelHostServer : IAsyncDisposable
{
    private const int MaxBodyBytes = 1 << 20;
    private const int AccessCheckAttempts = 3;

    private readonly ModelHostOptions _options;
    private readonly IModelBackend _backend;
    private readonly JsonRpcClient _rpc;
    private readonly ContractClient _registry;
    private readonly UsageSettler _settler;
    private readonly Action<string> _log;
    private readonly SemaphoreSlim _admission = new(1, 1);
    private readonly object _backgroundLock = new();
    private readonly List<Task> _background = [];
    private WebApplication? _app;

    private ModelHostServer(ModelHostOptions options, IModelBackend backend, ulong chainId, UsageReceiptBook book, JsonRpcClient rpc,
        ContractClient registry, Action<string> log)
    {
        _options = options;
        _backend = backend;
        ChainId = chainId;
        Receipts = book;
        _rpc = rpc;
        _registry = registry;
        _settler = new UsageSettler(registry, options.HostKey, options.ModelId, options.TransactionTimeout);
        _log = log;
    }

    public ulong ChainId { get; }

    public Address Host => _options.HostKey.Address;

    public UsageReceiptBook Receipts { get; }

    public UsageSettler Settler => _settler;

    public Uri Url { get; private set; } = null!;

    /// <summary>
    /// Checks the chain (its id; the model exists) and starts listening. <paramref name="log"/> gets one line per
    /// notable event (start, unauthorised host warning, settlements, failures).
    /// </summary>
    /// <exception cref="ConfigException">The model does not exist or the receipt file belongs to something else.</exception>
    public static async Task<ModelHostServer> StartAsync(ModelHostOptions options, IModelBackend backend, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(log);
        JsonRpcClient rpc = new(options.Rpc);
        try
        {
            ContractClient registry = new(rpc, SystemContractAddresses.ModelRegistry, RegistryAbis.ModelRegistry);
            ulong chainId = await registry.GetChainIdAsync(cancellationToken).ConfigureAwait(false);
            ulong count = ((UInt256)(await registry.CallAsync("modelCount", [], null, cancellationToken).ConfigureAwait(false))[0]).U0;
            if (options.ModelId == 0 || options.ModelId > count)
            {
                throw new ConfigException($"model {options.ModelId} does not exist on chain {chainId} ({count} models registered).");
            }

            UsageReceiptBook book;
            try
            {
                book = UsageReceiptBook.Open(options.ReceiptsPath, chainId, options.ModelId, options.HostKey.Address);
            }
            catch (FormatException e)
            {
                throw new ConfigException(e.Message, e);
            }

            ModelHostServer server = new(options, backend, chainId, book, rpc, registry, log);
            bool authorized = (bool)(await registry.CallAsync("isHostAuthorized", [(UInt256)options.ModelId, options.HostKey.Address], null, cancellationToken)
                .ConfigureAwait(false))[0];
            if (!authorized)
            {
                log($"WARNING: host {options.HostKey.Address} is not authorised for model {options.ModelId}: its signed answers to the model's fingerprints are slashable evidence, and settle() will revert.");
            }

            await server.ListenAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            rpc.Dispose();
            throw;
        }
    }

    /// <summary>Stops listening and waits for settlements in flight.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }

        Task[] pending;
        lock (_backgroundLock)
        {
            pending = _background.ToArray();
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        _rpc.Dispose();
    }

    /// <summary>Settles every receipt the chain has not paid yet.</summary>
    public Task<IReadOnlyList<SettlementResult>> SettleAllAsync(CancellationToken cancellationToken = default) =>
        _settler.SettleAsync(Receipts.Snapshot(), cancellationToken);

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            kestrel.Listen(_options.ListenAddress, _options.Port);
        });
        WebApplication app = builder.Build();
        app.MapPost("/invoke", InvokeAsync);
        app.MapGet("/info", InfoAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private Task InfoAsync(HttpContext http) => WriteAsync(http, StatusCodes.Status200OK, new JsonObject
    {
        ["chainId"] = ChainId,
        ["modelId"] = _options.ModelId,
        ["host"] = Host.ToString(),
        ["model"] = _backend.Name,
    });

    private async Task InvokeAsync(HttpContext http)
    {
        InvokeRequest request;
        try
        {
            using JsonDocument document = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted).ConfigureAwait(false);
            request = InvokeRequest.Parse(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException or BadHttpRequestException)
        {
            await Fail(http, StatusCodes.Status400BadRequest, e.Message).ConfigureAwait(false);
            return;
        }

        Hash256 usage = ModelTypedData.UsageDigest(ChainId, SystemContractAddresses.ModelRegistry, _options.ModelId, Host, request.CumulativeCalls);
        if (!ModelTypedData.TryRecover(usage, request.Signature, out Address signer, out string? signatureError))
        {
            await Fail(http, StatusCodes.Status401Unauthorized, "invalid usage signature: " + signatureError).ConfigureAwait(false);
            return;
        }

        if (signer != request.User)
        {
            await Fail(http, StatusCodes.Status401Unauthorized, $"usage signature was made by {signer}, not by {request.User}").ConfigureAwait(false);
            return;
        }

        ulong settled;
        await _admission.WaitAsync(http.RequestAborted).ConfigureAwait(false);
        try
        {
            object[]? access = null;
            for (int attempt = 1; access is null; attempt++)
            {
                try
                {
                    access = await _registry.CallAsync("getAccess", [(UInt256)_options.ModelId, request.User], null, http.RequestAborted).ConfigureAwait(false);
                }
                catch (JsonRpcClientException e) when (attempt < AccessCheckAttempts)
                {
                    // A node busy committing a block can fail one read; the answer is only useful fresh, so retry briefly.
                    _log($"access check for {request.User} failed (attempt {attempt}): {e.Message}");
                    await Task.Delay(100 * attempt, http.RequestAborted).ConfigureAwait(false);
                }
                catch (JsonRpcClientException e)
                {
                    _log($"access check for {request.User} failed: {e.Message}");
                    await Fail(http, StatusCodes.Status502BadGateway, "cannot check access on chain: " + e.Message).ConfigureAwait(false);
                    return;
                }
            }

            UInt256 bought = (UInt256)access[0];
            settled = ((UInt256)access[1]).U0;
            if (bought < request.CumulativeCalls)
            {
                await Fail(http, StatusCodes.Status402PaymentRequired,
                    $"{request.User} bought {bought} calls of model {_options.ModelId}; call {request.CumulativeCalls} is not paid for").ConfigureAwait(false);
                return;
            }

            if (!Receipts.TryRecord(new UsageReceipt(request.User, request.CumulativeCalls, request.Signature), settled, out string? sequenceError))
            {
                await Fail(http, StatusCodes.Status409Conflict, sequenceError!).ConfigureAwait(false);
                return;
            }
        }
        finally
        {
            _admission.Release();
        }

        byte[] output = _backend.Invoke(request.Input);
        Hash256 key = ResponseCommitment.Of(request.Input);
        Hash256 response = ResponseCommitment.Of(output);
        byte[] hostSignature = ModelTypedData.Sign(_options.HostKey,
            ModelTypedData.ResponseDigest(ChainId, SystemContractAddresses.ModelRegistry, _options.ModelId, key, response));
        if (_options.SettleEvery > 0 && request.CumulativeCalls - settled >= _options.SettleEvery)
        {
            SettleInBackground(request.User);
        }

        await WriteAsync(http, StatusCodes.Status200OK, new JsonObject
        {
            ["modelId"] = _options.ModelId,
            ["host"] = Host.ToString(),
            ["user"] = request.User.ToString(),
            ["cumulativeCalls"] = request.CumulativeCalls,
            ["output"] = Hex.ToHexString(output),
            ["key"] = key.ToString(),
            ["response"] = response.ToString(),
            ["signature"] = Hex.ToHexString(hostSignature),
        }).ConfigureAwait(false);
    }

    private void SettleInBackground(Address user)
    {
        Task task = Task.Run(async () =>
        {
            try
            {
                UsageReceipt[] latest = Receipts.Snapshot().Where(r => r.User == user).ToArray();
                foreach (SettlementResult result in await _settler.SettleAsync(latest).ConfigureAwait(false))
                {
                    _log($"settled {result.CumulativeCalls} calls of {result.User}: {result.Amount} wei (tx {result.Transaction})");
                }
            }
            catch (Exception e) when (e is JsonRpcClientException or TimeoutException)
            {
                _log($"settlement for {user} failed: {e.Message}");
            }
        });
        lock (_backgroundLock)
        {
            _background.RemoveAll(static t => t.IsCompleted);
            _background.Add(task);
        }
    }

    private static Task Fail(HttpContext http, int status, string message) => WriteAsync(http, status, new JsonObject { ["error"] = message });

    private static async Task WriteAsync(HttpContext http, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted).ConfigureAwait(false);
    }
}
