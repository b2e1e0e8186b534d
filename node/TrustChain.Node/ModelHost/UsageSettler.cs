using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Node.ModelHost;

/// <summary>
/// Sends settle(modelId, user, cumulativeCalls, userSignature) as the host for receipts the chain has not paid yet
/// (count above the user's callsSettled). Settlements are serialised: they share the host's nonce sequence.
/// </summary>
public sealed class UsageSettler
{
    private readonly ContractClient _registry;
    private readonly PrivateKey _host;
    private readonly ulong _modelId;
    private readonly TimeSpan _timeout;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public UsageSettler(ContractClient registry, PrivateKey host, ulong modelId, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(host);
        _registry = registry;
        _host = host;
        _modelId = modelId;
        _timeout = timeout;
    }

    /// <summary>callsSettled of the user's access record on chain.</summary>
    public async Task<ulong> SettledCallsAsync(Address user, CancellationToken cancellationToken = default)
    {
        object[] access = await _registry.CallAsync("getAccess", [(UInt256)_modelId, user], null, cancellationToken).ConfigureAwait(false);
        return ((UInt256)access[1]).U0;
    }

    /// <summary>Settles each receipt that is ahead of the chain; receipts already paid are skipped.</summary>
    public async Task<IReadOnlyList<SettlementResult>> SettleAsync(IEnumerable<UsageReceipt> receipts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        List<SettlementResult> results = [];
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (UsageReceipt receipt in receipts)
            {
                if (receipt.CumulativeCalls <= await SettledCallsAsync(receipt.User, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                ContractReceipt mined = await _registry.SendAsync(_host, "settle",
                    [(UInt256)_modelId, receipt.User, receipt.CumulativeCalls, receipt.Signature], UInt256.Zero, _timeout, cancellationToken).ConfigureAwait(false);
                // UsageSettled(modelId, user, host indexed; cumulativeCalls, amount): amount is the second data word.
                byte[] data = _registry.FindEvent(mined, "UsageSettled").Data;
                results.Add(new SettlementResult(receipt.User, receipt.CumulativeCalls, new UInt256(data.AsSpan(32, 32)), mined.Hash));
            }
        }
        finally
        {
            _gate.Release();
        }

        return results;
    }
}
