using System.Net;
using TrustChain.Core.Crypto;

namespace TrustChain.Node.ModelHost;

/// <summary>What `trustchain model serve` runs with.</summary>
public sealed class ModelHostOptions
{
    public required Uri Rpc { get; init; }

    public required ulong ModelId { get; init; }

    /// <summary>Signs every response (Response typed data) and the settle transactions.</summary>
    public required PrivateKey HostKey { get; init; }

    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>0 picks a free port; <see cref="ModelHostServer.Url"/> tells which.</summary>
    public int Port { get; init; }

    /// <summary>Receipt book file (null: receipts are kept in memory only).</summary>
    public string? ReceiptsPath { get; init; }

    /// <summary>Settle a user's receipts once this many of its calls are unsettled (0: only `trustchain model settle`).</summary>
    public ulong SettleEvery { get; init; }

    public TimeSpan TransactionTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
