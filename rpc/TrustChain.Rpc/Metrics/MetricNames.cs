namespace TrustChain.Rpc.Metrics;

/// <summary>Prometheus naming rules and the names of the node's standard metrics.</summary>
public static class MetricNames
{
    public const string HeadBlock = "trustchain_head_block";
    public const string ConsensusRound = "trustchain_consensus_round";
    public const string ConsensusHeight = "trustchain_consensus_height";
    public const string ConsensusStep = "trustchain_consensus_step";
    public const string Peers = "trustchain_peers";
    public const string TxPoolPending = "trustchain_txpool_pending";
    public const string TxPoolQueued = "trustchain_txpool_queued";
    public const string BlocksCommitted = "trustchain_blocks_committed_total";
    public const string TransactionsCommitted = "trustchain_transactions_committed_total";
    public const string BlockProcessingSeconds = "trustchain_block_processing_seconds";
    public const string RpcRequests = "trustchain_rpc_requests_total";
    public const string RpcErrors = "trustchain_rpc_errors_total";
    public const string RpcRequestSeconds = "trustchain_rpc_request_duration_seconds";
    public const string RpcSubscriptions = "trustchain_rpc_subscriptions";
    public const string ProofsVerified = "trustchain_proofs_verified_total";
    public const string ProofsRejected = "trustchain_proofs_rejected_total";
    public const string Enrolments = "trustchain_enrolments_total";
    public const string Erasures = "trustchain_erasures_total";
    public const string Recoveries = "trustchain_recoveries_total";
    public const string CredentialsIssued = "trustchain_credentials_issued_total";
    public const string CredentialsRevoked = "trustchain_credentials_revoked_total";
    public const string CredentialsVerified = "trustchain_credentials_verified_total";
    public const string ModelSettlements = "trustchain_model_settlements_total";
    public const string ProverRequests = "trustchain_prover_requests_total";
    public const string ProverRefusals = "trustchain_prover_refusals_total";
    public const string RocksDbSstBytes = "trustchain_rocksdb_sst_files_bytes";
    public const string RocksDbLiveDataBytes = "trustchain_rocksdb_live_data_bytes";
    public const string RocksDbMemTableBytes = "trustchain_rocksdb_memtables_bytes";

    public static void ValidateMetricName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsValid(name, allowColon: true))
        {
            throw new ArgumentException($"invalid metric name \"{name}\": must match [a-zA-Z_:][a-zA-Z0-9_:]*", nameof(name));
        }
    }

    public static void ValidateLabelName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsValid(name, allowColon: false) || name.StartsWith("__", StringComparison.Ordinal) || name == "le")
        {
            throw new ArgumentException($"invalid label name \"{name}\": must match [a-zA-Z_][a-zA-Z0-9_]*, not start with __ and not be \"le\"", nameof(name));
        }
    }

    private static bool IsValid(string name, bool allowColon)
    {
        if (name.Length == 0)
        {
            return false;
        }

        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool ok = char.IsAsciiLetter(c) || c == '_' || (allowColon && c == ':') || (i > 0 && char.IsAsciiDigit(c));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
