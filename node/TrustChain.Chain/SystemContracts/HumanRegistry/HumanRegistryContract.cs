using TrustChain.Chain.Abi;
using TrustChain.Chain.Execution.Prefetch;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Transactions;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>
/// The HumanRegistry system contract (DESIGN §4.2) at 0x…1001: the set of verified humans as a LeanIMT of Semaphore v4
/// identity commitments, enrolled by staked operators with palm dedup tags, erasable by the identity key, recoverable
/// after a delay, and provable with paid Semaphore proofs. Native code reads it through <see cref="HumanRegistryState"/>.
/// </summary>
public sealed class HumanRegistryContract : SystemContract, ITransactionPrefetcher
{
    private const string ProofArgs = "uint256 depth, uint256 root, uint256 nullifier, uint256 message, uint256 scope, uint256[8] points";
    private const string SignatureNote =
        "publicKey is the identity's Baby Jubjub key [Ax, Ay] (Poseidon(Ax, Ay) must be the commitment); signature is its EdDSA-Poseidon signature [R8x, R8y, S] (@semaphore-protocol/identity signMessage)";

    private readonly HumanRegistryState _human;
    private readonly StakingState _staking;
    private readonly SystemMethod _verifyHuman;
    private readonly SystemMethod _isValidHumanProof;

    public HumanRegistryContract(HumanRegistryState human, StakingState staking)
        : base("HumanRegistry", SystemContractAddresses.HumanRegistry)
    {
        ArgumentNullException.ThrowIfNull(human);
        ArgumentNullException.ThrowIfNull(staking);
        _human = human;
        _staking = staking;

        Event(HumanRegistryEvents.HumanEnrolledDeclaration, "A human joined the set at leaf `index`.");
        Event(HumanRegistryEvents.IdentityDeletedDeclaration, "The human's leaf became 0 and its commitment is tombstoned; its dedup tags are free from tagsFreeBlock on.");
        Event(HumanRegistryEvents.RecoveryRequestedDeclaration, "An operator asked to replace the human's commitment; anyone may execute it from executeBlock on unless the old key cancels.");
        Event(HumanRegistryEvents.RecoveryCancelledDeclaration, "A pending recovery was cancelled (by the old identity key, or by deleting the identity).");
        Event(HumanRegistryEvents.RecoveryExecutedDeclaration, "The human's leaf now holds newCommitment; oldCommitment is tombstoned.");
        Event(HumanRegistryEvents.HumanVerifiedDeclaration, "A proof of unique humanity was accepted and its nullifier recorded for the scope; the fee was split as listed.");

        Function("function enroll(uint256 commitment, bytes32[] dedupTags) returns (uint256 index)",
            new GasCost(HumanRegistryGas.Enroll, PerItem: HumanRegistryGas.PerTag), Enroll,
            $"Adds a Semaphore v4 identity commitment (non-zero, below r, never enrolled) as a new human. Only an active EnrollmentOperator (Staking role 1).\n" +
            $"dedupTags: dedupMatch..maxDedupTags distinct palm LSH tags; reverts naming the existing human when dedupMatch or more of them belong to one human.\n" +
            $"The index is assigned at once (size() counts it); the leaf joins the LeanIMT with the block's other enrolments at the end of the block (earlier if a deleteIdentity or executeRecovery in the block changes a leaf), so root() changes once per block to the root after the block.\n" +
            $"Gas: {HumanRegistryGas.Enroll} + {HumanRegistryGas.PerTag} per tag + {HumanRegistryGas.PerTagOwner} per owner read from the tags' owner lists (at most maxOwnersPerTag each).");
        Function("function deleteIdentity(uint256 commitment, uint256[2] publicKey, uint256[3] signature)", HumanRegistryGas.DeleteIdentity, DeleteIdentity,
            $"Right to erasure: sets the human's leaf to 0 and tombstones the commitment; the dedup tags are freed after deletionCooloffBlocks.\n" +
            $"{SignatureNote}, over keccak256(abi.encodePacked(uint256 chainId, \"delete\", uint256 commitment)) >> 8.\n" +
            $"Gas: {HumanRegistryGas.DeleteIdentity}.");
        Function("function recover(uint256 newCommitment, bytes32[] dedupTags) returns (uint256 index, uint256 executeBlock)",
            new GasCost(HumanRegistryGas.Recover, PerItem: HumanRegistryGas.PerTag), Recover,
            $"After a fresh scan, an active EnrollmentOperator schedules replacing the commitment of the live human matching dedupMatch or more of the tags; executable after recoveryDelayBlocks.\n" +
            $"Gas: {HumanRegistryGas.Recover} + {HumanRegistryGas.PerTag} per tag + {HumanRegistryGas.PerTagOwner} per owner read from the tags' owner lists (at most maxOwnersPerTag each).");
        Function("function cancelRecovery(uint256 index, uint256[2] publicKey, uint256[3] signature)", HumanRegistryGas.CancelRecovery, CancelRecovery,
            $"Cancels the pending recovery of human `index` with the OLD identity key: {SignatureNote}, over keccak256(abi.encodePacked(uint256 chainId, \"cancelRecovery\", uint256 oldCommitment, uint256 newCommitment)) >> 8.\n" +
            $"Gas: {HumanRegistryGas.CancelRecovery}.");
        Function("function executeRecovery(uint256 index)", HumanRegistryGas.ExecuteRecovery, ExecuteRecovery,
            $"Anyone: once the delay has passed, puts the pending commitment in the human's leaf and tombstones the old one.\nGas: {HumanRegistryGas.ExecuteRecovery}.");
        _verifyHuman = Function($"function verifyHuman({ProofArgs}, address prover) payable", new GasCost(HumanRegistryGas.VerifyHuman, PerItem: HumanRegistryGas.PerExtraKey), VerifyHuman,
            $"Verifies a Semaphore v4 proof (public signals [root, nullifier, keccak256(message)>>8, keccak256(scope)>>8]) against a root current within rootHistoryBlocks, with the official key for `depth` or a TrustChain key, and records (scope, nullifier).\n" +
            $"msg.value >= verificationFee is the fee: verificationProverBps to `prover`, verificationValidatorBps to the validators' pool, the rest (incl. rounding) to the enrolment operators' pool. A failed check reverts and takes no fee.\n" +
            $"Gas: {HumanRegistryGas.VerifyHuman} + {HumanRegistryGas.PerExtraKey} per TrustChain key registered for the depth.");
        _isValidHumanProof = Function($"function isValidHumanProof({ProofArgs}) view returns (bool)", new GasCost(HumanRegistryGas.VerifyHuman, PerItem: HumanRegistryGas.PerExtraKey), IsValidHumanProof,
            $"The checks of verifyHuman without the fee or recording: false for any bad proof, unknown root or used nullifier.\n" +
            $"Gas: {HumanRegistryGas.VerifyHuman} + {HumanRegistryGas.PerExtraKey} per TrustChain key registered for the depth.");

        Function("function size() view returns (uint256)", HumanRegistryGas.View, Size,
            $"Number of leaves, deleted humans included.\nGas: {HumanRegistryGas.View}.");
        Function("function root() view returns (uint256)", HumanRegistryGas.View, Root,
            $"The LeanIMT root of the set (0 when empty). Inside a block the block's enrolments are not in it yet: they join the tree at the block's end, or just before a deleteIdentity or executeRecovery in the block changes a leaf.\nGas: {HumanRegistryGas.View}.");
        Function("function depth() view returns (uint256)", HumanRegistryGas.View, Depth,
            $"ceil(log2(size)): the tree depth.\nGas: {HumanRegistryGas.View}.");
        Function("function getHuman(uint256 index) view returns (uint256 commitment, uint256 enrolledBlock, bool deleted)", HumanRegistryGas.View, GetHuman,
            $"Human `index`: its current (or, when deleted, last) commitment.\nGas: {HumanRegistryGas.View}.");
        Function("function indexOf(uint256 commitment) view returns (bool known, uint256 index)", HumanRegistryGas.View, IndexOf,
            $"The human that holds or held `commitment`.\nGas: {HumanRegistryGas.View}.");
        Function("function isNullifierUsed(uint256 scope, uint256 nullifier) view returns (bool)", HumanRegistryGas.View, IsNullifierUsed,
            $"Whether verifyHuman already accepted `nullifier` in `scope` (the raw scope).\nGas: {HumanRegistryGas.View}.");
        Function("function isKnownRoot(uint256 root) view returns (bool)", HumanRegistryGas.View, IsKnownRoot,
            $"Whether a proof may use `root` now.\nGas: {HumanRegistryGas.View}.");
        Function("function rootHistory(uint256 limit) view returns (uint256[] roots, uint256[] lastBlocks)",
            new GasCost(HumanRegistryGas.View, PerItem: HumanRegistryGas.ListViewPerItem), RootHistory,
            $"Up to `limit` usable roots, the current one first (lastBlocks = this block), then past roots newest first with the last block each was current.\n" +
            $"Gas: {HumanRegistryGas.View} + {HumanRegistryGas.ListViewPerItem} per root returned.");
        Function("function findDuplicate(bytes32[] dedupTags) view returns (bool found, uint256 index, uint256 matches)",
            new GasCost(HumanRegistryGas.View, PerItem: HumanRegistryGas.PerTag), FindDuplicate,
            $"The human sharing the most of the tags (an enrolment is rejected when matches >= dedupMatch).\nGas: {HumanRegistryGas.View} + {HumanRegistryGas.PerTag} per tag + {HumanRegistryGas.PerTagOwner} per owner read from the tags' owner lists (at most maxOwnersPerTag each).");
        Function("function pendingRecovery(uint256 index) view returns (uint256 newCommitment, uint256 executeBlock, address operator)", HumanRegistryGas.View, GetPendingRecovery,
            $"The pending recovery of human `index` (newCommitment 0 when none).\nGas: {HumanRegistryGas.View}.");
        Function("function verificationFee() view returns (uint256)", HumanRegistryGas.View, VerificationFee,
            $"The smallest msg.value verifyHuman accepts (wei).\nGas: {HumanRegistryGas.View}.");
    }

    public HumanRegistryState State => _human;

    private object?[] Enroll(SystemContractContext ctx, AbiArgs args)
    {
        Hash256[] tags = args.Bytes32Array(1);
        ctx.ChargeItems(tags.Length);
        RequireOperator(ctx);
        return [(UInt256)Ledger(ctx).Enroll(args.UInt256(0), tags, ctx.Caller, ctx.Block.Number)];
    }

    private object?[] DeleteIdentity(SystemContractContext ctx, AbiArgs args)
    {
        Ledger(ctx).Delete(args.UInt256(0), args.UInt256Array(1), args.UInt256Array(2), ctx.Block.ChainId, ctx.Block.Number);
        return [];
    }

    private object?[] Recover(SystemContractContext ctx, AbiArgs args)
    {
        Hash256[] tags = args.Bytes32Array(1);
        ctx.ChargeItems(tags.Length);
        RequireOperator(ctx);
        PendingRecovery recovery = Ledger(ctx).RequestRecovery(args.UInt256(0), tags, ctx.Caller, ctx.Block.Number);
        return [(UInt256)recovery.HumanIndex, (UInt256)recovery.ExecuteBlock];
    }

    private object?[] CancelRecovery(SystemContractContext ctx, AbiArgs args)
    {
        Ledger(ctx).CancelRecovery(args.UInt256(0), args.UInt256Array(1), args.UInt256Array(2), ctx.Block.ChainId);
        return [];
    }

    private object?[] ExecuteRecovery(SystemContractContext ctx, AbiArgs args)
    {
        Ledger(ctx).ExecuteRecovery(args.UInt256(0), ctx.Block.Number);
        return [];
    }

    /// <summary>
    /// Verifies the Groth16 proofs of the block's verifyHuman / isValidHumanProof calls on all cores into the keys'
    /// cache, batched per depth (<see cref="HumanVerificationKeys.VerifyBatchIntoCache"/>). Only the pairing check is done here; root, nullifier, fee and gas checks stay in the sequential call,
    /// which gets the same answer from the cache as it would by verifying itself.
    /// </summary>
    public void Prefetch(IReadOnlyList<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        HumanVerificationKeys keys = _human.VerificationKeys;
        keys.Cache.Clear();
        List<HumanProof>? proofs = null;
        for (int i = 0; i < transactions.Count; i++)
        {
            if (TryDecodeProof(transactions[i]) is { } proof)
            {
                (proofs ??= []).Add(proof);
            }
        }

        if (proofs is null)
        {
            return;
        }

        keys.VerifyBatchIntoCache(proofs);
    }

    private HumanProof? TryDecodeProof(Transaction tx)
    {
        if (tx.To != Address || tx.Data.Length < AbiSelector.Length || !AbiSelector.TryRead(tx.Data, out AbiSelector selector))
        {
            return null;
        }

        AbiFunction? function = selector == _verifyHuman.Function.Selector ? _verifyHuman.Function
            : selector == _isValidHumanProof.Function.Selector ? _isValidHumanProof.Function
            : null;
        if (function is null)
        {
            return null;
        }

        try
        {
            return Proof(new AbiArgs(function, function.DecodeCall(tx.Data)));
        }
        catch (Exception e) when (e is AbiException or ArgumentException or InvalidCastException or OverflowException)
        {
            // Bad calldata reverts in the sequential call with its reason; nothing to pre-verify.
            return null;
        }
    }

    private object?[] VerifyHuman(SystemContractContext ctx, AbiArgs args)
    {
        UInt256 fee = ctx.Value;
        UInt256 minimum = _human.Parameters.VerificationFee;
        ctx.Require(fee >= minimum, $"fee {fee} is below the verification fee {minimum}");
        Address prover = args.Address(6);
        ctx.Require(!prover.IsZero, "prover must not be the zero address (pass the caller when it made the proof itself)");
        ctx.Require(prover != Address && prover != StakingState.ContractAddress, $"prover {prover} is a system contract");

        HumanProof proof = Proof(args);
        HumanLedger ledger = Ledger(ctx);
        ctx.ChargeItems(ledger.ExtraKeyCount(proof));
        if (ledger.CheckProof(proof, ctx.Block.Number) is { } reason)
        {
            ctx.Revert(reason);
        }

        ledger.MarkNullifierUsed(proof.Scope, proof.Nullifier);
        ledger.MarkMessageVerified(proof.Scope, proof.Message);
        UInt256 proverShare = StakingLedger.MulDiv(fee, (uint)_human.Parameters.VerificationProverBps, StakingLedger.BasisPoints);
        UInt256 validatorShare = StakingLedger.MulDiv(fee, (uint)_human.Parameters.VerificationValidatorBps, StakingLedger.BasisPoints);
        // The operators' pool takes the remainder, so rounding never loses or mints a wei.
        UInt256 operatorShare = fee - proverShare - validatorShare;
        ctx.Transfer(prover, proverShare);
        _staking.AccrueFee(ctx.State, Address, StakingRole.Validator, validatorShare, ctx.ForeignLogs);
        _staking.AccrueFee(ctx.State, Address, StakingRole.EnrollmentOperator, operatorShare, ctx.ForeignLogs);
        ctx.Emit(HumanRegistryEvents.HumanVerified, proof.Scope, proof.Nullifier, proof.Root, proof.Message, prover, fee, proverShare, validatorShare, operatorShare);
        return [];
    }

    private object?[] IsValidHumanProof(SystemContractContext ctx, AbiArgs args)
    {
        HumanProof proof = Proof(args);
        HumanLedger ledger = Ledger(ctx);
        ctx.ChargeItems(ledger.ExtraKeyCount(proof));
        return [ledger.CheckProof(proof, ctx.Block.Number) is null];
    }

    private object?[] Size(SystemContractContext ctx, AbiArgs args) => [(UInt256)Ledger(ctx).Size];

    private object?[] Root(SystemContractContext ctx, AbiArgs args) => [Ledger(ctx).Root];

    private object?[] Depth(SystemContractContext ctx, AbiArgs args) => [(UInt256)(ulong)Ledger(ctx).Depth];

    private object?[] GetHuman(SystemContractContext ctx, AbiArgs args)
    {
        UInt256 index = args.UInt256(0);
        HumanLedger ledger = Ledger(ctx);
        ulong size = ledger.Size;
        ctx.Require(index < size, $"human #{index} does not exist (the set has {size} members)");
        HumanRecord human = ledger.GetHuman((ulong)index);
        return [human.Commitment, (UInt256)human.EnrolledBlock, human.IsDeleted];
    }

    private object?[] IndexOf(SystemContractContext ctx, AbiArgs args) =>
        Ledger(ctx).IndexOf(args.UInt256(0)) is { } index ? [true, (UInt256)index] : [false, UInt256.Zero];

    private object?[] IsNullifierUsed(SystemContractContext ctx, AbiArgs args) => [Ledger(ctx).IsNullifierUsed(args.UInt256(0), args.UInt256(1))];

    private object?[] IsKnownRoot(SystemContractContext ctx, AbiArgs args) => [Ledger(ctx).IsKnownRoot(args.UInt256(0), ctx.Block.Number)];

    private object?[] RootHistory(SystemContractContext ctx, AbiArgs args)
    {
        UInt256 requested = args.UInt256(0);
        int limit = requested < 4096 ? (int)(ulong)requested : 4096;
        List<RootHistoryEntry> entries = Ledger(ctx).GetRootHistory(ctx.Block.Number, limit);
        ctx.ChargeItems(entries.Count);
        UInt256[] roots = new UInt256[entries.Count];
        UInt256[] blocks = new UInt256[entries.Count];
        for (int i = 0; i < entries.Count; i++)
        {
            roots[i] = entries[i].Root;
            blocks[i] = entries[i].LastCurrentBlock;
        }

        return [roots, blocks];
    }

    private object?[] FindDuplicate(SystemContractContext ctx, AbiArgs args)
    {
        Hash256[] tags = args.Bytes32Array(0);
        ctx.ChargeItems(tags.Length);
        return Ledger(ctx).FindDuplicate(tags, ctx.Block.Number) is { } match
            ? [true, (UInt256)match.HumanIndex, (UInt256)(ulong)match.Matches]
            : [false, UInt256.Zero, UInt256.Zero];
    }

    private object?[] GetPendingRecovery(SystemContractContext ctx, AbiArgs args)
    {
        UInt256 index = args.UInt256(0);
        PendingRecovery? pending = index.IsUInt64 ? Ledger(ctx).GetRecovery((ulong)index) : null;
        return pending is null
            ? [UInt256.Zero, UInt256.Zero, Core.Address.Zero]
            : [pending.NewCommitment, (UInt256)pending.ExecuteBlock, pending.Operator];
    }

    private object?[] VerificationFee(SystemContractContext ctx, AbiArgs args) => [_human.Parameters.VerificationFee];

    private static HumanProof Proof(AbiArgs args) =>
        new(args.UInt256(0), args.UInt256(1), args.UInt256(2), args.UInt256(3), args.UInt256(4), args.UInt256Array(5));

    private void RequireOperator(SystemContractContext ctx) =>
        ctx.Require(_staking.IsActive(ctx.State, ctx.Caller, StakingRole.EnrollmentOperator, ctx.Block.Number),
            $"{ctx.Caller} is not an active EnrollmentOperator: stake at least {_staking.MinimumStake(StakingRole.EnrollmentOperator)} wei in role 1");

    private HumanLedger Ledger(SystemContractContext ctx) => _human.Ledger(ctx.Storage, ctx.IsReadOnly ? null : ctx.Emit, ctx.UseGas, ctx.State);
}
