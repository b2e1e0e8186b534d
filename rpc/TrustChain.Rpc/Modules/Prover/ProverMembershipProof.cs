using System.Text.Json;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Prover;

/// <summary>A Semaphore v4 proof ready for verifyHuman (decimal strings, points in the packed order), with the identity's commitment.</summary>
public sealed record ProverMembershipProof(UInt256 Commitment, HumanProof Proof) : IRpcJsonWritable
{
    public void WriteTo(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("commitment", Commitment.ToString());
        ProverJson.WriteProofFields(writer, Proof);
        writer.WriteEndObject();
    }
}
