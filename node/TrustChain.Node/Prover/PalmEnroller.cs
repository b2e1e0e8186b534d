using System.Globalization;
using TrustChain.Biometrics.FuzzyExtractor;
using TrustChain.Biometrics.Lsh;
using TrustChain.Biometrics.Templates;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.ModelHost;
using TrustChain.Rpc.Modules.Prover;
using TrustChain.Zk.Semaphore;

namespace TrustChain.Node.Prover;

/// <summary>
/// The enrolment station: from a scan, Gen of the fuzzy extractor gives the identity secret (the Semaphore identity's
/// private key) and helper data; the LSH bands of the genesis layout become dedup tags through the prover committee's
/// OPRF; a prover pre-checks them against the set; the operator signs enroll(commitment, tags). Only the commitment
/// and the tags leave the station; the template, bands, helper data and secret stay with the person.
/// </summary>
public sealed class PalmEnroller
{
    private const ulong OwnerHeadroom = 8;

    private readonly PalmBandLayout _layout;
    private readonly CodeOffsetExtractor _extractor;
    private readonly CommitteeTagClient _tagger;
    private readonly IReadOnlyList<ProverClient> _matchers;
    private readonly ContractClient _registry;
    private readonly PrivateKey _operatorKey;

    public PalmEnroller(ChainParameters parameters, CommitteeTagClient tagger, ProverClient matcher, ContractClient registry, PrivateKey operatorKey,
        CodeOffsetExtractor? extractor = null)
        : this(parameters, tagger, [matcher ?? throw new ArgumentNullException(nameof(matcher))], registry, operatorKey, extractor)
    {
    }

    /// <param name="matchers">Provers asked for the dedup pre-check in order; the next one is tried when one is unreachable.</param>
    public PalmEnroller(ChainParameters parameters, CommitteeTagClient tagger, IReadOnlyList<ProverClient> matchers, ContractClient registry, PrivateKey operatorKey,
        CodeOffsetExtractor? extractor = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(matchers);
        if (matchers.Count == 0)
        {
            throw new ArgumentException("At least one prover is needed for the dedup pre-check.", nameof(matchers));
        }
        _layout = new PalmBandLayout(parameters.PalmBandSeed.Bytes, parameters.PalmBands, parameters.PalmBandBits);
        _tagger = tagger ?? throw new ArgumentNullException(nameof(tagger));
        _matchers = matchers.ToArray();
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _operatorKey = operatorKey ?? throw new ArgumentNullException(nameof(operatorKey));
        _extractor = extractor ?? new CodeOffsetExtractor();
    }

    public PalmBandLayout Layout => _layout;

    /// <summary>The OPRF dedup tags of a scan (blinded; the provers never see the bands).</summary>
    public Task<Hash256[]> TagsAsync(PalmTemplate scan, CancellationToken cancellationToken = default) =>
        _tagger.TagAsync(_layout.BandInputs(scan), cancellationToken);

    public async Task<PalmCandidate> PrepareAsync(PalmTemplate scan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scan);
        FuzzyExtraction extraction = _extractor.Generate(scan);
        SemaphoreIdentity identity = new(extraction.Secret);
        Hash256[] tags = await TagsAsync(scan, cancellationToken).ConfigureAwait(false);
        ProverMatchResult match = await MatchAsync(tags, cancellationToken).ConfigureAwait(false);
        return new PalmCandidate(extraction.Secret, extraction.Helper, ToUInt256(identity.Commitment.ToString()), tags, match);
    }

    /// <summary>Sends enroll without waiting (for batches); a duplicate by the pre-check is refused here.</summary>
    public async Task<Hash256> SubmitAsync(PalmCandidate candidate, CancellationToken cancellationToken = default)
    {
        ThrowIfDuplicate(candidate);
        var sender = new Tx.TransactionSender(_registry.Rpc);
        byte[] data = EncodeEnroll(candidate);
        ulong gasLimit = await GasLimitAsync(data, candidate.Tags.Count, cancellationToken).ConfigureAwait(false);
        Tx.SendResult sent = await sender.SendAsync(new Tx.SendRequest(_operatorKey, _registry.Address, UInt256.Zero, data, gasLimit),
            wait: false, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        return sent.Hash;
    }

    public async Task<PalmEnrollment> EnrollAsync(PalmTemplate scan, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        PalmCandidate candidate = await PrepareAsync(scan, cancellationToken).ConfigureAwait(false);
        ThrowIfDuplicate(candidate);
        ContractReceipt receipt = await _registry.SendAsync(_operatorKey, "enroll", [candidate.Commitment, candidate.Tags.ToArray()], UInt256.Zero, timeout,
            cancellationToken).ConfigureAwait(false);
        ContractLog enrolled = _registry.FindEvent(receipt, "HumanEnrolled");
        ulong index = (ulong)new UInt256(enrolled.Topics[1].Bytes);
        return new PalmEnrollment(candidate, index, receipt.Hash, receipt.BlockNumber);
    }

    private async Task<ProverMatchResult> MatchAsync(Hash256[] tags, CancellationToken cancellationToken)
    {
        List<string> failures = [];
        Tx.JsonRpcClientException? last = null;
        foreach (ProverClient matcher in _matchers)
        {
            try
            {
                return await matcher.MatchPalmAsync(tags, cancellationToken).ConfigureAwait(false);
            }
            catch (Tx.JsonRpcClientException e)
            {
                failures.Add($"{matcher.Endpoint}: {e.Message}");
                last = e;
            }
        }

        throw new Tx.JsonRpcClientException($"prover_matchPalm: no prover answered ({string.Join("; ", failures)})", last!);
    }

    private static void ThrowIfDuplicate(PalmCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Match.Duplicate)
        {
            throw new PalmDuplicateException(candidate.Match.HumanIndex, candidate.Match.Matches, candidate.Match.DedupMatch);
        }
    }

    private byte[] EncodeEnroll(PalmCandidate candidate) => _registry.Abi.GetFunction("enroll").EncodeCall(candidate.Commitment, candidate.Tags.ToArray());

    /// <summary>
    /// enroll's price depends on how many owners the tags already have, so estimate it at the head, plus room for
    /// <see cref="OwnerHeadroom"/> more owners on every tag: enrolments sent in the same batch may land first.
    /// </summary>
    private async Task<ulong> GasLimitAsync(byte[] data, int tags, CancellationToken cancellationToken)
    {
        Dictionary<string, string> call = new()
        {
            ["from"] = _operatorKey.Address.ToLowerHex(),
            ["to"] = _registry.Address.ToLowerHex(),
            ["input"] = Hex.ToHexString(data),
        };
        ulong estimate = Tx.RpcQuantity.ToUInt64(await _registry.Rpc.CallAsync("eth_estimateGas", [call], cancellationToken).ConfigureAwait(false), "eth_estimateGas");
        return estimate + (HumanRegistryGas.PerTagOwner * OwnerHeadroom * (ulong)tags);
    }

    private static UInt256 ToUInt256(string decimalText) => UInt256.Parse(decimalText.ToString(CultureInfo.InvariantCulture));
}
