using System.Text;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Execution.Prefetch;
using TrustChain.Chain.SystemContracts.Models.Fingerprints;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;

namespace TrustChain.Chain.SystemContracts.Models;

/// <summary>
/// The ModelRegistry system contract (DESIGN §4.4, Sentient OML) at 0x…1003: model registration with a fingerprint
/// Merkle root, host authorisation by the owners, paid access in escrow settled with the user's EIP-712 usage receipts,
/// slashing of unauthorised hosts caught serving a fingerprint, and striking copies in the challenge window.
/// <para>
/// Split rule: ownerBps (each owner's share) + hostBps + validatorBps = 10,000 basis points of every settled payment,
/// so every share is read directly as a fraction of the payment (see <see cref="ModelPaymentSplit"/>). The contract's
/// balance always equals the sum of escrows.
/// </para>
/// </summary>
public sealed class ModelRegistryContract : SystemContract, ITransactionPrefetcher
{
    public const int MaxOwners = 16;
    public const int MaxUriBytes = 1024;
    public const int MaxChallengeFingerprints = 256;

    private const string ModelTuple =
        "(uint256 id, address registrant, bytes32 weightsHash, bytes32 fingerprintRoot, uint32 fingerprintCount, string uri, uint256 pricePerCall, address[] owners, uint16[] ownerBps, uint16 hostBps, uint16 validatorBps, bool requireHuman, uint64 registeredAt, uint8 status)";

    /// <summary>Below this many settle calls in a block the pre-pass recovers inline rather than waking the thread pool.</summary>
    private const int ParallelRecoveryThreshold = 8;

    private readonly ModelRegistryState _registry;
    private readonly SystemMethod _settle;
    private readonly RecoveredSignerCache _signers = new();

    public ModelRegistryContract(ModelRegistryState registry)
        : base("ModelRegistry", SystemContractAddresses.ModelRegistry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;

        Event(ModelEvents.ModelRegisteredDeclaration, "A model was registered; its id is the registration order (from 1).");
        Event(ModelEvents.HostApprovalDeclaration, "An owner approved authorising (authorize = true) or revoking a host; approvedBps is the ownership approving so far.");
        Event(ModelEvents.HostAuthorizedDeclaration, "Owners holding at least half of the ownership bps authorised the host.");
        Event(ModelEvents.HostRevokedDeclaration, "Owners holding at least half of the ownership bps revoked the host.");
        Event(ModelEvents.AccessBoughtDeclaration, "Calls were bought into escrow; the escrow is refundable from expiryBlock on.");
        Event(ModelEvents.UsageSettledDeclaration, "A host settled the user's signed cumulative usage; amount left escrow for owners, host and validators.");
        Event(ModelEvents.EscrowRefundedDeclaration, "Unused escrow went back to the user (after expiry or once the model was struck).");
        Event(ModelEvents.UnauthorizedHostReportedDeclaration, "A host not authorised for the model signed one of its fingerprints: slashed, reporter rewarded.");
        Event(ModelEvents.ModelStruckDeclaration, "The model was struck as a copy of an earlier one: matched of revealed fingerprints were answered by its hosts.");

        Function(
            "function registerModel(bytes32 weightsHash, bytes32 fingerprintRoot, uint32 fingerprintCount, string uri, uint256 pricePerCall, address[] owners, uint16[] ownerBps, uint16 hostBps, uint16 validatorBps, bool requireHuman) returns (uint256 modelId)",
            new GasCost(ModelGas.Register, PerItem: ModelGas.RegisterPerOwner, PerByte: ModelGas.RegisterPerByte), RegisterModel,
            $"Registers a model. fingerprintRoot is the KeccakMerkleTree root over keccak256(key, response) of fingerprintCount secret pairs. Owners: 1..{MaxOwners} distinct non-zero addresses, each with a non-zero share; sum(ownerBps) + hostBps + validatorBps must be 10000 (shares of every settled payment; rounding dust goes to the first owner). pricePerCall > 0; uri at most {MaxUriBytes} bytes; weightsHash not registered by a live model.\nGas: {ModelGas.Register} + {ModelGas.RegisterPerOwner} per owner + {ModelGas.RegisterPerByte} per calldata byte.");
        Function("function authorizeHost(uint256 modelId, address host) returns (bool authorized)", ModelGas.HostApproval, AuthorizeHost,
            $"An owner's approval to authorise `host` (which must hold active ModelHost stake); takes effect once owners holding at least half of the ownership bps approved. Returns whether the host is now authorised.\nGas: {ModelGas.HostApproval}.");
        Function("function revokeHost(uint256 modelId, address host) returns (bool revoked)", ModelGas.HostApproval, RevokeHost,
            $"An owner's approval to revoke `host`; takes effect once owners holding at least half of the ownership bps approved. Returns whether the host is now revoked.\nGas: {ModelGas.HostApproval}.");
        Function("function buyAccess(uint256 modelId, uint64 calls) payable returns (uint256 expiryBlock)", ModelGas.BuyAccess, BuyAccess,
            $"Buys `calls` calls: msg.value must be exactly calls * pricePerCall (no change is given). Moves the access expiry to block.number + accessExpiryBlocks. requireHuman models need the buyer's human proof for scope keccak256(abi.encodePacked(\"model\", modelId)).\nGas: {ModelGas.BuyAccess}.");
        Function("function refundExpired(uint256 modelId) returns (uint256 amount)", ModelGas.RefundExpired, RefundExpired,
            $"Returns the caller's unused escrow once its access expired, or at once if the model was struck.\nGas: {ModelGas.RefundExpired}.");
        _settle = Function("function settle(uint256 modelId, address user, uint64 cumulativeCalls, bytes userSignature) returns (uint256 amount)",
            new GasCost(ModelGas.Settle, PerItem: ModelGas.SettlePerOwner), Settle,
            $"By an authorised, actively staked host: pays (cumulativeCalls - settled) * pricePerCall out of the user's escrow to owners / host / validators; receipts stay settleable after expiry until the user takes the escrow back with refundExpired. userSignature is the user's EIP-712 signature of Usage(uint256 modelId,address host,uint256 cumulativeCalls) in domain (\"{ModelTypedData.DomainName}\", \"{ModelTypedData.DomainVersion}\", chainId, this contract); 65 bytes, low s.\nGas: {ModelGas.Settle} + {ModelGas.SettlePerOwner} per owner.");
        Function("function reportUnauthorizedHost(uint256 modelId, address host, bytes32 key, bytes32 response, bytes32[] merkleProof, bytes hostSignature) returns (uint256 slashed)",
            new GasCost(ModelGas.Report, PerItem: ModelGas.ProofStep), ReportUnauthorizedHost,
            $"Evidence that `host`, not authorised for the model, served one of its fingerprints: the proof puts (key, response) under the model's root and hostSignature is the host's EIP-712 signature of Response(uint256 modelId,bytes32 key,bytes32 response). Slashes infringementSlashBps of the host's ModelHost stake; infringementReporterBps of it goes to the caller, the rest is burned. Each (model, host, key) can be reported once.\nGas: {ModelGas.Report} + {ModelGas.ProofStep} per proof element.");
        Function("function proveOwnership(uint256 modelId, bytes32 key, bytes32 response, bytes32[] merkleProof) view returns (bool)",
            new GasCost(ModelGas.ProveOwnership, PerItem: ModelGas.ProofStep), ProveOwnership,
            $"True iff (key, response) is a fingerprint under the model's root (the proof must have exactly ceil(log2(fingerprintCount)) elements).\nGas: {ModelGas.ProveOwnership} + {ModelGas.ProofStep} per proof element.");
        Function("function challengeModel(uint256 newModelId, uint256 earlierModelId, bytes32[] keys, bytes32[] responses, bytes32[][] proofs, bytes[] hostSignatures) returns (uint256 matched)",
            new GasCost(ModelGas.Challenge, PerItem: ModelGas.ChallengePerFingerprint), ChallengeModel,
            $"By an owner of the earlier model, within modelChallengeWindowBlocks of the new model's registration: reveals 1..{MaxChallengeFingerprints} distinct fingerprints of the earlier model (each proved against its root) with, for each, the Response signature of an authorised host of the NEW model (or empty bytes when not answered). If matched * 10000 >= challengeThresholdBps * revealed (and matched > 0) the new model is struck: no more access or settlement, escrows refundable at once.\nGas: {ModelGas.Challenge} + {ModelGas.ChallengePerFingerprint} per fingerprint.");

        Function("function modelCount() view returns (uint256)", ModelGas.View, ModelCount,
            $"Number of registered models (ids 1..modelCount).\nGas: {ModelGas.View}.");
        Function($"function getModel(uint256 modelId) view returns ({ModelTuple} model)",
            new GasCost(ModelGas.ModelView, PerItem: ModelGas.ModelViewPerOwner), GetModel,
            $"The model's registration; status 1 active, 2 struck.\nGas: {ModelGas.ModelView} + {ModelGas.ModelViewPerOwner} per owner.");
        Function("function getAccess(uint256 modelId, address user) view returns (uint256 callsBought, uint256 callsSettled, uint256 escrow, uint256 expiryBlock)",
            ModelGas.View, GetAccess, $"The user's access to the model (zeros if none).\nGas: {ModelGas.View}.");
        Function("function isHostAuthorized(uint256 modelId, address host) view returns (bool)", ModelGas.View, IsHostAuthorized,
            $"Whether the host is authorised for the model.\nGas: {ModelGas.View}.");
        Function("function hostApprovalBps(uint256 modelId, address host) view returns (uint256)", ModelGas.View, HostApprovalBps,
            $"Ownership bps that approved the pending authorise/revoke of the host so far.\nGas: {ModelGas.View}.");
        Function("function humanScope(uint256 modelId) view returns (uint256)", ModelGas.Digest, HumanScope,
            $"keccak256(abi.encodePacked(\"model\", modelId)): the human-proof scope of requireHuman models.\nGas: {ModelGas.Digest}.");
        Function("function usageDigest(uint256 modelId, address host, uint256 cumulativeCalls) view returns (bytes32)", ModelGas.Digest, UsageDigest,
            $"The EIP-712 digest a user signs for settle.\nGas: {ModelGas.Digest}.");
        Function("function responseDigest(uint256 modelId, bytes32 key, bytes32 response) view returns (bytes32)", ModelGas.Digest, ResponseDigest,
            $"The EIP-712 digest a host signs for every response it serves.\nGas: {ModelGas.Digest}.");
    }

    public ModelRegistryState State => _registry;

    private object?[] RegisterModel(SystemContractContext ctx, AbiArgs args)
    {
        Hash256 weightsHash = args.Bytes32(0);
        Hash256 root = args.Bytes32(1);
        ulong fingerprintCount = args.UInt64(2);
        string uri = args.String(3);
        UInt256 price = args.UInt256(4);
        Address[] owners = args.AddressArray(5);
        UInt256[] ownerBps = args.UInt256Array(6);
        ushort hostBps = (ushort)args.UInt64(7);
        ushort validatorBps = (ushort)args.UInt64(8);
        bool requireHuman = args.Bool(9);

        ctx.Require(!weightsHash.IsZero, "weightsHash must not be zero");
        ctx.Require(!root.IsZero, "fingerprintRoot must not be zero");
        ctx.Require(fingerprintCount > 0, "fingerprintCount must be greater than zero");
        ctx.Require(fingerprintCount <= KeccakMerkleTree.MaxLeaves, $"fingerprintCount {fingerprintCount} exceeds the maximum {KeccakMerkleTree.MaxLeaves}");
        ctx.Require(!price.IsZero, "pricePerCall must be greater than zero");
        int uriBytes = Encoding.UTF8.GetByteCount(uri);
        ctx.Require(uriBytes <= MaxUriBytes, $"uri is {uriBytes} bytes; at most {MaxUriBytes} allowed");
        ctx.Require(owners.Length > 0, "owners must not be empty");
        ctx.Require(owners.Length <= MaxOwners, $"at most {MaxOwners} owners allowed, got {owners.Length}");
        ctx.Require(ownerBps.Length == owners.Length, $"ownerBps has {ownerBps.Length} entries for {owners.Length} owners");
        ctx.ChargeItems(owners.Length);

        ModelOwner[] parsed = new ModelOwner[owners.Length];
        ulong ownerSum = 0;
        for (int i = 0; i < owners.Length; i++)
        {
            Address owner = owners[i];
            ushort bps = (ushort)(ulong)ownerBps[i];
            ctx.Require(!owner.IsZero, $"owner {i} is the zero address");
            ctx.Require(bps > 0, $"owner {owner} has a zero share");
            for (int j = 0; j < i; j++)
            {
                ctx.Require(owners[j] != owner, $"owner {owner} is listed twice");
            }

            parsed[i] = new ModelOwner(owner, bps);
            ownerSum += bps;
        }

        ulong total = ownerSum + hostBps + validatorBps;
        ctx.Require(total == ModelPaymentSplit.BasisPoints,
            $"sum(ownerBps) {ownerSum} + hostBps {hostBps} + validatorBps {validatorBps} = {total}; must be {ModelPaymentSplit.BasisPoints}");

        ModelLedger ledger = Ledger(ctx);
        ulong existing = ledger.GetModelByWeights(weightsHash);
        ctx.Require(existing == 0, $"weightsHash {weightsHash} is already registered as model {existing}");

        ModelTerms terms = new(price, hostBps, validatorBps, ModelStatus.Active, requireHuman, (uint)fingerprintCount, ctx.Block.Number, parsed);
        ulong id = ledger.Register(ctx.Caller, weightsHash, root, uri, terms);
        ctx.Emit(ModelEvents.ModelRegistered, (UInt256)id, ctx.Caller, weightsHash, root, fingerprintCount, price, requireHuman);
        return [(UInt256)id];
    }

    private object?[] AuthorizeHost(SystemContractContext ctx, AbiArgs args) => [ApproveHostChange(ctx, args, authorize: true)];

    private object?[] RevokeHost(SystemContractContext ctx, AbiArgs args) => [ApproveHostChange(ctx, args, authorize: false)];

    private bool ApproveHostChange(SystemContractContext ctx, AbiArgs args, bool authorize)
    {
        ModelLedger ledger = Ledger(ctx);
        ulong id = ExistingModel(ctx, ledger, args.UInt256(0));
        Address host = args.Address(1);
        ModelTerms terms = ledger.GetTerms(id);
        RequireActive(ctx, terms, id);
        ushort callerBps = terms.OwnerBps(ctx.Caller);
        ctx.Require(callerBps > 0, $"caller {ctx.Caller} is not an owner of model {id}");
        ctx.Require(!host.IsZero, "host must not be the zero address");
        bool authorized = ledger.IsHostAuthorized(id, host);
        if (authorize)
        {
            ctx.Require(!authorized, $"host {host} is already authorised for model {id}");
            ctx.Require(_registry.Staking.IsActive(ctx.State, host, StakingRole.ModelHost, ctx.Block.Number),
                $"host {host} has no active ModelHost stake");
        }
        else
        {
            ctx.Require(authorized, $"host {host} is not authorised for model {id}");
        }

        ctx.Require(!ledger.HasApproved(id, host, ctx.Caller),
            $"owner {ctx.Caller} already approved {(authorize ? "authorising" : "revoking")} host {host}");
        ulong approved = ledger.AddApproval(id, host, ctx.Caller, callerBps);
        ctx.Emit(ModelEvents.HostApproval, (UInt256)id, host, ctx.Caller, authorize, (UInt256)approved);

        if (approved * 2 < terms.OwnershipBps)
        {
            return false;
        }

        ledger.SetHostAuthorized(id, host, authorize);
        ctx.Emit(authorize ? ModelEvents.HostAuthorized : ModelEvents.HostRevoked, (UInt256)id, host);
        return true;
    }

    private object?[] BuyAccess(SystemContractContext ctx, AbiArgs args)
    {
        ModelLedger ledger = Ledger(ctx);
        ulong id = ExistingModel(ctx, ledger, args.UInt256(0));
        ulong calls = args.UInt64(1);
        ModelTerms terms = ledger.GetTerms(id);
        ctx.Require(terms.Status == ModelStatus.Active, $"model {id} is struck: access can no longer be bought");
        ctx.Require(calls > 0, "calls must be greater than zero");
        UInt256 price = terms.Price;
        ctx.Require(!UInt256.MultiplyOverflow(price, calls, out UInt256 cost), "calls * pricePerCall overflows 256 bits");
        ctx.Require(ctx.Value == cost, $"buyAccess needs exactly calls * pricePerCall = {cost} wei, got {ctx.Value}");
        if (terms.RequireHuman)
        {
            UInt256 scope = ModelRegistryState.HumanScope(id);
            IHumanProofOracle oracle = _registry.HumanProofs
                ?? throw new ContractRevertException($"model {id} requires a human proof, but no human-proof registry is installed");
            ctx.Require(oracle.HasHumanProof(ctx.State, ctx.Caller, scope),
                $"buyer {ctx.Caller} has no human proof for model {id} (scope {Hash256.FromUInt256(scope)})");
        }

        AccessRecord access = ledger.GetAccess(id, ctx.Caller);
        ctx.Require(calls <= ulong.MaxValue - access.CallsBought, "total calls bought would overflow 64 bits");
        ulong window = _registry.Parameters.AccessExpiryBlocks;
        ctx.Require(ctx.Block.Number <= ulong.MaxValue - window, "access expiry block overflows");
        ulong expiry = ctx.Block.Number + window;
        ledger.SetAccess(id, ctx.Caller, new AccessRecord(access.CallsBought + calls, access.CallsSettled, access.Escrow + cost, expiry));
        ctx.Emit(ModelEvents.AccessBought, (UInt256)id, ctx.Caller, (UInt256)calls, cost, (UInt256)expiry);
        return [(UInt256)expiry];
    }

    private object?[] RefundExpired(SystemContractContext ctx, AbiArgs args)
    {
        ModelLedger ledger = Ledger(ctx);
        ulong id = ExistingModel(ctx, ledger, args.UInt256(0));
        AccessRecord access = ledger.GetAccess(id, ctx.Caller);
        ctx.Require(!access.Escrow.IsZero, $"{ctx.Caller} has no escrow on model {id} to refund");
        bool struck = ledger.GetTerms(id).Status == ModelStatus.Struck;
        ctx.Require(struck || ctx.Block.Number >= access.ExpiryBlock,
            $"access to model {id} expires at block {access.ExpiryBlock}; the escrow is refundable from then on (now block {ctx.Block.Number})");
        ledger.SetAccess(id, ctx.Caller, access with { CallsBought = access.CallsSettled, Escrow = UInt256.Zero });
        ctx.Transfer(ctx.Caller, access.Escrow);
        ctx.Emit(ModelEvents.EscrowRefunded, (UInt256)id, ctx.Caller, access.Escrow);
        return [access.Escrow];
    }

    /// <summary>Signers the last pre-pass recovered (what settle reads before recovering itself).</summary>
    public RecoveredSignerCache RecoveredSigners => _signers;

    /// <summary>
    /// Recovers the user receipts of the block's settle calls in parallel, so the sequential settle finds its signer in
    /// <see cref="RecoveredSignerCache"/>: the digest uses the transaction's chain id and sender as the call will
    /// (block chain id, caller); anything that differs at execution just misses the cache.
    /// </summary>
    public void Prefetch(IReadOnlyList<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        _signers.Clear();
        List<(Hash256 Digest, byte[] Signature)>? receipts = null;
        for (int i = 0; i < transactions.Count; i++)
        {
            if (TryDecodeUsageReceipt(transactions[i]) is { } receipt)
            {
                (receipts ??= []).Add(receipt);
            }
        }

        if (receipts is null)
        {
            return;
        }

        if (receipts.Count < ParallelRecoveryThreshold)
        {
            foreach ((Hash256 digest, byte[] signature) in receipts)
            {
                ModelTypedData.RecoverInto(_signers, digest, signature);
            }

            return;
        }

        Parallel.For(0, receipts.Count, i => ModelTypedData.RecoverInto(_signers, receipts[i].Digest, receipts[i].Signature));
    }

    private (Hash256 Digest, byte[] Signature)? TryDecodeUsageReceipt(Transaction tx)
    {
        AbiFunction settle = _settle.Function;
        if (tx.To != Address || tx.Sender is not { } host || tx.ChainId is not { } chainId
            || !AbiSelector.TryRead(tx.Data, out AbiSelector selector) || selector != settle.Selector)
        {
            return null;
        }

        try
        {
            AbiArgs args = new(settle, settle.DecodeCall(tx.Data));
            return (ModelTypedData.UsageDigest(chainId, Address, args.UInt256(0), host, args.UInt64(2)), args.Bytes(3));
        }
        catch (Exception e) when (e is AbiException or ArgumentException or InvalidCastException or InvalidOperationException or OverflowException)
        {
            // Bad calldata reverts in the sequential call with its reason; nothing to recover ahead.
            return null;
        }
    }

    private object?[] Settle(SystemContractContext ctx, AbiArgs args)
    {
        ModelLedger ledger = Ledger(ctx);
        ulong id = ExistingModel(ctx, ledger, args.UInt256(0));
        Address user = args.Address(1);
        ulong cumulative = args.UInt64(2);
        byte[] signature = args.Bytes(3);
        Address host = ctx.Caller;
        ModelTerms terms = ledger.GetTerms(id);
        ctx.Require(terms.Status == ModelStatus.Active, $"model {id} is struck: usage can no longer be settled");
        ctx.Require(ledger.IsHostAuthorized(id, host), $"caller {host} is not an authorised host of model {id}");
        ctx.Require(_registry.Staking.IsActive(ctx.State, host, StakingRole.ModelHost, ctx.Block.Number),
            $"host {host} has no active ModelHost stake");

        AccessRecord access = ledger.GetAccess(id, user);
        ctx.Require(cumulative > access.CallsSettled,
            $"cumulativeCalls {cumulative} must exceed the {access.CallsSettled} calls already settled (replayed or stale receipt)");
        ctx.Require(cumulative <= access.CallsBought, $"cumulativeCalls {cumulative} exceeds the {access.CallsBought} calls {user} bought");

        Hash256 digest = ModelTypedData.UsageDigest(ctx.Block.ChainId, ctx.Contract, id, host, cumulative);
        if (!ModelTypedData.TryRecover(digest, signature, _signers, out Address signer, out string? error))
        {
            ctx.Revert($"invalid user signature: {error}");
        }

        ctx.Require(signer == user, $"user signature was made by {signer}, not by {user}");

        ModelOwner[] owners = terms.Owners;
        ctx.ChargeItems(owners.Length);
        UInt256 amount = terms.Price * (cumulative - access.CallsSettled);
        ModelPaymentSplit split = ModelPaymentSplit.Compute(amount, owners, terms.HostBps, terms.ValidatorBps);
        ledger.SetAccess(id, user, access with { CallsSettled = cumulative, Escrow = access.Escrow - amount });
        for (int i = 0; i < owners.Length; i++)
        {
            ctx.Transfer(owners[i].Account, split.Owners[i]);
        }

        ctx.Transfer(host, split.Host);
        _registry.Staking.AccrueFee(ctx.State, ctx.Contract, StakingRole.Validator, split.Validators, ctx.ForeignLogs);
        ctx.Emit(ModelEvents.UsageSettled, (UInt256)id, user, host, (UInt256)cumulative, amount);
        return [amount];
    }

    private object?[] ReportUnauthorizedHost(SystemContractContext ctx, AbiArgs args)
    {
        ModelLedger ledger = Ledger(ctx);
        ulong id = ExistingModel(ctx, ledger, args.UInt256(0));
        Address host = args.Address(1);
        Hash256 key = args.Bytes32(2);
        Hash256 response = args.Bytes32(3);
        Hash256[] proof = args.Bytes32Array(4);
        byte[] signature = args.Bytes(5);
        ctx.ChargeItems(proof.Length);
        ModelTerms terms = ledger.GetTerms(id);
        RequireActive(ctx, terms, id);
        ctx.Require(KeccakMerkleTree.Verify(ledger.GetRoot(id), terms.FingerprintCount, FingerprintPair.ComputeLeaf(key, response), proof),
            $"(key, response) is not a fingerprint of model {id}: the Merkle proof does not lead to its root");

        Hash256 digest = ModelTypedData.ResponseDigest(ctx.Block.ChainId, ctx.Contract, id, key, response);
        if (!ModelTypedData.TryRecover(digest, signature, out Address signer, out string? error))
        {
            ctx.Revert($"invalid host signature: {error}");
        }

        ctx.Require(signer == host, $"host signature was made by {signer}, not by {host}");
        ctx.Require(!ledger.IsHostAuthorized(id, host), $"host {host} is authorised for model {id}: serving it is allowed");
        uint slashBps = (uint)_registry.Parameters.InfringementSlashBps;
        ctx.Require(slashBps > 0, "infringement slashing is disabled on this chain (infringementSlashBps = 0)");
        ctx.Require(!_registry.Staking.GetStake(ctx.State, host, StakingRole.ModelHost).IsZero, $"host {host} has no ModelHost stake to slash");
        ctx.Require(ledger.TryMarkReported(Evidence(id, host, key)), $"fingerprint {key} served by host {host} was already reported for model {id}");

        UInt256 slashed = _registry.Staking.Slash(ctx.State, host, StakingRole.ModelHost, slashBps, $"unauthorised host of model {id}",
            recipient: ctx.Contract, logs: ctx.ForeignLogs);
        ctx.Require(!slashed.IsZero, $"host {host}'s ModelHost stake is too small to slash");
        UInt256 reward = ModelPaymentSplit.Share(slashed, (uint)_registry.Parameters.InfringementReporterBps);
        ctx.Transfer(ctx.Caller, reward);
        // The rest of the slashed stake is burned: it leaves the registry's balance, which holds only escrow.
        ctx.State.SubtractBalance(ctx.Contract, slashed - reward);
        ctx.Emit(ModelEvents.UnauthorizedHostReported, (UInt256)id, host, ctx.Caller, key, slashed, reward);
        return [slashed];
    }

    private object?[] ProveOwnership(SystemContractContext ctx, AbiArgs args)
    {
        ModelLedger ledger = Ledger(ctx);
        ulong id = ExistingModel(ctx, ledger, args.UInt256(0));
        Hash256[] proof = args.Bytes32Array(3);
        ctx.ChargeItems(proof.Length);
        Hash256 leaf = FingerprintPair.ComputeLeaf(args.Bytes32(1), args.Bytes32(2));
        return [KeccakMerkleTree.Verify(ledger.GetRoot(id), ledger.GetTerms(id).FingerprintCount, leaf, proof)];
    }

    private object?[] ChallengeModel(SystemContractContext ctx, AbiArgs args)
    {
        ModelLedger ledger = Ledger(ctx);
        ulong newId = ExistingModel(ctx, ledger, args.UInt256(0));
        ulong earlierId = ExistingModel(ctx, ledger, args.UInt256(1));
        Hash256[] keys = args.Bytes32Array(2);
        Hash256[] responses = args.Bytes32Array(3);
        object[] proofs = args.List(4);
        object[] signatures = args.List(5);

        ctx.Require(earlierId < newId, $"model {earlierId} was not registered before model {newId}");
        ModelTerms earlier = ledger.GetTerms(earlierId);
        ModelTerms challenged = ledger.GetTerms(newId);
        ctx.Require(earlier.OwnerBps(ctx.Caller) > 0, $"caller {ctx.Caller} is not an owner of model {earlierId}");
        ctx.Require(earlier.Status == ModelStatus.Active, $"model {earlierId} is struck and cannot challenge");
        ctx.Require(challenged.Status == ModelStatus.Active, $"model {newId} is already struck");
        ulong registeredAt = challenged.RegisteredAt;
        ulong window = _registry.Parameters.ModelChallengeWindowBlocks;
        ulong closes = registeredAt > ulong.MaxValue - window ? ulong.MaxValue : registeredAt + window;
        ctx.Require(ctx.Block.Number < closes, $"the challenge window of model {newId} closed at block {closes}");

        int revealed = keys.Length;
        ctx.Require(revealed > 0, "reveal at least one fingerprint");
        ctx.Require(revealed <= MaxChallengeFingerprints, $"at most {MaxChallengeFingerprints} fingerprints per challenge, got {revealed}");
        ctx.Require(responses.Length == revealed && proofs.Length == revealed && signatures.Length == revealed,
            $"keys, responses, proofs and hostSignatures must have the same length, got {keys.Length}, {responses.Length}, {proofs.Length}, {signatures.Length}");
        ctx.ChargeItems(revealed);

        Hash256 root = ledger.GetRoot(earlierId);
        uint count = earlier.FingerprintCount;
        HashSet<Hash256> seen = new(revealed);
        int matched = 0;
        for (int i = 0; i < revealed; i++)
        {
            ctx.Require(seen.Add(keys[i]), $"fingerprint key {keys[i]} is revealed twice");
            ctx.Require(KeccakMerkleTree.Verify(root, count, FingerprintPair.ComputeLeaf(keys[i], responses[i]), ToWords((object[])proofs[i])),
                $"fingerprint {i} is not in model {earlierId}'s fingerprint tree");
            byte[] signature = (byte[])signatures[i];
            if (signature.Length == 0)
            {
                continue;
            }

            Hash256 digest = ModelTypedData.ResponseDigest(ctx.Block.ChainId, ctx.Contract, newId, keys[i], responses[i]);
            if (!ModelTypedData.TryRecover(digest, signature, out Address signer, out string? error))
            {
                ctx.Revert($"host signature {i} is invalid: {error}");
            }

            ctx.Require(ledger.IsHostAuthorized(newId, signer), $"host signature {i} was made by {signer}, not by an authorised host of model {newId}");
            matched++;
        }

        uint threshold = (uint)_registry.Parameters.ChallengeThresholdBps;
        ctx.Require(matched > 0 && (ulong)matched * ModelPaymentSplit.BasisPoints >= (ulong)threshold * (ulong)revealed,
            $"{matched} of {revealed} revealed fingerprints were answered by model {newId}'s hosts; striking needs {threshold} bps of them");
        ledger.Strike(newId);
        ctx.Emit(ModelEvents.ModelStruck, (UInt256)newId, (UInt256)earlierId, ctx.Caller, (UInt256)matched, (UInt256)revealed);
        return [(UInt256)matched];
    }

    private object?[] ModelCount(SystemContractContext ctx, AbiArgs args) => [(UInt256)Ledger(ctx).Count];

    private object?[] GetModel(SystemContractContext ctx, AbiArgs args)
    {
        ModelLedger ledger = Ledger(ctx);
        ulong id = ExistingModel(ctx, ledger, args.UInt256(0));
        ModelRecord model = ledger.Get(id)!;
        ctx.ChargeItems(model.Owners.Count);
        Address[] owners = new Address[model.Owners.Count];
        UInt256[] bps = new UInt256[model.Owners.Count];
        for (int i = 0; i < owners.Length; i++)
        {
            owners[i] = model.Owners[i].Account;
            bps[i] = (uint)model.Owners[i].Bps;
        }

        object?[] tuple =
        [
            (UInt256)model.Id, model.Registrant, model.WeightsHash, model.FingerprintRoot, (UInt256)model.FingerprintCount, model.Uri,
            model.PricePerCall, owners, bps, (UInt256)(uint)model.HostBps, (UInt256)(uint)model.ValidatorBps, model.RequireHuman,
            (UInt256)model.RegisteredAt, (UInt256)(uint)model.Status,
        ];
        return [tuple];
    }

    private object?[] GetAccess(SystemContractContext ctx, AbiArgs args)
    {
        ModelLedger ledger = Ledger(ctx);
        ulong id = ExistingModel(ctx, ledger, args.UInt256(0));
        AccessRecord access = ledger.GetAccess(id, args.Address(1));
        return [(UInt256)access.CallsBought, (UInt256)access.CallsSettled, access.Escrow, (UInt256)access.ExpiryBlock];
    }

    private object?[] IsHostAuthorized(SystemContractContext ctx, AbiArgs args)
    {
        ModelLedger ledger = Ledger(ctx);
        return [ledger.IsHostAuthorized(ExistingModel(ctx, ledger, args.UInt256(0)), args.Address(1))];
    }

    private object?[] HostApprovalBps(SystemContractContext ctx, AbiArgs args)
    {
        ModelLedger ledger = Ledger(ctx);
        return [(UInt256)ledger.GetApprovalBps(ExistingModel(ctx, ledger, args.UInt256(0)), args.Address(1))];
    }

    private object?[] HumanScope(SystemContractContext ctx, AbiArgs args) => [ModelRegistryState.HumanScope(args.UInt256(0))];

    private object?[] UsageDigest(SystemContractContext ctx, AbiArgs args) =>
        [ModelTypedData.UsageDigest(ctx.Block.ChainId, ctx.Contract, args.UInt256(0), args.Address(1), args.UInt256(2)).ToArray()];

    private object?[] ResponseDigest(SystemContractContext ctx, AbiArgs args) =>
        [ModelTypedData.ResponseDigest(ctx.Block.ChainId, ctx.Contract, args.UInt256(0), args.Bytes32(1), args.Bytes32(2)).ToArray()];

    private static ulong ExistingModel(SystemContractContext ctx, ModelLedger ledger, in UInt256 modelId)
    {
        if (!modelId.IsUInt64 || !ledger.Exists(modelId.U0))
        {
            ctx.Revert($"model {modelId} does not exist");
        }

        return modelId.U0;
    }

    private static void RequireActive(SystemContractContext ctx, ModelTerms terms, ulong id) =>
        ctx.Require(terms.Status == ModelStatus.Active, $"model {id} is struck");

    private static Hash256[] ToWords(object[] items)
    {
        Hash256[] words = new Hash256[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            words[i] = new Hash256((byte[])items[i]);
        }

        return words;
    }

    private static Hash256 Evidence(ulong id, Address host, in Hash256 key)
    {
        Span<byte> preimage = stackalloc byte[3 * 32];
        ((UInt256)id).ToBigEndian(preimage[..32]);
        preimage[32..44].Clear();
        host.CopyTo(preimage[44..64]);
        key.CopyTo(preimage[64..]);
        return Keccak256.Compute(preimage);
    }

    private static ModelLedger Ledger(SystemContractContext ctx) => ModelRegistryState.Ledger(ctx.Storage);
}
