using System.Text.Json;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth.Subscriptions;

/// <summary>The newHeads notification: geth's RPCMarshalHeader field set plus TrustChain's header extras.</summary>
public static class HeaderJson
{
    public static void Write(Utf8JsonWriter writer, BlockHeader header)
    {
        writer.WriteStartObject();
        EthJson.WriteQuantity(writer, "baseFeePerGas", header.BaseFeePerGas);
        writer.WriteString("difficulty", "0x0");
        writer.WriteString("extraData", "0x");
        EthJson.WriteQuantity(writer, "gasLimit", header.GasLimit);
        EthJson.WriteQuantity(writer, "gasUsed", header.GasUsed);
        EthJson.WriteHash(writer, "hash", header.Hash);
        writer.WriteString("logsBloom", RpcHex.EncodeBytes(header.LogsBloom.Bytes));
        EthJson.WriteAddress(writer, "miner", header.Proposer);
        EthJson.WriteHash(writer, "mixHash", Hash256.Zero);
        writer.WriteString("nonce", "0x0000000000000000");
        EthJson.WriteQuantity(writer, "number", header.Number);
        EthJson.WriteHash(writer, "parentHash", header.ParentHash);
        EthJson.WriteHash(writer, "receiptsRoot", header.ReceiptsRoot);
        EthJson.WriteHash(writer, "sha3Uncles", EthJson.EmptyUnclesHash);
        EthJson.WriteHash(writer, "stateRoot", header.StateRoot);
        // Seconds like every Ethereum client; the header's milliseconds go in timestampMs, as in blocks.
        EthJson.WriteQuantity(writer, "timestamp", header.Timestamp / 1000);
        EthJson.WriteQuantity(writer, "timestampMs", header.Timestamp);
        EthJson.WriteHash(writer, "transactionsRoot", header.TransactionsRoot);
        EthJson.WriteHash(writer, "humanSetRoot", header.HumanSetRoot);
        EthJson.WriteHash(writer, "validatorsHash", header.ValidatorsHash);
        EthJson.WriteHash(writer, "nextValidatorsHash", header.NextValidatorsHash);
        EthJson.WriteHash(writer, "lastCommitHash", header.LastCommitHash);
        writer.WriteEndObject();
    }
}
