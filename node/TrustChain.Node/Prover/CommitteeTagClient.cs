using TrustChain.Biometrics.Lsh;
using TrustChain.Biometrics.Oprf;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.Tx;
using TrustChain.Rpc.Modules.Prover;

namespace TrustChain.Node.Prover;

/// <summary>
/// The scanner's side of the threshold OPRF over JSON-RPC: blinds every band, asks t provers at once (one signed
/// request each), spot-checks each answer's first DLEQ proof against the committee's public shares (a prover with a wrong
/// share fails them all), and only when some prover is down or caught asks the remaining ones. Finalize then checks
/// every proof it combines, so a prover that cheats on some bands only still cannot change a tag; it makes the call fail.
/// Fewer than t honest answers is an <see cref="OprfException"/> naming each prover's failure.
/// </summary>
public sealed class CommitteeTagClient
{
    private readonly ProverCommittee _committee;
    private readonly IReadOnlyList<ProverClient> _provers;
    private readonly PrivateKey _operatorKey;
    private readonly ulong _chainId;
    private readonly TimeProvider _time;

    public CommitteeTagClient(ProverCommittee committee, IReadOnlyList<ProverClient> provers, PrivateKey operatorKey, ulong chainId, TimeProvider? time = null)
    {
        _committee = committee ?? throw new ArgumentNullException(nameof(committee));
        _provers = provers ?? throw new ArgumentNullException(nameof(provers));
        _operatorKey = operatorKey ?? throw new ArgumentNullException(nameof(operatorKey));
        if (provers.Count < committee.Threshold)
        {
            throw new ArgumentException($"{provers.Count} prover URLs cannot meet the committee threshold {committee.Threshold}.", nameof(provers));
        }

        _chainId = chainId;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Members whose answers failed their DLEQ proof in the last call (a cheating or misconfigured prover).</summary>
    public IReadOnlyList<int> LastRejectedMembers { get; private set; } = [];

    public async Task<Hash256[]> TagAsync(IReadOnlyList<BandInput> bands, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bands);
        // Hundreds of bands, each a few independent point multiplications (libsecp256k1's context is read-only, so
        // thread-safe): BlindMany and the finalisation below spread them over the cores; each index writes only its own
        // slot, so the result is order-free.
        OprfBlindedInput[] blinded = OprfClient.BlindMany(bands);
        var elements = new byte[bands.Count][];
        for (int i = 0; i < elements.Length; i++)
        {
            elements[i] = blinded[i].BlindedElement;
        }

        ulong expiry = (ulong)_time.GetUtcNow().ToUnixTimeSeconds() + 120;
        ProverOprfRequest request = ProverOprfRequest.Create(_operatorKey, _chainId, expiry, elements);
        var answers = new List<ProverOprfResponse>(_provers.Count);
        var failures = new List<string>();
        var rejected = new HashSet<int>();
        int next = 0;
        while (true)
        {
            int needed = _committee.Threshold - CountValid(answers, rejected);
            if (needed <= 0)
            {
                break;
            }

            if (next >= _provers.Count)
            {
                string detail = failures.Count == 0 ? "" : " (" + string.Join("; ", failures) + ")";
                throw new OprfException($"only {CountValid(answers, rejected)} of the {_committee.Threshold} prover answers needed are valid{detail}");
            }

            int take = Math.Min(needed, _provers.Count - next);
            Task<ProverOprfResponse>[] calls = new Task<ProverOprfResponse>[take];
            for (int i = 0; i < take; i++)
            {
                calls[i] = _provers[next + i].EvaluateOprfAsync(request, cancellationToken);
            }

            for (int i = 0; i < take; i++)
            {
                try
                {
                    ProverOprfResponse response = await calls[i].ConfigureAwait(false);
                    if (response.Evaluations.Count != elements.Length)
                    {
                        failures.Add($"{_provers[next + i].Endpoint}: answered {response.Evaluations.Count} of {elements.Length} elements");
                        continue;
                    }

                    if (!FirstProofValid(response, elements[0]))
                    {
                        rejected.Add(response.Member);
                        failures.Add($"{_provers[next + i].Endpoint}: member {response.Member} failed its DLEQ proof");
                    }

                    answers.Add(response);
                }
                catch (JsonRpcClientException e)
                {
                    failures.Add($"{_provers[next + i].Endpoint}: {e.Message}");
                }
            }

            next += take;
        }

        LastRejectedMembers = rejected.Order().ToArray();
        var tags = new Hash256[bands.Count];
        ForEachBand(tags.Length, b =>
        {
            var evaluations = new List<OprfEvaluation>(answers.Count);
            foreach (ProverOprfResponse answer in answers)
            {
                if (!rejected.Contains(answer.Member))
                {
                    ProverOprfEvaluation e = answer.Evaluations[b];
                    evaluations.Add(new OprfEvaluation(answer.Member, e.Element, DleqProof.FromBytes(e.Proof)));
                }
            }

            tags[b] = OprfClient.Finalize(blinded[b], evaluations, _committee.Oprf).Tag;
        });

        return tags;
    }

    /// <summary>Parallel.For that rethrows the first failure as itself (an OprfException stays one).</summary>
    private static void ForEachBand(int count, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    private static int CountValid(List<ProverOprfResponse> answers, HashSet<int> rejected)
    {
        var members = new HashSet<int>();
        foreach (ProverOprfResponse answer in answers)
        {
            if (!rejected.Contains(answer.Member))
            {
                members.Add(answer.Member);
            }
        }

        return members.Count;
    }

    private bool FirstProofValid(ProverOprfResponse response, byte[] element)
    {
        if (!_committee.Oprf.TryGetMember(response.Member, out OprfCommitteeMember? member))
        {
            return false;
        }

        try
        {
            return DleqProof.FromBytes(response.Evaluations[0].Proof).Verify(member.PublicShare, element, response.Evaluations[0].Element);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
