using System.Collections.Concurrent;
using System.Numerics;
using Microsoft.Extensions.Logging;
using TrustChain.Biometrics.Oprf;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.State;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Modules.Prover;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Circuits;
using TrustChain.Zk.Groth16;
using TrustChain.Zk.LeanImt;
using TrustChain.Zk.Semaphore;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Node.Prover;

/// <summary>
/// The prover node's services over the chain's head state: OPRF evaluations for active enrolment operators (signed,
/// fresh, not replayed, rate-limited), dedup pre-checks, signed human-proof verdicts and delegated proving.
/// Logs name operators and counts only; no blinded point, tag, template or identity material is ever logged.
/// </summary>
public sealed class ProverService : IProverBackend
{
    private readonly Blockchain _chain;
    private readonly OprfServer _oprf;
    private readonly PrivateKey _proverKey;
    private readonly ProverOptions _options;
    private readonly StakingState _staking;
    private readonly HumanRegistryState _human;
    private readonly OperatorRateLimiter _limiter;
    private readonly ReplayGuard _replays = new();
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<int, Lazy<ZkeyFile>> _zkeys = new();

    /// <param name="human">The chain's HumanRegistry reader (with the verification keys the chain accepts).</param>
    public ProverService(Blockchain chain, HumanRegistryState human, OprfKeyShare share, ProverCommittee committee, PrivateKey proverKey, ProverOptions options,
        ILogger log, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(share);
        ArgumentNullException.ThrowIfNull(committee);
        ArgumentNullException.ThrowIfNull(proverKey);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(human);
        ArgumentNullException.ThrowIfNull(log);
        ProverCommitteeMember member = committee.GetMember(share.Index);
        if (!member.PublicShare.AsSpan().SequenceEqual(share.PublicShare))
        {
            throw new Config.ConfigException($"the key share does not match member {share.Index}'s public share in the committee file.");
        }

        if (member.Prover is { } registered && registered != proverKey.Address)
        {
            throw new Config.ConfigException($"member {share.Index} is registered to prover {registered}, but the prover key is {proverKey.Address}.");
        }

        _chain = chain;
        _oprf = new OprfServer(share);
        _proverKey = proverKey;
        _options = options;
        _staking = new StakingState(chain.Spec.Parameters);
        _human = human;
        _limiter = new OperatorRateLimiter(options.RatePerSecond, options.Burst, time);
        _time = time ?? TimeProvider.System;
        _log = log;
        Info = new ProverInfo(chain.Spec.ChainId, share.Index, committee.Threshold, share.PublicShare.ToArray(), proverKey.Address);
        if (DevProverCommittee.IsDevCommittee(committee))
        {
            log.LogWarning("DEV-ONLY prover committee: its key shares are public, so its dedup tags protect nothing. Never use it on any other network.");
        }
    }

    public ProverInfo Info { get; }

    public ProverOprfResponse EvaluateOprf(ProverOprfRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Elements.Count == 0 || request.Elements.Count > _options.MaxElementsPerRequest)
        {
            throw RpcException.InvalidParams($"a request carries 1 to {_options.MaxElementsPerRequest} blinded elements, got {request.Elements.Count}");
        }

        // Every check that can refuse comes before anything is recorded or spent: bad input changes nothing.
        for (int i = 0; i < request.Elements.Count; i++)
        {
            if (!CurvePoint.IsValid(request.Elements[i]))
            {
                throw RpcException.InvalidParams($"elements[{i}] is not a secp256k1 point");
            }
        }

        ulong now = (ulong)_time.GetUtcNow().ToUnixTimeSeconds();
        if (request.Expiry <= now)
        {
            throw new RpcException(ProverErrorCodes.Unauthorized, "request expired: sign it again with a future expiry");
        }

        if (request.Expiry > now + _options.MaxExpirySeconds)
        {
            throw new RpcException(ProverErrorCodes.Unauthorized, $"request expiry is more than {_options.MaxExpirySeconds} s ahead");
        }

        Hash256 signingHash = ProverOprfRequest.SigningHash(_chain.Spec.ChainId, request.Expiry, request.Elements);
        Address? signer = ProverSignatures.Recover(signingHash, request.Signature);
        if (signer is not { } operatorAddress)
        {
            throw new RpcException(ProverErrorCodes.Unauthorized, "invalid request signature");
        }

        BlockHeader head = _chain.Head;
        if (!_staking.IsActive(_chain.GetState(head), operatorAddress, StakingRole.EnrollmentOperator, head.Number + 1))
        {
            _log.LogWarning("Refused OPRF request of {Operator}: not an active EnrollmentOperator", operatorAddress);
            throw new RpcException(ProverErrorCodes.Unauthorized, $"{operatorAddress} is not an active EnrollmentOperator (Staking role 1)");
        }

        if (_replays.IsSeen(signingHash, now))
        {
            throw new RpcException(ProverErrorCodes.Unauthorized, "request already served (replay)");
        }

        if (!_limiter.TryTake(operatorAddress, request.Elements.Count, out TimeSpan retryAfter))
        {
            _log.LogWarning("Rate limit: refused {Count} OPRF evaluations for {Operator}", request.Elements.Count, operatorAddress);
            string wait = retryAfter == TimeSpan.MaxValue ? $"more than the burst of {_limiter.Burst}" : $"retry in {Math.Ceiling(retryAfter.TotalSeconds)} s";
            throw new RpcException(ProverErrorCodes.RateLimited, $"rate limit exceeded for {operatorAddress}: {wait}");
        }

        if (!_replays.TryAccept(signingHash, request.Expiry, now))
        {
            // Two copies raced past IsSeen; the first one is served.
            throw new RpcException(ProverErrorCodes.Unauthorized, "request already served (replay)");
        }

        // The points were validated above; each evaluation is independent (libsecp256k1's context is read-only), so an
        // enrolment's hundreds of bands use every core and each index fills only its own slot.
        var evaluations = new ProverOprfEvaluation[request.Elements.Count];
        Parallel.For(0, evaluations.Length, i =>
        {
            OprfEvaluation evaluation = _oprf.Evaluate(request.Elements[i]);
            evaluations[i] = new ProverOprfEvaluation(evaluation.Element, evaluation.Proof.ToBytes());
        });

        _log.LogInformation("Served {Count} OPRF evaluations for operator {Operator}", evaluations.Length, operatorAddress);
        return new ProverOprfResponse(_oprf.MemberIndex, operatorAddress, evaluations);
    }

    public ProverMatchResult MatchPalm(IReadOnlyList<Hash256> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        int max = _chain.Spec.Parameters.MaxDedupTags;
        if (tags.Count == 0 || tags.Count > max)
        {
            throw RpcException.InvalidParams($"give 1 to {max} dedup tags, got {tags.Count}");
        }

        BlockHeader head = _chain.Head;
        DuplicateMatch? match = _human.FindDuplicate(_chain.GetState(head), tags, head.Number + 1);
        int dedupMatch = _chain.Spec.Parameters.DedupMatch;
        return match is { } m
            ? new ProverMatchResult(head.Number, true, m.HumanIndex, m.Matches, dedupMatch)
            : new ProverMatchResult(head.Number, false, 0, 0, dedupMatch);
    }

    public ProverVerification VerifyHumanProof(HumanProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        BlockHeader head = _chain.Head;
        string? reason = _human.CheckProof(_chain.GetState(head), proof, head.Number + 1);
        bool valid = reason is null;
        Hash256 digest = ProverVerification.ComputeDigest(_chain.Spec.ChainId, head.Number, head.Hash, proof, valid);
        byte[] signature = ProverSignatures.ToBytes(_proverKey.Sign(ProverSignatures.PersonalMessageHash(digest)));
        return new ProverVerification(_chain.Spec.ChainId, head.Number, head.Hash, proof, valid, reason, _proverKey.Address, signature);
    }

    public ProverMembershipProof ProveMembership(ProverMembershipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_options.ZkeyDirectory is null)
        {
            throw new RpcException(ProverErrorCodes.Unavailable, "this prover does not offer delegated proving (no --prover-zkey-dir)");
        }

        SemaphoreIdentity identity;
        try
        {
            identity = new SemaphoreIdentity(request.IdentitySecret);
        }
        catch (ArgumentException e)
        {
            throw RpcException.InvalidParams("identitySecret is not a usable identity key: " + e.Message);
        }

        UInt256 commitment = UInt256.Parse(identity.Commitment.ToString());
        IStateReader state = _chain.HeadState;
        LeanImtProof merkle = _human.GetMerkleProof(state, commitment)
            ?? throw new RpcException(ProverErrorCodes.Unavailable, "the identity is not a live member of the human set");
        int treeDepth = Math.Max(1, _human.GetDepth(state));
        (int depth, ZkeyFile zkey) = FindZkey(treeDepth);
        SemaphoreWitness witness = SemaphoreWitness.Compute(identity, merkle, request.Message.ToBigInteger(), request.Scope.ToBigInteger(), depth);
        (Groth16Proof proof, Fr[] _) = Groth16Prover.Prove(zkey, witness.ToArray());
        BigInteger[] packed = SemaphoreProof.Pack(proof);
        var points = new UInt256[packed.Length];
        for (int i = 0; i < packed.Length; i++)
        {
            points[i] = UInt256.Parse(packed[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        _log.LogInformation("Proved membership at depth {Depth} for a delegating client", depth);
        return new ProverMembershipProof(commitment, new HumanProof((UInt256)(ulong)depth, UInt256.Parse(merkle.Root.ToString()),
            UInt256.Parse(witness.Nullifier.ToString()), request.Message, request.Scope, points));
    }

    private (int Depth, ZkeyFile Zkey) FindZkey(int minDepth)
    {
        for (int depth = minDepth; depth <= HumanVerificationKeys.MaxDepth; depth++)
        {
            string path = Path.Combine(_options.ZkeyDirectory!, $"semaphore-{depth}.zkey");
            if (File.Exists(path))
            {
                return (depth, _zkeys.GetOrAdd(depth, _ => new Lazy<ZkeyFile>(() => ZkeyFile.ReadFile(path))).Value);
            }
        }

        throw new RpcException(ProverErrorCodes.Unavailable, $"no proving key semaphore-D.zkey with D >= {minDepth} in the prover's key directory");
    }
}
