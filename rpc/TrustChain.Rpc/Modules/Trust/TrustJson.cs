using System.Text.Json;
using TrustChain.Chain.State;
using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Modules.Eth;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.LeanImt;

namespace TrustChain.Rpc.Modules.Trust;

/// <summary>
/// JSON shapes of the trust_ results. Semaphore field elements (commitments, roots, siblings, nullifiers, scopes) are
/// decimal strings, as @semaphore-protocol and @zk-kit/lean-imt print them; chain quantities (indexes, block numbers,
/// wei) are minimal 0x-hex like eth_; addresses and 32-byte words are lowercase 0x-hex.
/// </summary>
public static class TrustJson
{
    /// <summary>@zk-kit/lean-imt's proof exactly: {root, leaf, index, siblings}; index is a JSON number.</summary>
    public static void WriteMerkleProof(Utf8JsonWriter writer, LeanImtProof proof)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(proof);
        writer.WriteStartObject();
        writer.WriteString("root", proof.Root.ToString());
        writer.WriteString("leaf", proof.Leaf.ToString());
        writer.WriteNumber("index", proof.Index);
        writer.WriteStartArray("siblings");
        foreach (Fr sibling in proof.Siblings)
        {
            writer.WriteStringValue(sibling.ToString());
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteHuman(Utf8JsonWriter writer, HumanRecord human)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(human);
        writer.WriteStartObject();
        EthJson.WriteQuantity(writer, "index", human.Index);
        writer.WriteString("commitment", human.Commitment.ToString());
        EthJson.WriteAddress(writer, "operator", human.Operator);
        EthJson.WriteQuantity(writer, "enrolledBlock", human.EnrolledBlock);
        EthJson.WriteQuantity(writer, "deletedBlock", human.DeletedBlock);
        writer.WriteBoolean("deleted", human.IsDeleted);
        writer.WriteEndObject();
    }

    public static void WriteRootHistoryEntry(Utf8JsonWriter writer, in RootHistoryEntry entry, ulong historyBlocks)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("root", entry.Root.ToString());
        writer.WriteBoolean("current", entry.IsCurrent);
        if (entry.IsCurrent)
        {
            writer.WriteNull("lastCurrentBlock");
            writer.WriteNull("validUntilBlock");
        }
        else
        {
            EthJson.WriteQuantity(writer, "lastCurrentBlock", entry.LastCurrentBlock);
            EthJson.WriteQuantity(writer, "validUntilBlock", entry.LastCurrentBlock + historyBlocks);
        }

        writer.WriteEndObject();
    }

    /// <summary>The state map's proof (DESIGN §3.3), with the RLP form a light client decodes with StateProof.Decode.</summary>
    public static void WriteStateProof(Utf8JsonWriter writer, StateProof proof, in Hash256 stateRoot, ulong blockNumber, in Hash256 blockHash)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(proof);
        writer.WriteStartObject();
        EthJson.WriteHash(writer, "key", proof.Key);
        writer.WriteBoolean("inclusion", proof.IsInclusion);
        if (proof.Value is { } value)
        {
            writer.WriteString("value", RpcHex.EncodeBytes(value));
        }
        else
        {
            writer.WriteNull("value");
        }

        writer.WriteStartArray("siblings");
        foreach (Hash256 sibling in proof.Siblings)
        {
            writer.WriteStringValue(EthJson.HashHex(sibling));
        }

        writer.WriteEndArray();
        WriteOptionalHash(writer, "otherLeafKey", proof.OtherLeafKey);
        WriteOptionalHash(writer, "otherLeafValueHash", proof.OtherLeafValueHash);
        EthJson.WriteHash(writer, "stateRoot", stateRoot);
        EthJson.WriteQuantity(writer, "blockNumber", blockNumber);
        EthJson.WriteHash(writer, "blockHash", blockHash);
        writer.WriteString("rlp", RpcHex.EncodeBytes(proof.Encode()));
        writer.WriteEndObject();
    }

    public static void WriteValidator(Utf8JsonWriter writer, ActiveValidator validator)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(validator);
        writer.WriteStartObject();
        EthJson.WriteAddress(writer, "address", validator.Address);
        writer.WriteString("consensusPublicKey", RpcHex.EncodeBytes(validator.ConsensusPublicKey));
        EthJson.WriteQuantity(writer, "stake", validator.Stake);
        writer.WriteEndObject();
    }

    public static void WriteSchema(Utf8JsonWriter writer, SchemaRecord schema)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(schema);
        writer.WriteStartObject();
        EthJson.WriteHash(writer, "uid", schema.Uid);
        EthJson.WriteAddress(writer, "registrant", schema.Registrant);
        writer.WriteBoolean("revocable", schema.Revocable);
        writer.WriteString("schema", schema.Schema);
        EthJson.WriteQuantity(writer, "registeredBlock", schema.RegisteredBlock);
        writer.WriteEndObject();
    }

    /// <summary>A credential and its validity at the queried block (status: valid, unknown, revoked, expired, issuerInactive, issuerSlashed).</summary>
    public static void WriteCredential(Utf8JsonWriter writer, in CredentialRecord credential, CredentialStatus status)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        EthJson.WriteHash(writer, "uid", credential.Uid);
        EthJson.WriteHash(writer, "schemaUid", credential.SchemaUid);
        EthJson.WriteAddress(writer, "issuer", credential.Issuer);
        EthJson.WriteAddress(writer, "recipient", credential.Recipient);
        EthJson.WriteHash(writer, "subjectCommitment", credential.SubjectCommitment);
        EthJson.WriteHash(writer, "refUid", credential.RefUid);
        EthJson.WriteHash(writer, "dataHash", credential.DataHash);
        EthJson.WriteQuantity(writer, "expiration", credential.Expiration);
        EthJson.WriteQuantity(writer, "issuedAt", credential.IssuedAt);
        EthJson.WriteQuantity(writer, "issuedBlock", credential.IssuedBlock);
        EthJson.WriteQuantity(writer, "revokedAt", credential.RevokedAt);
        EthJson.WriteQuantity(writer, "revokedBlock", credential.RevokedBlock);
        writer.WriteString("status", CamelCase(status.ToString()));
        writer.WriteBoolean("valid", status == CredentialStatus.Valid);
        writer.WriteEndObject();
    }

    public static void WriteModel(Utf8JsonWriter writer, ModelRecord model)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(model);
        writer.WriteStartObject();
        EthJson.WriteQuantity(writer, "id", model.Id);
        EthJson.WriteAddress(writer, "registrant", model.Registrant);
        EthJson.WriteHash(writer, "weightsHash", model.WeightsHash);
        EthJson.WriteHash(writer, "fingerprintRoot", model.FingerprintRoot);
        EthJson.WriteQuantity(writer, "fingerprintCount", model.FingerprintCount);
        writer.WriteString("uri", model.Uri);
        EthJson.WriteQuantity(writer, "pricePerCall", model.PricePerCall);
        writer.WriteStartArray("owners");
        foreach (ModelOwner owner in model.Owners)
        {
            writer.WriteStartObject();
            EthJson.WriteAddress(writer, "account", owner.Account);
            writer.WriteNumber("bps", owner.Bps);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("hostBps", model.HostBps);
        writer.WriteNumber("validatorBps", model.ValidatorBps);
        writer.WriteBoolean("requireHuman", model.RequireHuman);
        EthJson.WriteQuantity(writer, "registeredAt", model.RegisteredAt);
        writer.WriteString("status", CamelCase(model.Status.ToString()));
        writer.WriteEndObject();
    }

    public static void WriteAccess(Utf8JsonWriter writer, in AccessRecord access)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        EthJson.WriteQuantity(writer, "callsBought", access.CallsBought);
        EthJson.WriteQuantity(writer, "callsSettled", access.CallsSettled);
        EthJson.WriteQuantity(writer, "escrow", access.Escrow);
        EthJson.WriteQuantity(writer, "expiryBlock", access.ExpiryBlock);
        writer.WriteEndObject();
    }

    public static string CamelCase(string name) =>
        string.IsNullOrEmpty(name) ? name : string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));

    private static void WriteOptionalHash(Utf8JsonWriter writer, string name, Hash256? hash)
    {
        if (hash is { } value)
        {
            EthJson.WriteHash(writer, name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
