using System.Text.Json;
using TrustChain.Chain.State;
using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Modules.Eth;

namespace TrustChain.Rpc.Modules.Trust;

public sealed partial class TrustRpcModule
{
    private void RegisterRegistryMethods(RpcMethodRegistry registry)
    {
        // (uid, block?) → the credential with its status at the block, or null.
        Add(registry, "trust_getCredential", 2, p =>
        {
            Hash256 uid = TrustParams.ReadHash(p, 0);
            (BlockHeader header, IStateReader state) = At(p, 1);
            CredentialRegistryState credentials = _context.Credentials;
            if (credentials.GetCredential(state, uid) is not { } credential)
            {
                return null;
            }

            CredentialStatus status = credentials.GetStatus(state, uid, header.Number, header.Timestamp);
            return new JsonResult(w => TrustJson.WriteCredential(w, credential, status));
        });

        // (uid, block?) → the schema or null.
        Add(registry, "trust_getSchema", 2, p =>
        {
            Hash256 uid = TrustParams.ReadHash(p, 0);
            (_, IStateReader state) = At(p, 1);
            SchemaRecord? schema = _context.Credentials.GetSchema(state, uid);
            return schema is null ? null : new JsonResult(w => TrustJson.WriteSchema(w, schema));
        });

        // ({recipient} | {issuer}, page?, block?) → {total, offset, credentials: [...]}, oldest first.
        Add(registry, "trust_listCredentials", 3, p =>
        {
            (bool byIssuer, Address party) = ReadCredentialFilter(p, 0);
            TrustPage page = TrustPage.Parse(p, 1);
            (BlockHeader header, IStateReader state) = At(p, 2);
            CredentialRegistryState credentials = _context.Credentials;
            ulong total = byIssuer ? credentials.CountByIssuer(state, party) : credentials.CountByRecipient(state, party);
            IReadOnlyList<Hash256> uids = page.Offset >= total
                ? []
                : byIssuer
                    ? credentials.ListByIssuer(state, party, page.Offset, Math.Min(page.Limit, total - page.Offset))
                    : credentials.ListByRecipient(state, party, page.Offset, Math.Min(page.Limit, total - page.Offset));
            List<(CredentialRecord Record, CredentialStatus Status)> items = new(uids.Count);
            foreach (Hash256 uid in uids)
            {
                if (credentials.GetCredential(state, uid) is { } record)
                {
                    items.Add((record, credentials.GetStatus(state, uid, header.Number, header.Timestamp)));
                }
            }

            return new JsonResult(w =>
            {
                w.WriteStartObject();
                EthJson.WriteQuantity(w, "total", total);
                EthJson.WriteQuantity(w, "offset", page.Offset);
                w.WriteStartArray("credentials");
                foreach ((CredentialRecord record, CredentialStatus status) in items)
                {
                    TrustJson.WriteCredential(w, record, status);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        });

        // (id, block?) → the model or null.
        Add(registry, "trust_getModel", 2, p =>
        {
            ulong id = TrustParams.ReadUInt64(p, 0, "model id");
            (_, IStateReader state) = At(p, 1);
            ModelRecord? model = _context.Models.GetModel(state, id);
            return model is null ? null : new JsonResult(w => TrustJson.WriteModel(w, model));
        });

        // (page?, block?) → {total, offset, models: [...]} in id order.
        Add(registry, "trust_listModels", 2, p =>
        {
            TrustPage page = TrustPage.Parse(p, 0);
            (_, IStateReader state) = At(p, 1);
            ulong total = _context.Models.GetModelCount(state);
            IReadOnlyList<ModelRecord> models = _context.Models.ListModels(state, page.Offset, page.Limit);
            return new JsonResult(w =>
            {
                w.WriteStartObject();
                EthJson.WriteQuantity(w, "total", total);
                EthJson.WriteQuantity(w, "offset", page.Offset);
                w.WriteStartArray("models");
                foreach (ModelRecord model in models)
                {
                    TrustJson.WriteModel(w, model);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        });

        // (modelId, user, block?) → {callsBought, callsSettled, escrow, expiryBlock} (zeros for a user without access), or null for an unknown model.
        Add(registry, "trust_getAccess", 3, p =>
        {
            ulong id = TrustParams.ReadUInt64(p, 0, "model id");
            Address user = TrustParams.ReadAddress(p, 1);
            (_, IStateReader state) = At(p, 2);
            if (_context.Models.GetModel(state, id) is null)
            {
                return null;
            }

            AccessRecord access = _context.Models.GetAccess(state, id, user);
            return new JsonResult(w => TrustJson.WriteAccess(w, access));
        });
    }

    private static (bool ByIssuer, Address Party) ReadCredentialFilter(RpcParams p, int index)
    {
        JsonElement element = p.GetRequired(index);
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw RpcException.InvalidArgument(index, "a credential filter is {\"recipient\": address} or {\"issuer\": address}");
        }

        bool hasRecipient = element.TryGetProperty("recipient", out JsonElement recipient);
        bool hasIssuer = element.TryGetProperty("issuer", out JsonElement issuer);
        if (hasRecipient == hasIssuer)
        {
            throw RpcException.InvalidArgument(index, "give exactly one of \"recipient\" or \"issuer\"");
        }

        return hasIssuer ? (true, TrustParams.ReadAddress(issuer, index)) : (false, TrustParams.ReadAddress(recipient, index));
    }
}
