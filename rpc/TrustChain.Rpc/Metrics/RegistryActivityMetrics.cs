using TrustChain.Chain.Abi;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;

namespace TrustChain.Rpc.Metrics;

/// <summary>
/// Counts registry activity from committed blocks: each receipt log whose emitter and topic0 match one of the
/// registries' declared events (the same <see cref="AbiEvent"/>s the contracts emit, so names and hashes cannot
/// drift), plus failed human-proof verifications (reverted verifyHuman calls, which leave no log).
/// </summary>
public sealed class RegistryActivityMetrics
{
    private static readonly Lazy<AbiSelector> VerifyHumanSelector = new(static () => new HumanRegistryContract(
        new HumanRegistryState(ChainParameters.Default, new HumanVerificationKeys()), new StakingState(ChainParameters.Default))
        .Abi.GetFunction("verifyHuman").Selector);

    private readonly EventCounter[] _counters;

    public RegistryActivityMetrics(MetricsRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Enrolments = registry.Counter(MetricNames.Enrolments, "Human ID enrolments committed (HumanEnrolled events).");
        Erasures = registry.Counter(MetricNames.Erasures, "Human IDs erased by their owners (IdentityDeleted events).");
        Recoveries = registry.Counter(MetricNames.Recoveries, "Human ID recoveries executed (RecoveryExecuted events).");
        ProofsVerified = registry.Counter(MetricNames.ProofsVerified, "Proofs of unique humanity accepted on chain (HumanVerified events).");
        ProofsRejected = registry.Counter(MetricNames.ProofsRejected, "verifyHuman transactions that reverted (invalid proof, reused nullifier, unknown root, fee).");
        CredentialsIssued = registry.Counter(MetricNames.CredentialsIssued, "Credentials issued (CredentialIssued events).");
        CredentialsRevoked = registry.Counter(MetricNames.CredentialsRevoked, "Credentials revoked (CredentialRevoked events).");
        CredentialsVerified = registry.Counter(MetricNames.CredentialsVerified, "Paid credential verifications (CredentialVerified events).");
        ModelSettlements = registry.Counter(MetricNames.ModelSettlements, "Model usage settlements paid out of escrow (UsageSettled events).");
        _counters =
        [
            new(SystemContractAddresses.HumanRegistry, HumanRegistryEvents.HumanEnrolled.Topic0, Enrolments),
            new(SystemContractAddresses.HumanRegistry, HumanRegistryEvents.IdentityDeleted.Topic0, Erasures),
            new(SystemContractAddresses.HumanRegistry, HumanRegistryEvents.RecoveryExecuted.Topic0, Recoveries),
            new(SystemContractAddresses.HumanRegistry, HumanRegistryEvents.HumanVerified.Topic0, ProofsVerified),
            new(SystemContractAddresses.CredentialRegistry, CredentialEvents.CredentialIssued.Topic0, CredentialsIssued),
            new(SystemContractAddresses.CredentialRegistry, CredentialEvents.CredentialRevoked.Topic0, CredentialsRevoked),
            new(SystemContractAddresses.CredentialRegistry, CredentialEvents.CredentialVerified.Topic0, CredentialsVerified),
            new(SystemContractAddresses.ModelRegistry, ModelEvents.UsageSettled.Topic0, ModelSettlements),
        ];
    }

    public Counter Enrolments { get; }

    public Counter Erasures { get; }

    public Counter Recoveries { get; }

    public Counter ProofsVerified { get; }

    public Counter ProofsRejected { get; }

    public Counter CredentialsIssued { get; }

    public Counter CredentialsRevoked { get; }

    public Counter CredentialsVerified { get; }

    public Counter ModelSettlements { get; }

    /// <summary>Counts one committed block; <paramref name="receipts"/> are its receipts in transaction order.</summary>
    public void Observe(Block block, IReadOnlyList<TxReceipt> receipts)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(receipts);
        IReadOnlyList<Transaction> transactions = block.Transactions;
        for (int i = 0; i < receipts.Count; i++)
        {
            TxReceipt receipt = receipts[i];
            if (!receipt.Succeeded)
            {
                // A reverted transaction's logs are discarded; only its call data says it was a verification.
                if (i < transactions.Count && IsVerifyHumanCall(transactions[i]))
                {
                    ProofsRejected.Increment();
                }

                continue;
            }

            IReadOnlyList<LogEntry> logs = receipt.Logs;
            for (int l = 0; l < logs.Count; l++)
            {
                Count(logs[l]);
            }
        }
    }

    private static bool IsVerifyHumanCall(Transaction transaction) =>
        transaction.To is { } to && to == SystemContractAddresses.HumanRegistry
        && AbiSelector.TryRead(transaction.Data, out AbiSelector selector) && selector == VerifyHumanSelector.Value;

    private void Count(LogEntry log)
    {
        if (log.Topics.Count == 0)
        {
            return;
        }

        Hash256 topic0 = log.Topics[0];
        EventCounter[] counters = _counters;
        for (int c = 0; c < counters.Length; c++)
        {
            if (counters[c].Topic0 == topic0 && counters[c].Emitter == log.Address)
            {
                counters[c].Counter.Increment();
                return;
            }
        }
    }

    private readonly record struct EventCounter(Address Emitter, Hash256 Topic0, Counter Counter);
}
