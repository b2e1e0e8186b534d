using System.Text.Json;
using TrustChain.Core;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Prover;

/// <summary>The prover's evaluations, in request order, with its committee index and the operator it served.</summary>
public sealed record ProverOprfResponse(int Member, Address Operator, IReadOnlyList<ProverOprfEvaluation> Evaluations) : IRpcJsonWritable
{
    public void WriteTo(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("member", Member);
        writer.WriteString("operator", Operator.ToString());
        writer.WriteStartArray("evaluations");
        foreach (ProverOprfEvaluation evaluation in Evaluations)
        {
            writer.WriteStartObject();
            writer.WriteString("element", RpcHex.EncodeBytes(evaluation.Element));
            writer.WriteString("proof", RpcHex.EncodeBytes(evaluation.Proof));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
