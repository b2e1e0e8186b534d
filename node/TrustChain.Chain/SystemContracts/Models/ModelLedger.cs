using System.Buffers.Binary;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.SystemContracts.Models;

/// <summary>
/// The ModelRegistry's storage layout, shared by the ABI methods and the native read API. Model ids start at 1.
/// Keeps the running total of escrow so the contract's balance can be checked against what it owes.
/// </summary>
internal sealed class ModelLedger
{
    private static readonly StorageSlot CountSlot = StorageSlot.Named("models.count");
    private static readonly StorageSlot TotalEscrowSlot = StorageSlot.Named("models.totalEscrow");
    private static readonly StorageMap RegistrantMap = StorageMap.Named("models.registrant");
    private static readonly StorageMap WeightsMap = StorageMap.Named("models.weightsHash");
    private static readonly StorageMap RootMap = StorageMap.Named("models.fingerprintRoot");
    private static readonly StorageMap UriMap = StorageMap.Named("models.uri");
    private static readonly StorageMap TermsMap = StorageMap.Named("models.terms");
    private static readonly StorageMap ModelByWeightsMap = StorageMap.Named("models.byWeights");
    private static readonly StorageMap HostAuthorizedMap = StorageMap.Named("models.hostAuthorized");
    private static readonly StorageMap HostGenerationMap = StorageMap.Named("models.hostGeneration");
    private static readonly StorageMap ApprovalBpsMap = StorageMap.Named("models.approvalBps");
    private static readonly StorageMap ApprovedMap = StorageMap.Named("models.approved");
    private static readonly StorageMap AccessMap = StorageMap.Named("models.access");
    private static readonly StorageMap ReportedMap = StorageMap.Named("models.reported");

    private const int AccessLength = 3 * sizeof(ulong) + 32;

    private readonly ContractStorage _storage;

    public ModelLedger(ContractStorage storage) => _storage = storage;

    public ulong Count => _storage.GetUInt64(CountSlot);

    public UInt256 TotalEscrow => _storage.GetUInt256(TotalEscrowSlot);

    public bool Exists(ulong id) => id != 0 && id <= Count;

    public ModelTerms GetTerms(ulong id) => ModelTerms.Decode(_storage.GetBytes(TermsMap[id]));

    public Hash256 GetRoot(ulong id) => _storage.GetHash(RootMap[id]);

    /// <summary>The live model registered with these weights, or 0.</summary>
    public ulong GetModelByWeights(in Hash256 weightsHash) => _storage.GetUInt64(ModelByWeightsMap[weightsHash]);

    public ModelRecord? Get(ulong id)
    {
        if (!Exists(id))
        {
            return null;
        }

        ModelTerms terms = GetTerms(id);
        return new ModelRecord(
            id,
            _storage.GetAddress(RegistrantMap[id]),
            _storage.GetHash(WeightsMap[id]),
            GetRoot(id),
            terms.FingerprintCount,
            _storage.GetString(UriMap[id]),
            terms.Price,
            terms.Owners,
            terms.HostBps,
            terms.ValidatorBps,
            terms.RequireHuman,
            terms.RegisteredAt,
            terms.Status);
    }

    /// <summary>Stores a validated registration and returns its id.</summary>
    public ulong Register(Address registrant, in Hash256 weightsHash, in Hash256 root, string uri, ModelTerms terms)
    {
        ulong id = Count + 1;
        _storage.SetUInt64(CountSlot, id);
        _storage.SetAddress(RegistrantMap[id], registrant);
        _storage.SetHash(WeightsMap[id], weightsHash);
        _storage.SetHash(RootMap[id], root);
        _storage.SetString(UriMap[id], uri);
        _storage.SetBytes(TermsMap[id], terms.Encode());
        _storage.SetUInt64(ModelByWeightsMap[weightsHash], id);
        return id;
    }

    /// <summary>Marks the model struck and frees its weights hash for the rightful owner's re-registration.</summary>
    public void Strike(ulong id)
    {
        _storage.SetBytes(TermsMap[id], (GetTerms(id) with { Status = ModelStatus.Struck }).Encode());
        Hash256 weights = _storage.GetHash(WeightsMap[id]);
        if (GetModelByWeights(weights) == id)
        {
            _storage.Clear(ModelByWeightsMap[weights]);
        }
    }

    public bool IsHostAuthorized(ulong id, Address host) => _storage.GetBool(HostAuthorizedMap.Map(id)[host]);

    /// <summary>Basis points of ownership that approved flipping the host's authorisation (authorise or revoke) so far.</summary>
    public ulong GetApprovalBps(ulong id, Address host) => _storage.GetUInt64(ApprovalBpsMap[ProposalKey(id, host)]);

    public bool HasApproved(ulong id, Address host, Address owner) => _storage.GetBool(ApprovedMap.Map(ProposalKey(id, host))[owner]);

    /// <summary>Records one owner's approval of the pending flip; returns the approved basis points afterwards.</summary>
    public ulong AddApproval(ulong id, Address host, Address owner, ushort bps)
    {
        Hash256 proposal = ProposalKey(id, host);
        _storage.SetBool(ApprovedMap.Map(proposal)[owner], true);
        StorageSlot total = ApprovalBpsMap[proposal];
        ulong approved = _storage.GetUInt64(total) + bps;
        _storage.SetUInt64(total, approved);
        return approved;
    }

    /// <summary>
    /// Flips the authorisation and starts a new approval generation, so approvals given for this change never count
    /// towards the next one (e.g. a later revoke).
    /// </summary>
    public void SetHostAuthorized(ulong id, Address host, bool authorized)
    {
        _storage.SetBool(HostAuthorizedMap.Map(id)[host], authorized);
        StorageSlot generation = HostGenerationMap.Map(id)[host];
        _storage.SetUInt64(generation, _storage.GetUInt64(generation) + 1);
    }

    /// <summary>Packed as bought(8) ‖ settled(8) ‖ expiry(8) ‖ escrow(32), big-endian; an all-zero record is no entry.</summary>
    public AccessRecord GetAccess(ulong id, Address user) => DecodeAccess(_storage.GetBytes(AccessMap.Map(id)[user]));

    /// <summary>Stores the record and moves the contract's total escrow by the change of this record's escrow.</summary>
    public void SetAccess(ulong id, Address user, in AccessRecord record)
    {
        StorageSlot slot = AccessMap.Map(id)[user];
        UInt256 previous = DecodeAccess(_storage.GetBytes(slot)).Escrow;
        UInt256 total = TotalEscrow;
        _storage.SetUInt256(TotalEscrowSlot, record.Escrow >= previous ? total + (record.Escrow - previous) : total - (previous - record.Escrow));
        if (record == default)
        {
            _storage.Clear(slot);
            return;
        }

        Span<byte> packed = stackalloc byte[AccessLength];
        BinaryPrimitives.WriteUInt64BigEndian(packed, record.CallsBought);
        BinaryPrimitives.WriteUInt64BigEndian(packed[8..], record.CallsSettled);
        BinaryPrimitives.WriteUInt64BigEndian(packed[16..], record.ExpiryBlock);
        record.Escrow.ToBigEndian(packed[24..]);
        _storage.SetBytes(slot, packed);
    }

    /// <summary>Records that this evidence was used; false when it already was.</summary>
    public bool TryMarkReported(in Hash256 evidence)
    {
        StorageSlot slot = ReportedMap[evidence];
        if (_storage.GetBool(slot))
        {
            return false;
        }

        _storage.SetBool(slot, true);
        return true;
    }

    private static AccessRecord DecodeAccess(byte[] packed)
    {
        if (packed.Length == 0)
        {
            return default;
        }

        if (packed.Length != AccessLength)
        {
            throw new InvalidOperationException($"model registry storage corrupt: access record of {packed.Length} bytes");
        }

        return new AccessRecord(
            BinaryPrimitives.ReadUInt64BigEndian(packed),
            BinaryPrimitives.ReadUInt64BigEndian(packed.AsSpan(8)),
            new UInt256(packed.AsSpan(24, 32)),
            BinaryPrimitives.ReadUInt64BigEndian(packed.AsSpan(16)));
    }

    private Hash256 ProposalKey(ulong id, Address host)
    {
        Span<byte> preimage = stackalloc byte[3 * 32];
        ((UInt256)id).ToBigEndian(preimage[..32]);
        preimage[32..44].Clear();
        host.CopyTo(preimage[44..64]);
        ((UInt256)_storage.GetUInt64(HostGenerationMap.Map(id)[host])).ToBigEndian(preimage[64..]);
        return Keccak256.Compute(preimage);
    }
}
