using System.Globalization;
using TrustChain.Biometrics.FuzzyExtractor;
using TrustChain.Biometrics.Lsh;
using TrustChain.Biometrics.Templates;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.ModelHost;
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
    private readonly PalmBandLayout _layout;
    private readonly CodeOffsetExtractor _extractor;
    private readonly CommitteeTagClient _tagger;
    private readonly ProverClient _matcher;
    private readonly ContractClient _registry;
    private readonly PrivateKey _operatorKey;

    public PalmEnroller(ChainParameters parameters, CommitteeTagClient tagger, ProverClient matcher, ContractClient registry, PrivateKey operatorKey,
        CodeOffsetExtractor? extractor = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _layout = new PalmBandLayout(parameters.PalmBandSeed.Bytes, parameters.PalmBands, parameters.PalmBandBits);
        _tagger = tagger ?? throw new ArgumentNullException(nameof(tagger));
        _matcher = matcher ?? throw new ArgumentNullException(nameof(matcher));
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
        var match = await _matcher.MatchPalmAsync(tags, cancellationToken).ConfigureAwait(false);
        return new PalmCandidate(extraction.Secret, extraction.Helper, ToUInt256(identity.Commitment.ToString()), tags, match);
    }

    /// <summary>Sends enroll without waiting (for batches); a duplicate by the pre-check is refused here.</summary>
    public async Task<Hash256> SubmitAsync(PalmCandidate candidate, CancellationToken cancellationToken = default)
    {
        ThrowIfDuplicate(candidate);
        var sender = new Tx.TransactionSender(_registry.Rpc);
        byte[] data = EncodeEnroll(candidate);
        Tx.SendResult sent = await sender.SendAsync(new Tx.SendRequest(_operatorKey, _registry.Address, UInt256.Zero, data, GasLimit(data, candidate.Tags.Count)),
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

    private static void ThrowIfDuplicate(PalmCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Match.Duplicate)
        {
            throw new PalmDuplicateException(candidate.Match.HumanIndex, candidate.Match.Matches, candidate.Match.DedupMatch);
        }
    }

    private byte[] EncodeEnroll(PalmCandidate candidate) => _registry.Abi.GetFunction("enroll").EncodeCall(candidate.Commitment, candidate.Tags.ToArray());

    /// <summary>Intrinsic gas (at most 16 per calldata byte) plus enroll's fixed price; no estimate round trip.</summary>
    private static ulong GasLimit(byte[] data, int tags) => 21_000 + (16 * (ulong)data.Length) + HumanRegistryGas.Enroll + (HumanRegistryGas.PerTag * (ulong)tags);

    private static UInt256 ToUInt256(string decimalText) => UInt256.Parse(decimalText.ToString(CultureInfo.InvariantCulture));
}
