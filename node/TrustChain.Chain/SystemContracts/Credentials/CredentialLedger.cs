using System.Buffers.Binary;
using System.Text;
using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Credentials;

/// <summary>
/// The CredentialRegistry's storage layout, shared by the ABI methods and the native read API. Schemas, credentials and
/// proposals are one packed value each; per-issuer and per-recipient uid lists are append-only arrays (count + entries),
/// and the issuer's count doubles as its uid nonce.
/// </summary>
internal sealed class CredentialLedger
{
    private const int SchemaHeaderLength = Address.Length + 1 + sizeof(ulong);

    private static readonly StorageMap SchemaMap = StorageMap.Named("credentials.schema");
    private static readonly StorageMap CredentialMap = StorageMap.Named("credentials.credential");
    private static readonly StorageMap IssuedCountMap = StorageMap.Named("credentials.issuedCount");
    private static readonly StorageMap IssuedAtMap = StorageMap.Named("credentials.issuedAt");
    private static readonly StorageMap ReceivedCountMap = StorageMap.Named("credentials.receivedCount");
    private static readonly StorageMap ReceivedAtMap = StorageMap.Named("credentials.receivedAt");
    private static readonly StorageMap SlashedAtMap = StorageMap.Named("credentials.issuerSlashedAt");
    private static readonly StorageMap ProposalMap = StorageMap.Named("credentials.slashProposal");
    private static readonly StorageMap VotedMap = StorageMap.Named("credentials.slashVoted");
    private static readonly StorageSlot ProposalCountSlot = StorageSlot.Named("credentials.slashProposalCount");

    private readonly ContractStorage _storage;

    public CredentialLedger(ContractStorage storage) => _storage = storage;

    public bool SchemaExists(in Hash256 uid) => _storage.IsSet(SchemaMap[uid]);

    public SchemaRecord? GetSchema(in Hash256 uid)
    {
        byte[] value = _storage.GetBytes(SchemaMap[uid]);
        if (value.Length == 0)
        {
            return null;
        }

        if (value.Length < SchemaHeaderLength)
        {
            throw new InvalidOperationException($"schema {uid} has a {value.Length}-byte record, shorter than its {SchemaHeaderLength}-byte header");
        }

        ReadOnlySpan<byte> span = value;
        return new SchemaRecord(uid, new Address(span[..20]), span[20] != 0, Encoding.UTF8.GetString(span[SchemaHeaderLength..]),
            BinaryPrimitives.ReadUInt64BigEndian(span[21..]));
    }

    public bool IsRevocable(in Hash256 schemaUid)
    {
        byte[] value = _storage.GetBytes(SchemaMap[schemaUid]);
        return value.Length > 20 && value[20] != 0;
    }

    public void AddSchema(SchemaRecord schema)
    {
        byte[] value = new byte[SchemaHeaderLength + Encoding.UTF8.GetByteCount(schema.Schema)];
        schema.Registrant.CopyTo(value);
        value[20] = schema.Revocable ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt64BigEndian(value.AsSpan(21), schema.RegisteredBlock);
        Encoding.UTF8.GetBytes(schema.Schema, value.AsSpan(SchemaHeaderLength));
        _storage.SetBytes(SchemaMap[schema.Uid], value);
    }

    public bool CredentialExists(in Hash256 uid) => _storage.IsSet(CredentialMap[uid]);

    public CredentialRecord? GetCredential(in Hash256 uid)
    {
        byte[] value = _storage.GetBytes(CredentialMap[uid]);
        return value.Length == 0 ? null : CredentialRecord.Decode(uid, value);
    }

    public void PutCredential(in CredentialRecord credential)
    {
        Span<byte> value = stackalloc byte[CredentialRecord.EncodedLength];
        credential.Encode(value);
        _storage.SetBytes(CredentialMap[credential.Uid], value);
    }

    public ulong GetIssuedCount(Address issuer) => _storage.GetUInt64(IssuedCountMap[issuer]);

    /// <summary>Writes entry <paramref name="index"/> of the issuer's list; a batch sets the count once, at its end.</summary>
    public void SetIssuedAt(Address issuer, ulong index, in Hash256 uid) => _storage.SetHash(IssuedAtMap.Map(issuer)[index], uid);

    public void SetIssuedCount(Address issuer, ulong count) => _storage.SetUInt64(IssuedCountMap[issuer], count);

    public Hash256[] GetIssued(Address issuer, ulong offset, ulong limit) => Page(IssuedAtMap.Map(issuer), GetIssuedCount(issuer), offset, limit);

    public ulong GetReceivedCount(Address recipient) => _storage.GetUInt64(ReceivedCountMap[recipient]);

    public void AppendReceived(Address recipient, in Hash256 uid)
    {
        StorageSlot countSlot = ReceivedCountMap[recipient];
        ulong count = _storage.GetUInt64(countSlot);
        _storage.SetHash(ReceivedAtMap.Map(recipient)[count], uid);
        _storage.SetUInt64(countSlot, count + 1);
    }

    public Hash256[] GetReceived(Address recipient, ulong offset, ulong limit) =>
        Page(ReceivedAtMap.Map(recipient), GetReceivedCount(recipient), offset, limit);

    /// <summary>Block of the issuer's latest executed slash (0: never slashed).</summary>
    public ulong GetSlashedAt(Address issuer) => _storage.GetUInt64(SlashedAtMap[issuer]);

    public void SetSlashedAt(Address issuer, ulong blockNumber) => _storage.SetUInt64(SlashedAtMap[issuer], blockNumber);

    public ulong GetProposalCount() => _storage.GetUInt64(ProposalCountSlot);

    public StoredSlashProposal? GetProposal(ulong id)
    {
        byte[] value = _storage.GetBytes(ProposalMap[id]);
        return value.Length == 0 ? null : StoredSlashProposal.Decode(id, value);
    }

    /// <summary>Stores a new proposal under the next id (1, 2, …) and returns the id.</summary>
    public ulong AddProposal(in StoredSlashProposal proposal)
    {
        ulong id = GetProposalCount() + 1;
        _storage.SetUInt64(ProposalCountSlot, id);
        PutProposal(id, proposal);
        return id;
    }

    public void PutProposal(ulong id, in StoredSlashProposal proposal)
    {
        Span<byte> value = stackalloc byte[StoredSlashProposal.EncodedLength];
        proposal.Encode(value);
        _storage.SetBytes(ProposalMap[id], value);
    }

    public bool HasVoted(ulong id, Address validator) => _storage.GetBool(VotedMap.Map(id)[validator]);

    public void SetVoted(ulong id, Address validator) => _storage.SetBool(VotedMap.Map(id)[validator], true);

    private Hash256[] Page(StorageMap entries, ulong count, ulong offset, ulong limit)
    {
        if (offset >= count)
        {
            return [];
        }

        ulong take = Math.Min(limit, count - offset);
        Hash256[] page = new Hash256[take];
        for (ulong i = 0; i < take; i++)
        {
            page[i] = _storage.GetHash(entries[offset + i]);
        }

        return page;
    }
}
