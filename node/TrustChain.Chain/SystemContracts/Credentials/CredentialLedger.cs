using System.Buffers.Binary;
using System.Text;
using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Credentials;

/// <summary>
/// The CredentialRegistry's storage layout, shared by the ABI methods and the native read API. Schemas, credentials and
/// proposals are one packed value each; per-issuer and per-recipient uid lists are packed <see cref="UidList"/>s (an
/// append is one head write), and the issuer's count doubles as its uid nonce.
/// </summary>
internal sealed class CredentialLedger
{
    private const int SchemaHeaderLength = Address.Length + 1 + sizeof(ulong);

    private static readonly StorageMap SchemaMap = StorageMap.Named("credentials.schema");
    private static readonly StorageMap CredentialMap = StorageMap.Named("credentials.credential");
    private static readonly StorageMap IssuedHeadMap = StorageMap.Named("credentials.issuedHead");
    private static readonly StorageMap IssuedChunkMap = StorageMap.Named("credentials.issuedChunk");
    private static readonly StorageMap ReceivedHeadMap = StorageMap.Named("credentials.receivedHead");
    private static readonly StorageMap ReceivedChunkMap = StorageMap.Named("credentials.receivedChunk");
    private static readonly StorageMap SlashedAtMap = StorageMap.Named("credentials.issuerSlashedAt");
    private static readonly StorageMap ProposalMap = StorageMap.Named("credentials.slashProposal");
    private static readonly StorageMap VotedMap = StorageMap.Named("credentials.slashVoted");
    private static readonly StorageSlot ProposalCountSlot = StorageSlot.Named("credentials.slashProposalCount");

    private readonly ContractStorage _storage;

    private readonly UidList _issued;
    private readonly UidList _received;

    public CredentialLedger(ContractStorage storage)
    {
        _storage = storage;
        _issued = new UidList(storage, IssuedHeadMap, IssuedChunkMap);
        _received = new UidList(storage, ReceivedHeadMap, ReceivedChunkMap);
    }

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

    public ulong GetIssuedCount(Address issuer) => _issued.Count(issuer);

    /// <summary>The issuer's list for a batch: its <see cref="UidListAppender.Count"/> is the next uid nonce.</summary>
    public UidListAppender AppendIssued(Address issuer) => _issued.Append(issuer);

    public Hash256[] GetIssued(Address issuer, ulong offset, ulong limit) => _issued.Page(issuer, offset, limit);

    public ulong GetReceivedCount(Address recipient) => _received.Count(recipient);

    public void AppendReceived(Address recipient, in Hash256 uid)
    {
        UidListAppender list = _received.Append(recipient);
        list.Add(uid);
        list.Flush();
    }

    public Hash256[] GetReceived(Address recipient, ulong offset, ulong limit) => _received.Page(recipient, offset, limit);

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
}
