using System.Text.Json;
using TrustChain.Core;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Prover;

/// <summary>prover_info: chain id, this node's committee index, the committee threshold, its public share k_i·G (64 bytes) and its prover account.</summary>
public sealed record ProverInfo(ulong ChainId, int Member, int Threshold, byte[] PublicShare, Address Prover) : IRpcJsonWritable
{
    public void WriteTo(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("chainId", RpcHex.EncodeQuantity(ChainId));
        writer.WriteNumber("member", Member);
        writer.WriteNumber("threshold", Threshold);
        writer.WriteString("publicShare", RpcHex.EncodeBytes(PublicShare));
        writer.WriteString("prover", Prover.ToString());
        writer.WriteEndObject();
    }
}
