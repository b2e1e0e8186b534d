namespace TrustChain.Rpc.Docs;

/// <summary>The eth_ namespace (Modules/Eth): Ethereum's wallet and explorer methods, shapes as in the execution-apis schemas.</summary>
public static class EthRpcDocs
{
    private const string BlockTag =
        "a block number (QUANTITY), a tag (\"latest\", \"safe\", \"finalized\" — all the same block, finality is immediate — \"earliest\", \"pending\") or an EIP-1898 object {blockHash} / {blockNumber}";

    private const string UnknownBlock = "An unknown block number or hash is the error -32000 \"header not found\".";

    private static readonly RpcParamDoc Address = new("address", "DATA, 20 bytes", "the account or system-contract address");
    private static readonly RpcParamDoc Block = new("block", "Block", BlockTag);
    private static readonly RpcParamDoc OptionalBlock = new("block", "Block", BlockTag + "; default \"latest\"", Optional: true);
    private static readonly RpcParamDoc BlockNumber = new("block", "QUANTITY|TAG", "a block number or tag (\"latest\", \"earliest\", \"pending\", …)");
    private static readonly RpcParamDoc BlockHash = new("blockHash", "DATA, 32 bytes", "the block's hash");
    private static readonly RpcParamDoc FullTransactions = new("fullTransactions", "boolean", "true: transaction objects; false: transaction hashes");
    private static readonly RpcParamDoc Index = new("index", "QUANTITY", "the position in the block, from 0");
    private static readonly RpcParamDoc TxHash = new("transactionHash", "DATA, 32 bytes", "the transaction's hash");
    private static readonly RpcParamDoc FilterId = new("filterId", "QUANTITY", "the id returned by eth_newFilter, eth_newBlockFilter or eth_newPendingTransactionFilter");

    private static readonly RpcParamDoc CallObject = new("transaction", "Object",
        "the call: from (default the zero address), to, gas, gasPrice or maxFeePerGas/maxPriorityFeePerGas, value, data (or input). " +
        "`to` a system contract runs it natively; `to` any other address with non-empty data fails (there is no EVM)");

    private static readonly RpcParamDoc LogFilter = new("filter", "Object",
        "fromBlock, toBlock (block numbers or tags, default \"latest\"), or blockHash instead of both; address (one or an array); " +
        "topics (up to 4 positions, each null, a topic or an array of alternatives). At most 10,000 blocks per query");

    public static IReadOnlyList<RpcMethodDoc> All { get; } =
    [
        new("eth_chainId", "The chain id transactions must be signed for (EIP-155), from genesis.json.", [], "QUANTITY: the chain id (the dev chain is 0x1cbd = 7357).", "[]"),
        new("eth_blockNumber", "The number of the head block.", [], "QUANTITY: the head block number.", "[]"),
        new("eth_syncing", "Whether the node is catching up. Block sync is reported by /health; this method answers as a synced node does.", [], "false.", "[]"),
        new("eth_accounts", "The accounts the node can sign for. The node holds no user keys.", [], "Array of DATA: always empty.", "[]"),
        new("eth_mining", "Whether the node mines. There is no proof of work.", [], "false.", "[]"),
        new("eth_hashrate", "The proof-of-work hash rate. There is no proof of work.", [], "QUANTITY: 0x0.", "[]"),
        new("eth_gasPrice", "A legacy gas price that gets a transaction into the next block: the head's base fee plus the suggested tip.", [], "QUANTITY: wei per gas.", "[]"),
        new("eth_maxPriorityFeePerGas", "The suggested EIP-1559 tip, from the tips paid in recent blocks.", [], "QUANTITY: wei per gas.", "[]"),
        new("eth_feeHistory", "Base fees, gas-used ratios and tip percentiles of a range of recent blocks, as geth returns them.",
            [
                new("blockCount", "QUANTITY", "how many blocks, ending at newestBlock (hex, decimal string or JSON number; at most 1024)"),
                new("newestBlock", "QUANTITY|TAG", "the last block of the range"),
                new("rewardPercentiles", "Array of numbers", "increasing percentiles (0–100) of the tips to report per block", Optional: true),
            ],
            "Object: oldestBlock, baseFeePerGas (one more entry than blocks: the next block's), gasUsedRatio, reward (when percentiles were given).",
            "[\"0x2\", \"latest\", [25, 75]]"),
        new("eth_getBalance", "An account's balance.", [Address, Block], "QUANTITY: the balance in wei. " + UnknownBlock, "[\"$account\", \"latest\"]"),
        new("eth_getTransactionCount", "An account's nonce: transactions sent, or with \"pending\" also those waiting in the mempool.", [Address, Block],
            "QUANTITY: the next nonce to use. " + UnknownBlock, "[\"$account\", \"pending\"]"),
        new("eth_getCode", "The code at an address. System contracts report a fixed marker so tools treat them as contracts; plain accounts have none.", [Address, Block],
            "DATA: the marker bytes for a system contract, \"0x\" otherwise. " + UnknownBlock, "[\"0x0000000000000000000000000000000000001000\", \"latest\"]"),
        new("eth_getStorageAt", "A raw 32-byte storage word of an account (system contracts keep their state in storage words).",
            [Address, new("slot", "QUANTITY", "the storage slot"), Block], "DATA, 32 bytes: the word, zero when unset. " + UnknownBlock,
            "[\"0x0000000000000000000000000000000000001000\", \"0x0\", \"latest\"]"),
        new("eth_call", "Runs a call against the state of a block without making a transaction; how views of the system contracts are read.", [CallObject, OptionalBlock],
            "DATA: the return data. A revert is the error 3 \"execution reverted: REASON\" with the revert data in `data`. State overrides (a third argument) are not supported.",
            "[{\"to\": \"0x0000000000000000000000000000000000001000\", \"data\": \"0x76e334f90000000000000000000000000000000000000000000000000000000000000000\"}, \"latest\"]"),
        new("eth_estimateGas", "The gas a transaction would use: system-contract prices are fixed, so the estimate is exact.", [CallObject, OptionalBlock],
            "QUANTITY: gas. A call that reverts is the error 3 with its reason.",
            "[{\"from\": \"$account\", \"to\": \"$recipient\", \"value\": \"0xde0b6b3a7640000\"}]"),
        new("eth_sendRawTransaction", "Submits a signed transaction (legacy with EIP-155 or EIP-1559, RLP-encoded) to the mempool.",
            [new("signedTransaction", "DATA", "the signed transaction's encoding")],
            "DATA, 32 bytes: the transaction hash. Refusals use geth's messages (\"nonce too low\", \"insufficient funds for gas * price + value\", \"transaction underpriced\", \"invalid chain id\", …) with code -32000.",
            "[\"$rawTx\"]"),
        new("eth_getTransactionByHash", "A transaction, mined or pending.", [TxHash],
            "Object: the transaction with blockHash, blockNumber, transactionIndex (null while pending), from, and the signature fields; null when unknown.", "[\"$txHash\"]"),
        new("eth_getTransactionByBlockHashAndIndex", "A transaction by its block and position.", [BlockHash, Index],
            "Object as eth_getTransactionByHash; null when the block or index does not exist.", "[\"$blockHash\", \"0x0\"]"),
        new("eth_getTransactionByBlockNumberAndIndex", "A transaction by its block and position.", [BlockNumber, Index],
            "Object as eth_getTransactionByHash; null when the block or index does not exist.", "[\"$blockNumber\", \"0x0\"]"),
        new("eth_getTransactionReceipt", "The receipt of a mined transaction.", [TxHash],
            "Object: status (0x1 success, 0x0 reverted), gasUsed, cumulativeGasUsed, effectiveGasPrice, logs, logsBloom, contractAddress (null), block fields; null while pending or unknown.",
            "[\"$txHash\"]"),
        new("eth_getBlockReceipts", "All receipts of a block.", [BlockNumber], "Array of receipt objects; null for an unknown block.", "[\"$blockNumber\"]"),
        new("eth_getBlockByNumber", "A block by number or tag.", [BlockNumber, FullTransactions],
            "Object: the header fields (timestamp in seconds, timestampMs with the header's milliseconds, miner = the proposer, baseFeePerGas, …), size and transactions; null for an unknown block.",
            "[\"$blockNumber\", false]"),
        new("eth_getBlockByHash", "A block by hash.", [BlockHash, FullTransactions], "Object as eth_getBlockByNumber; null for an unknown block.", "[\"$blockHash\", true]"),
        new("eth_getBlockTransactionCountByNumber", "How many transactions a block holds.", [BlockNumber], "QUANTITY; null for an unknown block.", "[\"$blockNumber\"]"),
        new("eth_getBlockTransactionCountByHash", "How many transactions a block holds.", [BlockHash], "QUANTITY; null for an unknown block.", "[\"$blockHash\"]"),
        new("eth_getUncleCountByBlockNumber", "Uncles of a block. Blocks are final, there are no uncles.", [BlockNumber], "QUANTITY 0x0; null for an unknown block.", "[\"$blockNumber\"]"),
        new("eth_getUncleCountByBlockHash", "Uncles of a block. Blocks are final, there are no uncles.", [BlockHash], "QUANTITY 0x0; null for an unknown block.", "[\"$blockHash\"]"),
        new("eth_getUncleByBlockNumberAndIndex", "An uncle of a block. There are none.", [BlockNumber, Index], "null.", "[\"$blockNumber\", \"0x0\"]"),
        new("eth_getUncleByBlockHashAndIndex", "An uncle of a block. There are none.", [BlockHash, Index], "null.", "[\"$blockHash\", \"0x0\"]"),
        new("eth_getLogs", "The logs (system-contract events) matching a filter.", [LogFilter],
            "Array of logs: address, topics, data, blockNumber, blockHash, transactionHash, transactionIndex, logIndex, removed (false). A range over 10,000 blocks or a result over the log limit is an error -32005.",
            "[{\"fromBlock\": \"0x0\", \"toBlock\": \"latest\", \"address\": \"0x0000000000000000000000000000000000001000\"}]"),
        new("eth_newFilter", "Installs a log filter to poll with eth_getFilterChanges. Filters not polled for 5 minutes are removed.", [LogFilter],
            "QUANTITY: the filter id.", "[{\"fromBlock\": \"latest\"}]"),
        new("eth_newBlockFilter", "Installs a filter that reports new block hashes.", [], "QUANTITY: the filter id.", "[]"),
        new("eth_newPendingTransactionFilter", "Installs a filter that reports hashes of transactions entering the mempool.",
            [new("fullTransactions", "boolean", "must be false or absent: polling filters report hashes only", Optional: true)], "QUANTITY: the filter id.", "[]"),
        new("eth_getFilterChanges", "What a filter saw since it was last polled.", [FilterId],
            "Array: logs for log filters, hashes for block and pending-transaction filters. An unknown id is the error -32000 \"filter not found\".", "[\"$filterId\"]"),
        new("eth_getFilterLogs", "Every log matching a log filter's criteria (not only the new ones).", [FilterId],
            "Array of logs. An unknown id, or a block/pending filter, is the error -32000 \"filter not found\".", "[\"$filterId\"]"),
        new("eth_uninstallFilter", "Removes a filter.", [FilterId], "boolean: true when the filter existed.", "[\"$filterId\"]"),
        new("eth_subscribe", "Subscribes to pushed notifications (eth_subscription messages) on this WebSocket connection.",
            [
                new("kind", "string", "\"newHeads\" (headers, geth's shape), \"logs\" (with a filter) or \"newPendingTransactions\""),
                new("options", "Object|boolean", "for logs: {address, topics} as in eth_getLogs; for newPendingTransactions: true for full transactions", Optional: true),
            ],
            "QUANTITY: the subscription id. Over HTTP: the error -32601 \"notifications not supported\"; a per-connection limit applies.",
            "[\"newHeads\"]")
        {
            Availability = RpcAvailability.WebSocketOnly,
        },
        new("eth_unsubscribe", "Cancels a subscription of this connection.", [new("subscriptionId", "QUANTITY", "the id eth_subscribe returned")],
            "true; an unknown id is the error -32000 \"subscription not found\".", "[\"$subscriptionId\"]")
        {
            Availability = RpcAvailability.WebSocketOnly,
        },
    ];
}
