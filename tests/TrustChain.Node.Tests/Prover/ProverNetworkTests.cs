using System.Text;
using TrustChain.Biometrics.FuzzyExtractor;
using TrustChain.Biometrics.Lsh;
using TrustChain.Biometrics.Oprf;
using TrustChain.Biometrics.Simulation;
using TrustChain.Biometrics.Templates;
using TrustChain.Core;
using TrustChain.Node.Prover;
using TrustChain.Node.Tests.Testnet;
using TrustChain.Node.Tx;
using TrustChain.Rpc.Modules.Prover;

namespace TrustChain.Node.Tests.Prover;

/// <summary>
/// Issue 7's network test, in process: a dev chain and three prover services (threshold 2) on their own ports; SYNTHETIC
/// people enrol over JSON-RPC exactly as `palm enroll` does. Checks dedup (re-scans caught at the study's rate, no
/// distinct person rejected), availability with one prover down and a clear failure with two down, DLEQ catching a
/// prover with a wrong share, and that no palm material reaches the database or the logs.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ProverNetworkTests
{
    /// <summary>
    /// The 200. Each enrolment and each re-scan costs 224 bands of OPRF work (blind, two provers' evaluations and
    /// DLEQ proofs, verification, combination), so scans are prepared <see cref="ScansInFlight"/> at a time: while one
    /// waits on HTTP, JSON or the pre-check, another keeps the cores busy.
    /// </summary>
    private const int People = 200;

    /// <summary>Enough to cover one scan's serial stretches; more only adds contention on two cores.</summary>
    private const int ScansInFlight = 3;
    private const ulong Seed = 7_000;

    private ProverNetwork _network = null!;
    private JsonRpcClient _rpc = null!;
    private readonly List<PalmTemplate> _enrolScans = [];
    private readonly List<PalmCandidate> _enrolled = [];
    private Task<(int PipelineMissed, int ChainMissed, PalmCandidate? Caught)>? _rescans;

    [OneTimeSetUp]
    public async Task EnrolPopulation()
    {
        _network = await ProverNetwork.StartAsync(new ProverOptions { RatePerSecond = 1_000_000, Burst = 1_000_000 });
        _rpc = new JsonRpcClient(_network.ChainUri);
        PalmEnroller enroller = _network.Enroller(_rpc, _network.ProverUris, out _, out List<ProverClient> clients);
        PalmSimulator simulator = new(new PalmSimulatorOptions { Seed = Seed });
        PalmTemplate[] scans = new PalmTemplate[People];
        for (ulong person = 0; person < People; person++)
        {
            scans[person] = simulator.Scan(person, 0);
        }

        // Prepared concurrently, submitted in person order (one operator nonce sequence; human index = person).
        Task<PalmCandidate>[] prepared = PrepareAll(enroller, scans);
        List<Hash256> transactions = [];
        for (int person = 0; person < People; person++)
        {
            PalmCandidate candidate = await prepared[person];
            Assert.That(candidate.Match.Duplicate, Is.False, $"distinct person {person} flagged as a duplicate of human {candidate.Match.HumanIndex}");
            transactions.Add(await enroller.SubmitAsync(candidate));
            _enrolScans.Add(scans[person]);
            _enrolled.Add(candidate);
        }

        foreach (Hash256 tx in transactions)
        {
            await WaitForReceipt(tx, expectSuccess: true);
        }

        clients.ForEach(c => c.Dispose());
    }

    [OneTimeTearDown]
    public async Task StopNetwork()
    {
        _rpc?.Dispose();
        if (_network is not null)
        {
            await _network.DisposeAsync();
        }
    }

    [Test]
    public void Every_distinct_person_is_enrolled()
    {
        Assert.That(_network.Human.GetSize(_network.Chain.HeadState), Is.EqualTo((ulong)People));
        for (int i = 0; i < People; i++)
        {
            Assert.That(_network.Human.FindByCommitment(_network.Chain.HeadState, _enrolled[i].Commitment), Is.EqualTo((ulong)i));
        }
    }

    [Test]
    public async Task Genuine_rescans_collide_at_the_studys_rate_and_the_chain_rejects_a_flagged_one()
    {
        (int pipelineMissed, int chainMissed, PalmCandidate? caught) = await Rescans();

        // NOTES.md: 0.7% analytic / 1.4% simulated missed (224 bands of 20 bits, dedupMatch 4); P[Bin(200, 0.014) > 8] < 0.01.
        TestContext.Out.WriteLine($"missed duplicates: {pipelineMissed}/{People} by tag collisions, {chainMissed}/{People} by the chain's matchPalm");
        Assert.That(pipelineMissed, Is.LessThanOrEqualTo(8));
        Assert.That(caught, Is.Not.Null);
        PalmEnroller enroller = _network.Enroller(_rpc, _network.ProverUris, out _, out List<ProverClient> clients);
        Assert.ThrowsAsync<PalmDuplicateException>(() => enroller.SubmitAsync(caught!));

        // Past the pre-check, the chain itself refuses the duplicate.
        var contract = _network.Registry(_rpc);
        JsonRpcClientException? reverted = Assert.ThrowsAsync<JsonRpcClientException>(() =>
            contract.SendAsync(ProverNetwork.Operator, "enroll", [caught!.Commitment, caught.Tags.ToArray()], UInt256.Zero, TimeSpan.FromSeconds(30)));
        Assert.That(reverted!.Message, Does.Contain("duplicate human"));
        clients.ForEach(c => c.Dispose());
    }

    /// <summary>
    /// The chain's matchPalm misses exactly the re-scans whose tags collide fewer than dedupMatch times: HumanRegistry
    /// keeps every owner of a tag value (up to maxOwnersPerTag), so no human loses tags to an earlier one.
    /// </summary>
    [Test]
    public async Task The_chains_dedup_misses_no_more_than_the_tag_collisions()
    {
        (int pipelineMissed, int chainMissed, _) = await Rescans();
        Assert.That(chainMissed, Is.EqualTo(pipelineMissed));
    }

    /// <summary>Both re-scan tests read the same pass (the OPRF work dominates the fixture's time).</summary>
    private Task<(int PipelineMissed, int ChainMissed, PalmCandidate? Caught)> Rescans() => _rescans ??= RescanAll();

    private async Task<(int PipelineMissed, int ChainMissed, PalmCandidate? Caught)> RescanAll()
    {
        PalmEnroller enroller = _network.Enroller(_rpc, _network.ProverUris, out _, out List<ProverClient> clients);
        PalmSimulator simulator = new(new PalmSimulatorOptions { Seed = Seed });
        int dedupMatch = _network.Spec.Parameters.DedupMatch;
        int pipelineMissed = 0;
        int chainMissed = 0;
        PalmCandidate? caught = null;
        PalmTemplate[] scans = new PalmTemplate[People];
        for (int person = 0; person < People; person++)
        {
            scans[person] = simulator.Scan((ulong)person, 1);
        }

        Task<PalmCandidate>[] prepared = PrepareAll(enroller, scans);
        for (int person = 0; person < People; person++)
        {
            PalmCandidate rescan = await prepared[person];
            if (DedupMatcher.CountMatches(rescan.Tags.ToArray(), _enrolled[person].Tags.ToArray()) < dedupMatch)
            {
                pipelineMissed++;
            }

            if (!rescan.Match.Duplicate)
            {
                chainMissed++;
                continue;
            }

            Assert.That(rescan.Match.HumanIndex, Is.EqualTo((ulong)person), "a re-scan must point at its own human");
            caught ??= rescan;
        }

        clients.ForEach(c => c.Dispose());
        return (pipelineMissed, chainMissed, caught);
    }

    /// <summary>Starts every scan's preparation, at most <see cref="ScansInFlight"/> at a time, in order.</summary>
    private static Task<PalmCandidate>[] PrepareAll(PalmEnroller enroller, PalmTemplate[] scans)
    {
        SemaphoreSlim slots = new(ScansInFlight);
        Task<PalmCandidate>[] prepared = new Task<PalmCandidate>[scans.Length];
        for (int i = 0; i < scans.Length; i++)
        {
            PalmTemplate scan = scans[i];
            prepared[i] = Task.Run(async () =>
            {
                await slots.WaitAsync();
                try
                {
                    return await enroller.PrepareAsync(scan);
                }
                finally
                {
                    slots.Release();
                }
            });
        }

        return prepared;
    }

    [Test]
    public async Task One_prover_down_still_enrols_and_two_down_fail_clearly()
    {
        Uri down = new($"http://127.0.0.1:{FreePorts.FindRun(1)}/");
        PalmSimulator simulator = new(new PalmSimulatorOptions { Seed = Seed + 1 });
        PalmEnroller oneDown = _network.Enroller(_rpc, [down, _network.ProverUris[1], _network.ProverUris[2]], out _, out List<ProverClient> a);
        PalmEnrollment enrolled = await oneDown.EnrollAsync(simulator.Scan(1, 0), TimeSpan.FromSeconds(30));
        Assert.That(enrolled.HumanIndex, Is.GreaterThanOrEqualTo((ulong)People));

        PalmEnroller twoDown = _network.Enroller(_rpc, [down, new Uri($"http://127.0.0.1:{FreePorts.FindRun(1)}/"), _network.ProverUris[2]], out _, out List<ProverClient> b);
        OprfException? failure = Assert.ThrowsAsync<OprfException>(() => twoDown.PrepareAsync(simulator.Scan(2, 0)));
        Assert.That(failure!.Message, Does.Contain("only 1 of the 2 prover answers needed are valid").And.Contain("cannot reach"));
        a.Concat(b).ToList().ForEach(c => c.Dispose());
    }

    [Test]
    public async Task A_prover_with_a_wrong_share_is_caught_by_its_dleq_proof()
    {
        // Member 1 runs with a share that is not the one registered in the committee.
        OprfKeyShare wrong = ShamirDealer.Deal(2, 3).Shares[0];
        ProverCommittee itsOwnBelief = new(2, _network.Committee.Oprf.PublicKey,
            [new ProverCommitteeMember(1, wrong.PublicShare.ToArray(), null, null), .. _network.Committee.Members.Skip(1)]);
        Uri cheater = await _network.ServeAsync(_network.CreateService(wrong, itsOwnBelief, ProverNetwork.ProverKey(0), new ProverOptions()));
        PalmTemplate scan = new PalmSimulator(new PalmSimulatorOptions { Seed = Seed }).Scan(3, 2);

        PalmEnroller withSpare = _network.Enroller(_rpc, [cheater, _network.ProverUris[1], _network.ProverUris[2]], out CommitteeTagClient tagger, out List<ProverClient> a);
        Hash256[] tags = await withSpare.TagsAsync(scan);
        Assert.That(tagger.LastRejectedMembers, Is.EqualTo(new[] { 1 }));
        PalmEnroller honest = _network.Enroller(_rpc, _network.ProverUris, out _, out List<ProverClient> b);
        Assert.That(tags, Is.EqualTo(await honest.TagsAsync(scan)), "the tags come from honest members only");

        PalmEnroller noSpare = _network.Enroller(_rpc, [cheater, _network.ProverUris[1]], out _, out List<ProverClient> c);
        OprfException? failure = Assert.ThrowsAsync<OprfException>(() => noSpare.TagsAsync(scan));
        Assert.That(failure!.Message, Does.Contain("member 1 failed its DLEQ proof"));
        a.Concat(b).Concat(c).ToList().ForEach(x => x.Dispose());
    }

    [Test]
    public void No_template_band_or_helper_bytes_reach_the_database_or_the_logs()
    {
        List<(string What, byte[] Needle)> needles = [];
        for (int i = 0; i < People; i++)
        {
            byte[] bits = Words(_enrolScans[i].Bits);
            for (int offset = 0; offset + 16 <= bits.Length; offset += 16)
            {
                needles.Add(($"person {i} template bits @{offset}", bits[offset..(offset + 16)]));
            }

            ulong[] bands = new ulong[_network.Spec.Parameters.PalmBands];
            new PalmBandLayout(_network.Spec.Parameters.PalmBandSeed.Bytes, bands.Length, _network.Spec.Parameters.PalmBandBits)
                .BandValues(_enrolScans[i], bands);
            needles.Add(($"person {i} band values", bands.Select(v => (byte)v).ToArray()));
            FuzzyHelperData helper = _enrolled[i].Helper;
            needles.Add(($"person {i} helper salt", helper.Salt.ToArray()));
            needles.Add(($"person {i} helper check", helper.Check.ToArray()));
            byte[] offsetBytes = Words(helper.Offset);
            needles.Add(($"person {i} helper offset", offsetBytes[..32]));
            needles.Add(($"person {i} identity secret", _enrolled[i].IdentitySecret));
        }

        // Sanity: the commitments are in the database, so the scan can see what is there.
        Assert.That(_network.Logs.ToString(), Does.Contain($"Served {_network.Spec.Parameters.PalmBands} OPRF evaluations"));
        List<(string Name, byte[] Content)> haystacks = [.. _network.DatabaseFiles().Select(f => (f, ReadShared(f)))];
        haystacks.Add(("logs", Encoding.UTF8.GetBytes(_network.Logs.ToString())));
        // One pass per haystack with the needles indexed by their first 8 bytes (tens of thousands of needles).
        Dictionary<ulong, List<(string What, byte[] Needle)>> byPrefix = [];
        foreach ((string what, byte[] needle) in needles)
        {
            AddNeedle(byPrefix, what, needle);
            AddNeedle(byPrefix, what + " (hex)", Encoding.ASCII.GetBytes(Convert.ToHexStringLower(needle)));
        }

        foreach ((string name, byte[] content) in haystacks)
        {
            Assert.That(FindAny(content, byPrefix), Is.Null, $"palm material found in {name}");
        }
    }

    private static void AddNeedle(Dictionary<ulong, List<(string What, byte[] Needle)>> byPrefix, string what, byte[] needle)
    {
        ulong key = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(needle);
        if (!byPrefix.TryGetValue(key, out List<(string What, byte[] Needle)>? list))
        {
            list = [];
            byPrefix[key] = list;
        }

        list.Add((what, needle));
    }

    private static string? FindAny(byte[] content, Dictionary<ulong, List<(string What, byte[] Needle)>> byPrefix)
    {
        for (int i = 0; i + 8 <= content.Length; i++)
        {
            ulong key = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(content.AsSpan(i));
            if (byPrefix.TryGetValue(key, out List<(string What, byte[] Needle)>? list))
            {
                foreach ((string what, byte[] needle) in list)
                {
                    if (content.AsSpan(i).StartsWith(needle))
                    {
                        return what;
                    }
                }
            }
        }

        return null;
    }

    private static byte[] Words(ReadOnlySpan<ulong> words)
    {
        byte[] bytes = new byte[words.Length * 8];
        for (int i = 0; i < words.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8 * i), words[i]);
        }

        return bytes;
    }

    private static byte[] ReadShared(string path)
    {
        using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using MemoryStream copy = new();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private async Task WaitForReceipt(Hash256 tx, bool expectSuccess)
    {
        for (int attempt = 0; attempt < 300; attempt++)
        {
            System.Text.Json.JsonElement receipt = await _rpc.CallAsync("eth_getTransactionReceipt", [tx.ToString()]);
            if (receipt.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                Assert.That(receipt.GetProperty("status").GetString() == "0x1", Is.EqualTo(expectSuccess), $"receipt of {tx}");
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"transaction {tx} was not mined");
    }
}
