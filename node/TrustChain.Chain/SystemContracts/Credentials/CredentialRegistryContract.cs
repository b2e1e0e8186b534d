using System.Text;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Credentials;

/// <summary>
/// The CredentialRegistry system contract (DESIGN §4.3) at 0x…1002: EAS-like schemas and credentials issued by staked
/// issuers, paid verification split issuer / validators / prover, and issuer slashing by a two-thirds validator vote.
/// Only hashes live on chain. The contract never holds wei: a verification fee is paid out (or pooled in Staking) in
/// the same call. Native readers use <see cref="CredentialRegistryState"/>.
/// </summary>
public sealed class CredentialRegistryContract : SystemContract
{
    /// <summary>Keeps an issueMany call within the transaction size limit (an item is 192 bytes of calldata).</summary>
    public const int MaxIssueBatch = 500;

    public const int MaxRevokeBatch = 1_000;

    public const int MaxSchemaBytes = 4_096;

    private const string CredentialTuple =
        "(bytes32 uid, bytes32 schemaUid, address issuer, address recipient, bytes32 subjectCommitment, bytes32 refUid, bytes32 dataHash, " +
        "uint64 expiration, uint64 issuedAt, uint64 issuedBlock, uint64 revokedAt, uint64 revokedBlock)";

    private const string SchemaTuple = "(bytes32 uid, address registrant, bool revocable, string schema, uint64 registeredBlock)";

    private const string RequestTuple =
        "(bytes32 schemaUid, address recipient, bytes32 subjectCommitment, uint64 expiration, bytes32 refUid, bytes32 dataHash)";

    private const string ProposalTuple =
        "(uint256 id, address issuer, address proposer, uint16 bps, bytes32 reasonHash, uint64 proposedBlock, uint64 deadline, uint8 status, " +
        "uint256 votedStake, uint256 activeStake)";

    private readonly CredentialRegistryState _registry;
    private readonly StakingState _staking;

    public CredentialRegistryContract(CredentialRegistryState registry)
        : base("CredentialRegistry", SystemContractAddresses.CredentialRegistry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        _staking = registry.Staking;

        Event(CredentialEvents.SchemaRegisteredDeclaration, "A schema was registered; uid = keccak256(abi.encodePacked(schema, registrant, revocable)).");
        Event(CredentialEvents.CredentialIssuedDeclaration, "A credential was issued.");
        Event(CredentialEvents.CredentialRevokedDeclaration, "A credential was revoked by its issuer.");
        Event(CredentialEvents.CredentialVerifiedDeclaration, "A paid verification succeeded; issuers bill from these events. fee is the whole msg.value.");
        Event(CredentialEvents.IssuerSlashProposedDeclaration, "A validator proposed to slash an issuer; votes are accepted before block `deadline`.");
        Event(CredentialEvents.IssuerSlashVotedDeclaration, "A validator voted for a slash; the tally is over the active validator set at this block.");
        Event(CredentialEvents.IssuerSlashExecutedDeclaration, "Two thirds of the active validator stake voted: Issuer stake slashed (burned) and jailed until `jailedUntil`.");
        Event(CredentialEvents.IssuerSlashExpiredDeclaration, "The voting window closed without two thirds of the active validator stake.");

        Function("function registerSchema(string schema, bool revocable) returns (bytes32 uid)",
            new GasCost(CredentialGas.RegisterSchema, PerByte: CredentialGas.RegisterSchemaPerByte), RegisterSchema,
            $"Registers a schema (1..{MaxSchemaBytes} UTF-8 bytes); uid = keccak256(abi.encodePacked(schema, msg.sender, revocable)); a duplicate reverts.\n" +
            $"Gas: {CredentialGas.RegisterSchema} + {CredentialGas.RegisterSchemaPerByte} per argument byte.");
        Function("function getSchema(bytes32 uid) view returns (" + SchemaTuple + " schema)", CredentialGas.View, GetSchema,
            $"The schema; reverts for an unknown uid.\nGas: {CredentialGas.View}.");
        Function("function issue(bytes32 schemaUid, address recipient, bytes32 subjectCommitment, uint64 expiration, bytes32 refUid, bytes32 dataHash) returns (bytes32 uid)",
            CredentialGas.Issue, Issue,
            "Issues a credential; the caller must be an active Issuer (stake at least the minimum, not jailed). expiration is Unix seconds (0 = never)\n" +
            "and must be after the block time; refUid is 0 or an existing credential; recipient may be 0 (then it is not indexed).\n" +
            "uid = keccak256(abi.encodePacked(issuer, uint64 nonce, schemaUid, recipient, subjectCommitment, expiration, refUid, dataHash)), nonce = issuedCount(issuer).\n" +
            $"Gas: {CredentialGas.Issue}.");
        Function("function issueMany(" + RequestTuple + "[] requests) returns (bytes32[] uids)",
            new GasCost(CredentialGas.IssueMany, PerItem: CredentialGas.IssueManyPerItem), IssueMany,
            $"Issues 1..{MaxIssueBatch} credentials as issue() does, all or nothing; a failing item reverts with \"requests[i]: reason\".\n" +
            $"Gas: {CredentialGas.IssueMany} + {CredentialGas.IssueManyPerItem} per credential.");
        Function("function revoke(bytes32 uid)", CredentialGas.Revoke, Revoke,
            $"Revokes a credential: only its issuer, only for a revocable schema, only once.\nGas: {CredentialGas.Revoke}.");
        Function("function revokeMany(bytes32[] uids)", new GasCost(CredentialGas.RevokeMany, PerItem: CredentialGas.RevokeManyPerItem), RevokeMany,
            $"Revokes 1..{MaxRevokeBatch} credentials as revoke() does, all or nothing; a failing item reverts with \"uids[i]: reason\".\n" +
            $"Gas: {CredentialGas.RevokeMany} + {CredentialGas.RevokeManyPerItem} per credential.");
        Function("function getCredential(bytes32 uid) view returns (" + CredentialTuple + " credential)", CredentialGas.View, GetCredential,
            $"The credential (times in Unix seconds, revokedBlock 0 = not revoked); reverts for an unknown uid.\nGas: {CredentialGas.View}.");
        Function("function isValid(bytes32 uid) view returns (bool)", CredentialGas.ValidityView, IsValid,
            "True iff the credential exists, is not revoked, has not expired at block.timestamp, its issuer is an active Issuer\n" +
            $"and the issuer was not slashed by a validator vote at or after the credential's block.\nGas: {CredentialGas.ValidityView}.");
        Function("function invalidReason(bytes32 uid) view returns (string)", CredentialGas.ValidityView, InvalidReason,
            $"Why isValid(uid) is false (the revert reason verifyCredential would give); empty when valid.\nGas: {CredentialGas.ValidityView}.");
        Function("function verifyCredential(bytes32 uid, address prover) payable", CredentialGas.VerifyCredential, VerifyCredential,
            "Paid verification: msg.value >= verificationFee() and the credential valid, else revert. The whole msg.value is split:\n" +
            "issuer floor(value*issuerBps/10000) paid directly; validators floor(value*validatorBps/10000) into Staking's Validator pool;\n" +
            "the rest to `prover` directly, or into Staking's Prover pool when prover is 0. Emits CredentialVerified.\n" +
            $"Gas: {CredentialGas.VerifyCredential}.");
        Function("function verificationFee() view returns (uint256)", CredentialGas.View, VerificationFee,
            $"Smallest msg.value of verifyCredential (wei).\nGas: {CredentialGas.View}.");
        Function("function credentialCountOf(address recipient) view returns (uint256)", CredentialGas.View, CredentialCountOf,
            $"Credentials ever issued to `recipient` (revoked ones included).\nGas: {CredentialGas.View}.");
        Function("function credentialsOf(address recipient, uint256 offset, uint256 limit) view returns (bytes32[])",
            new GasCost(CredentialGas.ListView, PerItem: CredentialGas.ListViewPerItem), CredentialsOf,
            $"Up to `limit` uids issued to `recipient`, oldest first, from index `offset`.\nGas: {CredentialGas.ListView} + {CredentialGas.ListViewPerItem} per uid returned.");
        Function("function issuedCount(address issuer) view returns (uint256)", CredentialGas.View, IssuedCount,
            $"Credentials ever issued by `issuer`; also the nonce of its next uid.\nGas: {CredentialGas.View}.");
        Function("function credentialsIssuedBy(address issuer, uint256 offset, uint256 limit) view returns (bytes32[])",
            new GasCost(CredentialGas.ListView, PerItem: CredentialGas.ListViewPerItem), CredentialsIssuedBy,
            $"Up to `limit` uids issued by `issuer`, oldest first, from index `offset`.\nGas: {CredentialGas.ListView} + {CredentialGas.ListViewPerItem} per uid returned.");
        Function("function proposeIssuerSlash(address issuer, uint16 bps, bytes32 reasonHash) returns (uint256 id)",
            new GasCost(CredentialGas.ProposeIssuerSlash, PerItem: CredentialGas.PerActiveValidator), ProposeIssuerSlash,
            "By an active validator: proposes to slash `bps` (1..10000) of the issuer's Issuer stake; the proposer's vote counts at once.\n" +
            "At two thirds of the active validator stake the slash executes: stake burned, issuer jailed for issuerJailBlocks, and its\n" +
            "credentials issued up to that block stop being valid.\n" +
            $"Gas: {CredentialGas.ProposeIssuerSlash} + {CredentialGas.PerActiveValidator} per Validator-role member.");
        Function("function voteIssuerSlash(uint256 id)", new GasCost(CredentialGas.VoteIssuerSlash, PerItem: CredentialGas.PerActiveValidator), VoteIssuerSlash,
            "By an active validator, once, before the proposal's deadline; executes the slash when the votes reach two thirds.\n" +
            $"Gas: {CredentialGas.VoteIssuerSlash} + {CredentialGas.PerActiveValidator} per Validator-role member.");
        Function("function closeIssuerSlash(uint256 id)", new GasCost(CredentialGas.CloseIssuerSlash, PerItem: CredentialGas.PerActiveValidator), CloseIssuerSlash,
            "By anyone, after the deadline of a proposal that did not pass: records the outcome and emits IssuerSlashExpired.\n" +
            $"Gas: {CredentialGas.CloseIssuerSlash} + {CredentialGas.PerActiveValidator} per Validator-role member.");
        Function("function getIssuerSlash(uint256 id) view returns (" + ProposalTuple + " proposal)",
            new GasCost(CredentialGas.View, PerItem: CredentialGas.PerActiveValidator), GetIssuerSlash,
            "The proposal with its tally over the current active set; status 1 Open, 2 Executed, 3 Expired. Reverts for an unknown id.\n" +
            $"Gas: {CredentialGas.View} + {CredentialGas.PerActiveValidator} per Validator-role member.");
        Function("function issuerSlashCount() view returns (uint256)", CredentialGas.View, IssuerSlashCount,
            $"Number of slash proposals so far (ids run 1..count).\nGas: {CredentialGas.View}.");
        Function("function hasVotedIssuerSlash(uint256 id, address validator) view returns (bool)", CredentialGas.View, HasVotedIssuerSlash,
            $"Whether `validator` voted for proposal `id`.\nGas: {CredentialGas.View}.");
        Function("function issuerSlashedAt(address issuer) view returns (uint64)", CredentialGas.View, IssuerSlashedAt,
            $"Block of the issuer's latest executed slash (0 = never).\nGas: {CredentialGas.View}.");
    }

    public CredentialRegistryState State => _registry;

    private object?[] RegisterSchema(SystemContractContext ctx, AbiArgs args)
    {
        string schema = args.String(0);
        bool revocable = args.Bool(1);
        ctx.Require(schema.Length > 0, "schema must not be empty");
        int bytes = Encoding.UTF8.GetByteCount(schema);
        ctx.Require(bytes <= MaxSchemaBytes, $"schema is {bytes} bytes, over the limit of {MaxSchemaBytes}");
        Hash256 uid = CredentialUids.Schema(schema, ctx.Caller, revocable);
        CredentialLedger ledger = Ledger(ctx);
        ctx.Require(!ledger.SchemaExists(uid), $"schema {uid} is already registered");
        ledger.AddSchema(new SchemaRecord(uid, ctx.Caller, revocable, schema, ctx.Block.Number));
        ctx.Emit(CredentialEvents.SchemaRegistered, uid, ctx.Caller, revocable, schema);
        return [uid];
    }

    private object?[] GetSchema(SystemContractContext ctx, AbiArgs args)
    {
        Hash256 uid = args.Bytes32(0);
        SchemaRecord schema = Ledger(ctx).GetSchema(uid) ?? throw new ContractRevertException($"unknown schema {uid}");
        return [new object[] { schema.Uid, schema.Registrant, schema.Revocable, schema.Schema, schema.RegisteredBlock }];
    }

    private object?[] Issue(SystemContractContext ctx, AbiArgs args)
    {
        CredentialRequest request = new(args.Bytes32(0), args.Address(1), args.Bytes32(2), args.UInt64(3), args.Bytes32(4), args.Bytes32(5));
        return [IssueAll(ctx, [request], batch: false)[0]];
    }

    private object?[] IssueMany(SystemContractContext ctx, AbiArgs args)
    {
        object[] items = args.List(0);
        ctx.Require(items.Length > 0, "no credentials to issue");
        ctx.Require(items.Length <= MaxIssueBatch, $"{items.Length} credentials in one call, over the limit of {MaxIssueBatch}");
        ctx.ChargeItems(items.Length);
        CredentialRequest[] requests = new CredentialRequest[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            object[] f = (object[])items[i];
            requests[i] = new CredentialRequest(new Hash256((byte[])f[0]), (Address)f[1], new Hash256((byte[])f[2]), ((UInt256)f[3]).U0,
                new Hash256((byte[])f[4]), new Hash256((byte[])f[5]));
        }

        return [IssueAll(ctx, requests, batch: true)];
    }

    private Hash256[] IssueAll(SystemContractContext ctx, CredentialRequest[] requests, bool batch)
    {
        Address issuer = ctx.Caller;
        ulong blockNumber = ctx.Block.Number;
        if (!_staking.IsActive(ctx.State, issuer, StakingRole.Issuer, blockNumber))
        {
            ctx.Revert($"caller is not an active Issuer: it needs at least {_staking.MinimumStake(StakingRole.Issuer)} wei of Issuer stake and no jail");
        }

        ulong now = ctx.Block.Timestamp / 1000;
        CredentialLedger ledger = Ledger(ctx);
        UidListAppender issued = ledger.AppendIssued(issuer);
        Hash256[] uids = new Hash256[requests.Length];
        Hash256 knownSchema = Hash256.Zero;
        for (int i = 0; i < requests.Length; i++)
        {
            ref readonly CredentialRequest r = ref requests[i];
            // Batches usually share one schema: look it up once.
            if (r.SchemaUid != knownSchema || knownSchema.IsZero)
            {
                if (!ledger.SchemaExists(r.SchemaUid))
                {
                    throw ItemFailure(batch, "requests", i, $"unknown schema {r.SchemaUid}");
                }

                knownSchema = r.SchemaUid;
            }

            if (r.Expiration != 0 && r.Expiration <= now)
            {
                throw ItemFailure(batch, "requests", i, $"expiration {r.Expiration} is not after the block time {now}");
            }

            if (!r.RefUid.IsZero && !ledger.CredentialExists(r.RefUid))
            {
                throw ItemFailure(batch, "requests", i, $"referenced credential {r.RefUid} does not exist");
            }

            // The nonce makes every preimage distinct, so a uid cannot already exist short of a Keccak collision.
            Hash256 uid = CredentialUids.Credential(issuer, issued.Count, r);
            ledger.PutCredential(new CredentialRecord(uid, r.SchemaUid, issuer, r.Recipient, r.SubjectCommitment, r.RefUid, r.DataHash,
                r.Expiration, now, blockNumber, 0, 0));
            issued.Add(uid);
            if (!r.Recipient.IsZero)
            {
                ledger.AppendReceived(r.Recipient, uid);
            }

            ctx.Emit(CredentialEvents.CredentialIssued, uid, issuer, r.Recipient, r.SchemaUid);
            uids[i] = uid;
        }

        issued.Flush();
        return uids;
    }

    private object?[] Revoke(SystemContractContext ctx, AbiArgs args)
    {
        RevokeAll(ctx, [args.Bytes32(0)], batch: false);
        return [];
    }

    private object?[] RevokeMany(SystemContractContext ctx, AbiArgs args)
    {
        object[] items = args.List(0);
        ctx.Require(items.Length > 0, "no credentials to revoke");
        ctx.Require(items.Length <= MaxRevokeBatch, $"{items.Length} credentials in one call, over the limit of {MaxRevokeBatch}");
        ctx.ChargeItems(items.Length);
        RevokeAll(ctx, args.Bytes32Array(0), batch: true);
        return [];
    }

    private static void RevokeAll(SystemContractContext ctx, Hash256[] uids, bool batch)
    {
        CredentialLedger ledger = Ledger(ctx);
        ulong now = ctx.Block.Timestamp / 1000;
        for (int i = 0; i < uids.Length; i++)
        {
            Hash256 uid = uids[i];
            if (ledger.GetCredential(uid) is not { } c)
            {
                throw ItemFailure(batch, "uids", i, $"unknown credential {uid}");
            }

            if (c.Issuer != ctx.Caller)
            {
                throw ItemFailure(batch, "uids", i, "only the issuer can revoke a credential");
            }

            if (c.IsRevoked)
            {
                throw ItemFailure(batch, "uids", i, "credential is already revoked");
            }

            if (!ledger.IsRevocable(c.SchemaUid))
            {
                throw ItemFailure(batch, "uids", i, "the credential's schema is not revocable");
            }

            ledger.PutCredential(c with { RevokedAt = now, RevokedBlock = ctx.Block.Number });
            ctx.Emit(CredentialEvents.CredentialRevoked, uid, c.Issuer, c.Recipient);
        }
    }

    private object?[] GetCredential(SystemContractContext ctx, AbiArgs args)
    {
        Hash256 uid = args.Bytes32(0);
        CredentialRecord c = Ledger(ctx).GetCredential(uid) ?? throw new ContractRevertException($"unknown credential {uid}");
        return
        [
            new object[]
            {
                c.Uid, c.SchemaUid, c.Issuer, c.Recipient, c.SubjectCommitment, c.RefUid, c.DataHash,
                c.Expiration, c.IssuedAt, c.IssuedBlock, c.RevokedAt, c.RevokedBlock,
            },
        ];
    }

    private object?[] IsValid(SystemContractContext ctx, AbiArgs args) => [Status(ctx, args.Bytes32(0)) == CredentialStatus.Valid];

    private object?[] InvalidReason(SystemContractContext ctx, AbiArgs args) => [Status(ctx, args.Bytes32(0)).Describe()];

    private object?[] VerifyCredential(SystemContractContext ctx, AbiArgs args)
    {
        Hash256 uid = args.Bytes32(0);
        Address prover = args.Address(1);
        UInt256 fee = ctx.Value;
        UInt256 minimum = _registry.Parameters.CredentialVerificationFee;
        ctx.Require(fee >= minimum, $"verification fee is {minimum} wei, got {fee}");
        // Either would take wei that is not accounted for: Staking's balance must equal what it owes.
        ctx.Require(prover != ctx.Contract && prover != StakingState.ContractAddress, "prover cannot be a system contract");
        CredentialLedger ledger = Ledger(ctx);
        CredentialRecord? credential = ledger.GetCredential(uid);
        CredentialStatus status = _registry.Status(ledger, ctx.State, credential, ctx.Block.Number, ctx.Block.Timestamp);
        if (status != CredentialStatus.Valid)
        {
            ctx.Revert(status.Describe());
        }

        Address issuer = credential!.Value.Issuer;
        CredentialFeeSplit split = _registry.SplitFee(fee);
        ctx.Transfer(issuer, split.Issuer);
        _staking.AccrueFee(ctx.State, ctx.Contract, StakingRole.Validator, split.Validators, ctx.ForeignLogs);
        if (prover.IsZero)
        {
            _staking.AccrueFee(ctx.State, ctx.Contract, StakingRole.Prover, split.Prover, ctx.ForeignLogs);
        }
        else
        {
            ctx.Transfer(prover, split.Prover);
        }

        ctx.Emit(CredentialEvents.CredentialVerified, uid, issuer, ctx.Caller, fee);
        return [];
    }

    private object?[] VerificationFee(SystemContractContext ctx, AbiArgs args) => [_registry.Parameters.CredentialVerificationFee];

    private object?[] CredentialCountOf(SystemContractContext ctx, AbiArgs args) => [(UInt256)Ledger(ctx).GetReceivedCount(args.Address(0))];

    private object?[] CredentialsOf(SystemContractContext ctx, AbiArgs args)
    {
        CredentialLedger ledger = Ledger(ctx);
        Address recipient = args.Address(0);
        (ulong offset, ulong take) = Window(ledger.GetReceivedCount(recipient), args.UInt256(1), args.UInt256(2));
        ctx.ChargeItems((long)take);
        return [ledger.GetReceived(recipient, offset, take)];
    }

    private object?[] IssuedCount(SystemContractContext ctx, AbiArgs args) => [(UInt256)Ledger(ctx).GetIssuedCount(args.Address(0))];

    private object?[] CredentialsIssuedBy(SystemContractContext ctx, AbiArgs args)
    {
        CredentialLedger ledger = Ledger(ctx);
        Address issuer = args.Address(0);
        (ulong offset, ulong take) = Window(ledger.GetIssuedCount(issuer), args.UInt256(1), args.UInt256(2));
        ctx.ChargeItems((long)take);
        return [ledger.GetIssued(issuer, offset, take)];
    }

    private object?[] ProposeIssuerSlash(SystemContractContext ctx, AbiArgs args)
    {
        Address issuer = args.Address(0);
        ulong bps = args.UInt64(1);
        Hash256 reasonHash = args.Bytes32(2);
        ulong blockNumber = ctx.Block.Number;
        IReadOnlyList<ActiveValidator> validators = ActiveValidators(ctx);
        ctx.Require(IsAmong(validators, ctx.Caller), "only an active validator can propose an issuer slash");
        ctx.Require(bps is > 0 and <= CredentialFeeSplit.BasisPoints, $"slash must be 1..{CredentialFeeSplit.BasisPoints} basis points, got {bps}");
        ctx.Require(!_staking.GetStake(ctx.State, issuer, StakingRole.Issuer).IsZero, $"{issuer} has no Issuer stake to slash");
        ulong window = _registry.Parameters.IssuerSlashWindowBlocks;
        ulong deadline = blockNumber > ulong.MaxValue - window ? ulong.MaxValue : blockNumber + window;

        CredentialLedger ledger = Ledger(ctx);
        StoredSlashProposal proposal = new(issuer, ctx.Caller, (uint)bps, reasonHash, blockNumber, deadline, IssuerSlashStatus.Open);
        ulong id = ledger.AddProposal(proposal);
        ctx.Emit(CredentialEvents.IssuerSlashProposed, (UInt256)id, issuer, ctx.Caller, (uint)bps, reasonHash, deadline);
        RecordVote(ctx, ledger, validators, id, proposal);
        return [(UInt256)id];
    }

    private object?[] VoteIssuerSlash(SystemContractContext ctx, AbiArgs args)
    {
        CredentialLedger ledger = Ledger(ctx);
        (ulong id, StoredSlashProposal proposal) = Proposal(ctx, ledger, args.UInt256(0));
        ctx.Require(proposal.Status != IssuerSlashStatus.Executed, $"issuer slash proposal {id} was already executed");
        ctx.Require(proposal.StatusAt(ctx.Block.Number) == IssuerSlashStatus.Open, $"issuer slash proposal {id} expired at block {proposal.Deadline}");
        IReadOnlyList<ActiveValidator> validators = ActiveValidators(ctx);
        ctx.Require(IsAmong(validators, ctx.Caller), "only an active validator can vote on an issuer slash");
        ctx.Require(!ledger.HasVoted(id, ctx.Caller), $"{ctx.Caller} already voted on issuer slash proposal {id}");
        RecordVote(ctx, ledger, validators, id, proposal);
        return [];
    }

    private object?[] CloseIssuerSlash(SystemContractContext ctx, AbiArgs args)
    {
        CredentialLedger ledger = Ledger(ctx);
        (ulong id, StoredSlashProposal proposal) = Proposal(ctx, ledger, args.UInt256(0));
        ctx.Require(proposal.Status != IssuerSlashStatus.Executed, $"issuer slash proposal {id} was already executed");
        ctx.Require(proposal.Status != IssuerSlashStatus.Expired, $"issuer slash proposal {id} is already closed");
        ctx.Require(ctx.Block.Number >= proposal.Deadline, $"issuer slash proposal {id} is open for votes until block {proposal.Deadline}");
        (UInt256 voted, UInt256 active) = CredentialRegistryState.Tally(ledger, ActiveValidators(ctx), id);
        ledger.PutProposal(id, proposal with { Status = IssuerSlashStatus.Expired });
        ctx.Emit(CredentialEvents.IssuerSlashExpired, (UInt256)id, proposal.Issuer, voted, active);
        return [];
    }

    private object?[] GetIssuerSlash(SystemContractContext ctx, AbiArgs args)
    {
        CredentialLedger ledger = Ledger(ctx);
        (ulong id, StoredSlashProposal stored) = Proposal(ctx, ledger, args.UInt256(0));
        ChargeValidatorMembers(ctx);
        IssuerSlashProposal p = _registry.Describe(ledger, ctx.State, id, stored, ctx.Block.Number);
        return
        [
            new object[]
            {
                (UInt256)p.Id, p.Issuer, p.Proposer, p.BasisPoints, p.ReasonHash, p.ProposedBlock, p.Deadline, (byte)p.Status,
                p.VotedStake, p.ActiveStake,
            },
        ];
    }

    private object?[] IssuerSlashCount(SystemContractContext ctx, AbiArgs args) => [(UInt256)Ledger(ctx).GetProposalCount()];

    private object?[] HasVotedIssuerSlash(SystemContractContext ctx, AbiArgs args)
    {
        UInt256 id = args.UInt256(0);
        return [id.IsUInt64 && Ledger(ctx).HasVoted(id.U0, args.Address(1))];
    }

    private object?[] IssuerSlashedAt(SystemContractContext ctx, AbiArgs args) => [Ledger(ctx).GetSlashedAt(args.Address(0))];

    /// <summary>Counts the caller's vote; at two thirds of the active stake executes the slash.</summary>
    private void RecordVote(SystemContractContext ctx, CredentialLedger ledger, IReadOnlyList<ActiveValidator> validators, ulong id,
        in StoredSlashProposal proposal)
    {
        ledger.SetVoted(id, ctx.Caller);
        (UInt256 voted, UInt256 active) = CredentialRegistryState.Tally(ledger, validators, id);
        ctx.Emit(CredentialEvents.IssuerSlashVoted, (UInt256)id, ctx.Caller, voted, active);
        if (!CredentialRegistryState.ReachesTwoThirds(voted, active))
        {
            return;
        }

        ulong blockNumber = ctx.Block.Number;
        ulong jailBlocks = _registry.Parameters.IssuerJailBlocks;
        ulong jailEnd = blockNumber > StakingState.Forever - jailBlocks ? StakingState.Forever : blockNumber + jailBlocks;
        // Stake already unbonding is out of reach (Staking slashes bonded stake only); the jail and the voided credentials still apply.
        UInt256 slashed = _staking.Slash(ctx.State, proposal.Issuer, StakingRole.Issuer, proposal.BasisPoints, $"issuer slash proposal {id}",
            logs: ctx.ForeignLogs);
        ulong jailedUntil = _staking.Jail(ctx.State, proposal.Issuer, StakingRole.Issuer, jailEnd, ctx.ForeignLogs);
        ledger.SetSlashedAt(proposal.Issuer, blockNumber);
        ledger.PutProposal(id, proposal with { Status = IssuerSlashStatus.Executed });
        ctx.Emit(CredentialEvents.IssuerSlashExecuted, (UInt256)id, proposal.Issuer, slashed, jailedUntil);
    }

    private static (ulong Id, StoredSlashProposal Proposal) Proposal(SystemContractContext ctx, CredentialLedger ledger, UInt256 id)
    {
        if (id.IsUInt64 && ledger.GetProposal(id.U0) is { } proposal)
        {
            return (id.U0, proposal);
        }

        throw new ContractRevertException($"unknown issuer slash proposal {id}");
    }

    private IReadOnlyList<ActiveValidator> ActiveValidators(SystemContractContext ctx)
    {
        ChargeValidatorMembers(ctx);
        return _staking.GetActiveValidators(ctx.State, ctx.Block.Number);
    }

    // The active set is derived by reading every Validator-role member, so that is what the per-item gas covers.
    private void ChargeValidatorMembers(SystemContractContext ctx) =>
        ctx.ChargeItems((long)_staking.GetMemberCount(ctx.State, StakingRole.Validator));

    private static bool IsAmong(IReadOnlyList<ActiveValidator> validators, Address account)
    {
        for (int i = 0; i < validators.Count; i++)
        {
            if (validators[i].Address == account)
            {
                return true;
            }
        }

        return false;
    }

    private CredentialStatus Status(SystemContractContext ctx, in Hash256 uid)
    {
        CredentialLedger ledger = Ledger(ctx);
        return _registry.Status(ledger, ctx.State, ledger.GetCredential(uid), ctx.Block.Number, ctx.Block.Timestamp);
    }

    private static (ulong Offset, ulong Take) Window(ulong count, in UInt256 offset, in UInt256 limit)
    {
        if (offset >= count)
        {
            return (count, 0);
        }

        ulong start = offset.U0;
        ulong available = count - start;
        return (start, limit < available ? limit.U0 : available);
    }

    private static ContractRevertException ItemFailure(bool batch, string array, int index, string reason) =>
        new(batch ? $"{array}[{index}]: {reason}" : reason);

    private static CredentialLedger Ledger(SystemContractContext ctx) => new(ctx.Storage);
}
