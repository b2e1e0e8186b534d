using System.Text.Json;
using TrustChain.Chain.State;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Modules.Eth;
using TrustChain.Zk.LeanImt;

namespace TrustChain.Rpc.Modules.Trust;

public sealed partial class TrustRpcModule
{
    private void RegisterHumanMethods(RpcMethodRegistry registry)
    {
        // (index | commitment, block?) → human or null. An index is a JSON number or a 0x quantity of at most 16 hex
        // digits; a commitment is a decimal string or a longer 0x string; {"index": n} / {"commitment": c} are explicit.
        Add(registry, "trust_getHuman", 2, p =>
        {
            HumanKey key = ReadHumanKey(p, 0);
            (_, IStateReader state) = At(p, 1);
            HumanRegistryState humans = _context.Humans;
            ulong? index = key.IsIndex ? key.Index : humans.FindByCommitment(state, key.Commitment);
            if (index is not { } i || i >= humans.GetSize(state))
            {
                return null;
            }

            HumanRecord human = humans.GetHuman(state, i);
            return new JsonResult(w => TrustJson.WriteHuman(w, human));
        });

        // (block?) → {root, size, depth, blockNumber, blockHash}: the set after the block (the header's humanSetRoot).
        Add(registry, "trust_getHumanSetRoot", 1, p =>
        {
            (BlockHeader header, IStateReader state) = At(p, 0);
            HumanRegistryState humans = _context.Humans;
            UInt256 root = humans.GetRoot(state);
            ulong size = humans.GetSize(state);
            int depth = humans.GetDepth(state);
            return new JsonResult(w =>
            {
                w.WriteStartObject();
                w.WriteString("root", root.ToString());
                EthJson.WriteQuantity(w, "size", size);
                EthJson.WriteQuantity(w, "depth", (ulong)depth);
                EthJson.WriteQuantity(w, "blockNumber", header.Number);
                EthJson.WriteHash(w, "blockHash", header.Hash);
                w.WriteEndObject();
            });
        });

        // (commitment, block?) → @zk-kit/lean-imt's {root, leaf, index, siblings}, or null when not a live member.
        Add(registry, "trust_getMerkleProof", 2, p =>
        {
            UInt256 commitment = TrustParams.ReadUInt256(p, 0, "commitment");
            (_, IStateReader state) = At(p, 1);
            LeanImtProof? proof = _context.Humans.GetMerkleProof(state, commitment);
            return proof is null ? null : new JsonResult(w => TrustJson.WriteMerkleProof(w, proof));
        });

        // (block?, limit?) → the roots a proof may use in the block after it: current first, then newest first.
        Add(registry, "trust_getRootHistory", 2, p =>
        {
            (BlockHeader header, IStateReader state) = At(p, 0);
            int limit = p.IsMissing(1) ? 256 : (int)Math.Min(TrustParams.ReadUInt64(p, 1, "limit"), TrustRpcContext.MaxPageSize);
            IReadOnlyList<RootHistoryEntry> entries = _context.Humans.GetRootHistory(state, header.Number + 1, limit);
            ulong window = _context.Humans.Parameters.RootHistoryBlocks;
            return new JsonResult(w =>
            {
                w.WriteStartArray();
                foreach (RootHistoryEntry entry in entries)
                {
                    TrustJson.WriteRootHistoryEntry(w, entry, window);
                }

                w.WriteEndArray();
            });
        });

        // (scope, nullifier, block?) → bool; the scope is the raw value verifyHuman takes, not its hash.
        Add(registry, "trust_isNullifierUsed", 3, p =>
        {
            UInt256 scope = TrustParams.ReadUInt256(p, 0, "scope");
            UInt256 nullifier = TrustParams.ReadUInt256(p, 1, "nullifier");
            (_, IStateReader state) = At(p, 2);
            return _context.Humans.IsNullifierUsed(state, scope, nullifier);
        });
    }

    private static HumanKey ReadHumanKey(RpcParams p, int index)
    {
        JsonElement element = p.GetRequired(index);
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                return HumanKey.ForIndex(TrustParams.ReadUInt64(element, index, "index"));
            case JsonValueKind.String:
                string text = element.GetString()!;
                return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text.Length <= 18
                    ? HumanKey.ForIndex(TrustParams.ReadUInt64(element, index, "index"))
                    : HumanKey.ForCommitment(TrustParams.ReadUInt256(element, index, "commitment"));
            case JsonValueKind.Object:
                bool hasIndex = element.TryGetProperty("index", out JsonElement i);
                bool hasCommitment = element.TryGetProperty("commitment", out JsonElement c);
                if (hasIndex == hasCommitment)
                {
                    throw RpcException.InvalidArgument(index, "give exactly one of {\"index\": n} or {\"commitment\": c}");
                }

                return hasIndex
                    ? HumanKey.ForIndex(TrustParams.ReadUInt64(i, index, "index"))
                    : HumanKey.ForCommitment(TrustParams.ReadUInt256(c, index, "commitment"));
            default:
                throw RpcException.InvalidArgument(index, "expected a human index (number or 0x quantity) or an identity commitment (decimal string)");
        }
    }

    private readonly record struct HumanKey(bool IsIndex, ulong Index, UInt256 Commitment)
    {
        public static HumanKey ForIndex(ulong index) => new(true, index, default);

        public static HumanKey ForCommitment(in UInt256 commitment) => new(false, 0, commitment);
    }
}
