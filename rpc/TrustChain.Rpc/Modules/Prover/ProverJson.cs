using System.Text.Json;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Prover;

/// <summary>
/// JSON shapes of the prover_* arguments. A proof object is {depth, root, nullifier, message, scope, points[8]} with
/// each number a decimal or 0x string (what Semaphore's generateProof and ethers give), as verifyHuman takes them.
/// </summary>
public static class ProverJson
{
    public static HumanProof ReadProof(JsonElement element, int argument)
    {
        RequireObject(element, argument);
        JsonElement points = Property(element, "points", argument);
        if (points.ValueKind != JsonValueKind.Array || points.GetArrayLength() != 8)
        {
            throw RpcException.InvalidArgument(argument, "points must be an array of 8 numbers (packed Semaphore order)");
        }

        UInt256[] packed = new UInt256[8];
        int i = 0;
        foreach (JsonElement point in points.EnumerateArray())
        {
            packed[i] = Number(point, $"points[{i}]", argument);
            i++;
        }

        return new HumanProof(
            Number(Property(element, "depth", argument), "depth", argument),
            Number(Property(element, "root", argument), "root", argument),
            Number(Property(element, "nullifier", argument), "nullifier", argument),
            Number(Property(element, "message", argument), "message", argument),
            Number(Property(element, "scope", argument), "scope", argument),
            packed);
    }

    public static void WriteProofFields(Utf8JsonWriter writer, HumanProof proof)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(proof);
        writer.WriteString("depth", proof.Depth.ToString());
        writer.WriteString("root", proof.Root.ToString());
        writer.WriteString("nullifier", proof.Nullifier.ToString());
        writer.WriteString("message", proof.Message.ToString());
        writer.WriteString("scope", proof.Scope.ToString());
        writer.WriteStartArray("points");
        foreach (UInt256 point in proof.Points)
        {
            writer.WriteStringValue(point.ToString());
        }

        writer.WriteEndArray();
    }

    public static ProverOprfRequest ReadOprfRequest(JsonElement element, int argument)
    {
        RequireObject(element, argument);
        JsonElement expiry = Property(element, "expiry", argument);
        if (expiry.ValueKind != JsonValueKind.String || !RpcHex.TryDecodeQuantity(expiry.GetString(), out ulong expirySeconds, out _))
        {
            throw RpcException.InvalidArgument(argument, "expiry must be a hex quantity (unix seconds)");
        }

        JsonElement elements = Property(element, "elements", argument);
        if (elements.ValueKind != JsonValueKind.Array || elements.GetArrayLength() == 0)
        {
            throw RpcException.InvalidArgument(argument, "elements must be a non-empty array of 64-byte blinded points");
        }

        List<byte[]> points = new(elements.GetArrayLength());
        foreach (JsonElement point in elements.EnumerateArray())
        {
            points.Add(Bytes(point, $"elements[{points.Count}]", ProverOprfRequest.ElementLength, argument));
        }

        byte[] signature = element.TryGetProperty("signature", out JsonElement sig) && sig.ValueKind == JsonValueKind.String
            ? Bytes(sig, "signature", ProverOprfRequest.SignatureLength, argument)
            : throw new RpcException(ProverErrorCodes.Unauthorized, "unsigned request: prover_evaluateOprf needs an enrolment operator's signature");
        return new ProverOprfRequest(expirySeconds, points, signature);
    }

    public static Hash256[] ReadTags(JsonElement element, int argument)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw RpcException.InvalidArgument(argument, "tags must be an array of 32-byte hex strings");
        }

        Hash256[] tags = new Hash256[element.GetArrayLength()];
        int i = 0;
        foreach (JsonElement tag in element.EnumerateArray())
        {
            tags[i] = new Hash256(Bytes(tag, $"tags[{i}]", 32, argument));
            i++;
        }

        return tags;
    }

    public static ProverMembershipRequest ReadMembershipRequest(JsonElement element, int argument)
    {
        RequireObject(element, argument);
        byte[] secret = Bytes(Property(element, "identitySecret", argument), "identitySecret", 32, argument);
        return new ProverMembershipRequest(secret,
            Number(Property(element, "message", argument), "message", argument),
            Number(Property(element, "scope", argument), "scope", argument));
    }

    private static void RequireObject(JsonElement element, int argument)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw RpcException.InvalidArgument(argument, "expected an object");
        }
    }

    private static JsonElement Property(JsonElement element, string name, int argument) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw RpcException.InvalidArgument(argument, $"missing field {name}");

    private static UInt256 Number(JsonElement element, string name, int argument)
    {
        string? text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            _ => null,
        };
        return text is not null && UInt256.TryParse(text, out UInt256 value)
            ? value
            : throw RpcException.InvalidArgument(argument, $"{name} must be a decimal or 0x number below 2^256");
    }

    private static byte[] Bytes(JsonElement element, string name, int length, int argument)
    {
        if (element.ValueKind != JsonValueKind.String || !RpcHex.TryDecodeBytes(element.GetString(), out byte[] bytes, out _))
        {
            throw RpcException.InvalidArgument(argument, $"{name} must be 0x-prefixed hex");
        }

        return bytes.Length == length ? bytes : throw RpcException.InvalidArgument(argument, $"{name} must be {length} bytes, got {bytes.Length}");
    }
}
