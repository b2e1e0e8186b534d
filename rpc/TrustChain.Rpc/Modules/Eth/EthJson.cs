using System.Text.Json;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth;

/// <summary>
/// Ethereum JSON-RPC shapes (execution-apis schemas, field order as geth writes them): minimal hex quantities,
/// lowercase hex addresses, zero-padded hashes, null block fields for pending transactions.
/// </summary>
public static class EthJson
{
    /// <summary>keccak(rlp([])): the uncles hash of a block without uncles.</summary>
    public static readonly Hash256 EmptyUnclesHash = Keccak256.Compute([0xC0]);

    public static void WriteQuantity(Utf8JsonWriter writer, string name, ulong value) => writer.WriteString(name, RpcHex.EncodeQuantity(value));

    public static void WriteQuantity(Utf8JsonWriter writer, string name, in UInt256 value) => writer.WriteString(name, Quantity(value));

    public static void WriteAddress(Utf8JsonWriter writer, string name, Address? address)
    {
        if (address is { } a)
        {
            writer.WriteString(name, RpcHex.EncodeBytes(a.Bytes));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void WriteHash(Utf8JsonWriter writer, string name, in Hash256 hash) => writer.WriteString(name, RpcHex.EncodeBytes(hash.Bytes));

    public static string Quantity(in UInt256 value)
    {
        Span<byte> bytes = stackalloc byte[32];
        value.ToBigEndian(bytes);
        return RpcHex.EncodeQuantity(bytes);
    }

    public static string AddressHex(in Address address) => RpcHex.EncodeBytes(address.Bytes);

    public static string HashHex(in Hash256 hash) => RpcHex.EncodeBytes(hash.Bytes);

    /// <summary>A block (geth RPCMarshalBlock) plus TrustChain's header extras; transactions as hashes or full objects.</summary>
    public static void WriteBlock(Utf8JsonWriter writer, Block block, bool fullTransactions)
    {
        BlockHeader header = block.Header;
        Hash256 hash = header.Hash;
        writer.WriteStartObject();
        WriteQuantity(writer, "baseFeePerGas", header.BaseFeePerGas);
        writer.WriteString("difficulty", "0x0");
        // The header carries no extra data field; the genesis extraData only seeds the spec.
        writer.WriteString("extraData", "0x");
        WriteQuantity(writer, "gasLimit", header.GasLimit);
        WriteQuantity(writer, "gasUsed", header.GasUsed);
        WriteHash(writer, "hash", hash);
        writer.WriteString("logsBloom", RpcHex.EncodeBytes(header.LogsBloom.Bytes));
        WriteAddress(writer, "miner", header.Proposer);
        WriteHash(writer, "mixHash", Hash256.Zero);
        writer.WriteString("nonce", "0x0000000000000000");
        WriteQuantity(writer, "number", header.Number);
        WriteHash(writer, "parentHash", header.ParentHash);
        WriteHash(writer, "receiptsRoot", header.ReceiptsRoot);
        WriteHash(writer, "sha3Uncles", EmptyUnclesHash);
        WriteQuantity(writer, "size", (ulong)BlockEncoder.Encode(block).Length);
        WriteHash(writer, "stateRoot", header.StateRoot);
        // Wallets and ethers expect seconds; the header keeps milliseconds, exposed separately.
        WriteQuantity(writer, "timestamp", header.Timestamp / 1000);
        WriteQuantity(writer, "timestampMs", header.Timestamp);
        writer.WriteString("totalDifficulty", "0x0");
        writer.WriteStartArray("transactions");
        IReadOnlyList<Transaction> txs = block.Transactions;
        for (int i = 0; i < txs.Count; i++)
        {
            if (fullTransactions)
            {
                WriteTransaction(writer, txs[i], new TransactionPosition(hash, header.Number, i, header.BaseFeePerGas));
            }
            else
            {
                writer.WriteStringValue(HashHex(txs[i].Hash));
            }
        }

        writer.WriteEndArray();
        WriteHash(writer, "transactionsRoot", header.TransactionsRoot);
        writer.WriteStartArray("uncles");
        writer.WriteEndArray();
        WriteHash(writer, "humanSetRoot", header.HumanSetRoot);
        WriteHash(writer, "validatorsHash", header.ValidatorsHash);
        WriteHash(writer, "nextValidatorsHash", header.NextValidatorsHash);
        WriteHash(writer, "lastCommitHash", header.LastCommitHash);
        writer.WriteEndObject();
    }

    /// <summary>geth RPCTransaction. <paramref name="position"/> null = pending (null block fields, gasPrice = fee cap).</summary>
    public static void WriteTransaction(Utf8JsonWriter writer, Transaction tx, TransactionPosition? position)
    {
        writer.WriteStartObject();
        if (position is { } at)
        {
            WriteHash(writer, "blockHash", at.BlockHash);
            WriteQuantity(writer, "blockNumber", at.BlockNumber);
        }
        else
        {
            writer.WriteNull("blockHash");
            writer.WriteNull("blockNumber");
        }

        WriteAddress(writer, "from", tx.Sender);
        WriteQuantity(writer, "gas", tx.GasLimit);
        bool dynamicFee = tx.Type == TxType.Eip1559;
        UInt256 gasPrice = dynamicFee && position is { } mined ? tx.EffectiveGasPrice(mined.BaseFee) : tx.FeeCap;
        WriteQuantity(writer, "gasPrice", gasPrice);
        if (dynamicFee)
        {
            WriteQuantity(writer, "maxFeePerGas", tx.MaxFeePerGas);
            WriteQuantity(writer, "maxPriorityFeePerGas", tx.MaxPriorityFeePerGas);
        }

        WriteHash(writer, "hash", tx.Hash);
        writer.WriteString("input", RpcHex.EncodeBytes(tx.Data));
        WriteQuantity(writer, "nonce", tx.Nonce);
        WriteAddress(writer, "to", tx.To);
        if (position is { } p)
        {
            WriteQuantity(writer, "transactionIndex", (ulong)p.Index);
        }
        else
        {
            writer.WriteNull("transactionIndex");
        }

        WriteQuantity(writer, "value", tx.Value);
        WriteQuantity(writer, "type", (ulong)tx.Type);
        if (tx.Type != TxType.Legacy)
        {
            WriteAccessList(writer, tx.AccessList);
        }

        if (tx.ChainId is { } chainId)
        {
            WriteQuantity(writer, "chainId", chainId);
        }

        WriteQuantity(writer, "v", tx.V);
        WriteQuantity(writer, "r", tx.R);
        WriteQuantity(writer, "s", tx.S);
        if (tx.Type != TxType.Legacy)
        {
            WriteQuantity(writer, "yParity", tx.V);
        }

        writer.WriteEndObject();
    }

    /// <summary>geth MarshalReceipt; <paramref name="firstLogIndex"/> is the block-wide index of the receipt's first log.</summary>
    public static void WriteReceipt(Utf8JsonWriter writer, TxReceipt receipt, int firstLogIndex)
    {
        writer.WriteStartObject();
        WriteHash(writer, "blockHash", receipt.BlockHash);
        WriteQuantity(writer, "blockNumber", receipt.BlockNumber);
        WriteAddress(writer, "contractAddress", receipt.ContractAddress);
        WriteQuantity(writer, "cumulativeGasUsed", receipt.CumulativeGasUsed);
        WriteQuantity(writer, "effectiveGasPrice", receipt.EffectiveGasPrice);
        WriteAddress(writer, "from", receipt.Sender);
        WriteQuantity(writer, "gasUsed", receipt.GasUsed);
        writer.WriteStartArray("logs");
        IReadOnlyList<LogEntry> logs = receipt.Logs;
        for (int i = 0; i < logs.Count; i++)
        {
            WriteLog(writer, logs[i], receipt.BlockHash, receipt.BlockNumber, receipt.TxHash, receipt.TxIndex, firstLogIndex + i);
        }

        writer.WriteEndArray();
        writer.WriteString("logsBloom", RpcHex.EncodeBytes(receipt.Bloom.Bytes));
        WriteQuantity(writer, "status", receipt.StatusCode);
        WriteAddress(writer, "to", receipt.Recipient);
        WriteHash(writer, "transactionHash", receipt.TxHash);
        WriteQuantity(writer, "transactionIndex", (ulong)receipt.TxIndex);
        WriteQuantity(writer, "type", (ulong)receipt.TxType);
        writer.WriteEndObject();
    }

    public static void WriteLog(Utf8JsonWriter writer, LogEntry log, in Hash256 blockHash, ulong blockNumber, in Hash256 txHash, int txIndex, int logIndex)
    {
        writer.WriteStartObject();
        WriteAddress(writer, "address", log.Address);
        writer.WriteStartArray("topics");
        for (int i = 0; i < log.Topics.Count; i++)
        {
            writer.WriteStringValue(HashHex(log.Topics[i]));
        }

        writer.WriteEndArray();
        writer.WriteString("data", RpcHex.EncodeBytes(log.Data));
        WriteQuantity(writer, "blockNumber", blockNumber);
        WriteHash(writer, "transactionHash", txHash);
        WriteQuantity(writer, "transactionIndex", (ulong)txIndex);
        WriteHash(writer, "blockHash", blockHash);
        WriteQuantity(writer, "logIndex", (ulong)logIndex);
        writer.WriteBoolean("removed", false);
        writer.WriteEndObject();
    }

    private static void WriteAccessList(Utf8JsonWriter writer, IReadOnlyList<AccessListItem> accessList)
    {
        writer.WriteStartArray("accessList");
        for (int i = 0; i < accessList.Count; i++)
        {
            writer.WriteStartObject();
            WriteAddress(writer, "address", accessList[i].Address);
            writer.WriteStartArray("storageKeys");
            IReadOnlyList<Hash256> keys = accessList[i].StorageKeys;
            for (int k = 0; k < keys.Count; k++)
            {
                writer.WriteStringValue(HashHex(keys[k]));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
