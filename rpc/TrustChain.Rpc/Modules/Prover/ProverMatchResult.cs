using System.Text.Json;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Prover;

/// <summary>
/// prover_matchPalm: the existing human sharing the most tags with the candidate (as the chain's enroll will judge it
/// in the next block), the number of shared tags, the chain's dedupMatch and whether enroll would reject a duplicate.
/// </summary>
public sealed record ProverMatchResult(ulong BlockNumber, bool Found, ulong HumanIndex, int Matches, int DedupMatch) : IRpcJsonWritable
{
    public bool Duplicate => Found && Matches >= DedupMatch;

    public void WriteTo(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("blockNumber", RpcHex.EncodeQuantity(BlockNumber));
        writer.WriteBoolean("found", Found);
        if (Found)
        {
            writer.WriteString("humanIndex", RpcHex.EncodeQuantity(HumanIndex));
        }
        else
        {
            writer.WriteNull("humanIndex");
        }

        writer.WriteNumber("matches", Matches);
        writer.WriteNumber("dedupMatch", DedupMatch);
        writer.WriteBoolean("duplicate", Duplicate);
        writer.WriteEndObject();
    }
}
