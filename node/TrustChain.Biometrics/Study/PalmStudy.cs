using System.Diagnostics;
using System.Globalization;
using TrustChain.Biometrics.FuzzyExtractor;
using TrustChain.Biometrics.Lsh;
using TrustChain.Biometrics.Simulation;
using TrustChain.Biometrics.Templates;

namespace TrustChain.Biometrics.Study;

/// <summary>
/// The palm parameter study behind `trustchain palm study` (SYNTHETIC data only).
/// 1. Simulates People persons, each scanned twice (enrolment, re-scan).
/// 2. For every band width b measures pGenuine(b) (a band of a re-scan equals the enrolment's) and
///    pImpostor(b) (two distinct people's bands are equal, over all pairs) on the genesis band layout.
/// 3. For every band count k and width b ≥ MinBandBits picks the smallest m that keeps the analytic false-duplicate rate at the target
///    population within the target (smaller m = fewer missed duplicates). A configuration is acceptable when its
///    missed-duplicate rate is within MaxMissedRate both analytically and by direct simulation on its own band layout
///    (overlapping bands correlate band matches, which only the simulation sees) and a tag value has at most
///    MaxOwnersPerTag expected owners (N / 2^b) at the target population, because the chain reads every owner of every
///    tag. Among acceptable ones the study recommends the fewest bands (OPRF calls and tags per enrolment), then the
///    fewest owner reads per check, then the lowest miss rate. When none is acceptable it falls back to the lowest
///    miss rate and says so.
/// 4. Checks the recommended and provisional configurations by direct simulation (genuine misses; distinct
///    people against the first half enrolled), reports the rates, owners per tag and owner reads for 10^3…10^8
///    enrolled (analytic beyond the simulated population) and plots them.
/// 5. Measures the fuzzy extractor's genuine and impostor reproduce rates.
/// </summary>
public static class PalmStudy
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static PalmStudyResult Run(PalmStudyOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        options.Validate();
        string label = PalmSimulator.Label;
        progress.WriteLine($"[{label}] Palm parameter study: simulated palm codes, not real biometric data.");

        var simulator = new PalmSimulator(new PalmSimulatorOptions
        {
            Seed = options.Seed,
            GenuineBitErrorRate = options.GenuineBitErrorRate,
            MaskDropout = options.MaskDropout,
        });
        int people = options.People;
        var enrol = new PalmTemplate[people];
        var rescan = new PalmTemplate[people];
        for (int p = 0; p < people; p++)
        {
            SimulatedPerson person = simulator.Person((ulong)p);
            enrol[p] = simulator.Scan(person, 0);
            rescan[p] = simulator.Scan(person, 1);
        }

        ReportDistances(enrol, rescan, progress, label);

        int maxBands = Math.Max(options.ProvisionalBands, options.BandCounts.Max());
        var widths = new SortedSet<int>(options.BandWidths) { options.ProvisionalBandBits };
        var bandData = new Dictionary<int, BandData>();
        // A bit masked in either scan carries sensor noise, so it agrees only half the time.
        double bothValid = (1 - options.MaskDropout) * (1 - options.MaskDropout);
        double bitAgreement = bothValid * (1 - options.GenuineBitErrorRate) + (1 - bothValid) * 0.5;
        progress.WriteLine($"[{label}] Per-band match probabilities ({people} people, {maxBands} bands, seed-fixed layout):");
        foreach (int b in widths)
        {
            var layout = new PalmBandLayout(options.BandSeed, maxBands, b, enrol[0].BitLength);
            BandData data = BandData.Measure(layout, enrol, rescan);
            bandData[b] = data;
            progress.WriteLine(string.Format(Inv, "  b={0,2}: genuine {1:F4} (iid model {2:F4}), impostor {3:E3} (2^-b = {4:E3})",
                b, data.GenuineMatch, Math.Pow(bitAgreement, b), data.ImpostorMatch, Math.Pow(2, -b)));
        }

        var candidates = new List<DedupConfiguration>();
        foreach (int k in options.BandCounts)
        {
            foreach (int b in options.BandWidths)
            {
                if (b < options.MinBandBits)
                {
                    continue;
                }

                DedupConfiguration? best = SmallestFeasibleMatch(k, b, bandData[b], options);
                if (best is not null)
                {
                    candidates.Add(best);
                }
            }
        }

        if (candidates.Count == 0)
        {
            throw new InvalidOperationException("No candidate configuration meets the false-duplicate target; widen the band grid.");
        }

        (DedupConfiguration recommended, BandData recommendedData) = Choose(candidates, options, enrol, rescan, progress, label);
        BandData provisionalData = BandData.Measure(
            new PalmBandLayout(options.BandSeed, options.ProvisionalBands, options.ProvisionalBandBits, enrol[0].BitLength), enrol, rescan);
        var provisional = new DedupConfiguration(options.ProvisionalBands, options.ProvisionalBandBits, options.ProvisionalDedupMatch,
            provisionalData.GenuineMatch, provisionalData.ImpostorMatch);

        progress.WriteLine(string.Format(Inv, "[{0}] Candidates (b ≥ {3}; smallest m with false-duplicate rate ≤ {1:E1} at {2:E0} enrolled):", label,
            options.TargetFalseDuplicateRate, (double)options.TargetPopulation, options.MinBandBits));
        progress.WriteLine("     k   b   m   missed-dup   false-dup@target   owners/tag@target   owner reads/check@target");
        foreach (DedupConfiguration c in candidates)
        {
            progress.WriteLine(string.Format(Inv, "  {0,4} {1,3} {2,3}   {3,10:E3}   {4,16:E3}   {5,17:F1}   {6,24:F0}", c.Bands, c.BandBits, c.DedupMatch,
                c.MissedDuplicateRate, c.FalseDuplicateRate(options.TargetPopulation), c.ExpectedOwnersPerTag(options.TargetPopulation),
                c.OwnerReadsPerCheck(options.TargetPopulation)));
        }

        EmpiricalDedupCheck recommendedCheck = Check(recommended, recommendedData, people);
        EmpiricalDedupCheck provisionalCheck = Check(provisional, provisionalData, people);
        ReportRates(progress, label, recommended, recommendedCheck, "recommended", options.OwnerListCap);
        ReportRates(progress, label, provisional, provisionalCheck, "provisional", options.OwnerListCap);

        FuzzyMeasurement fuzzy = MeasureFuzzy(enrol, rescan, Math.Min(options.FuzzyTrials, people), options.Seed);
        progress.WriteLine(string.Format(Inv,
            "[{0}] Fuzzy extractor (5x repetition + BCH(511,t=17) shortened to 409): genuine re-scan reproduces {1}/{2} = {3:P2}; impostor {4}/{5} = {6:P2}; {7:F0} Rep/s",
            label, fuzzy.GenuineReproduced, fuzzy.GenuineTrials, fuzzy.GenuineRate, fuzzy.ImpostorReproduced, fuzzy.ImpostorTrials, fuzzy.ImpostorRate, fuzzy.ReproducePerSecond));

        string? plot = null;
        if (options.PlotPath is not null)
        {
            plot = Plot(recommended, provisional, options.OwnerListCap, options.PlotPath);
            progress.WriteLine($"[{label}] Plot written to {plot}");
        }

        progress.WriteLine($"[{label}] Recommended genesis defaults: PalmBands={recommended.Bands}, PalmBandBits={recommended.BandBits}, DedupMatch={recommended.DedupMatch}");
        return new PalmStudyResult(recommended, provisional, recommendedCheck, provisionalCheck, candidates, fuzzy, plot);
    }

    /// <summary>Smallest m (fewest misses) whose analytic false-duplicate rate at the target population meets the target.</summary>
    private static DedupConfiguration? SmallestFeasibleMatch(int k, int b, BandData data, PalmStudyOptions options)
    {
        for (int m = 1; m <= k; m++)
        {
            var config = new DedupConfiguration(k, b, m, data.GenuineMatch, data.ImpostorMatch);
            if (config.FalseDuplicateRate(options.TargetPopulation) <= options.TargetFalseDuplicateRate)
            {
                return config;
            }
        }

        return null;
    }

    private static (DedupConfiguration Config, BandData Data) Choose(List<DedupConfiguration> candidates, PalmStudyOptions options,
        PalmTemplate[] enrol, PalmTemplate[] rescan, TextWriter progress, string label)
    {
        double target = options.TargetPopulation;
        List<DedupConfiguration> ranked = [];
        foreach (DedupConfiguration c in candidates)
        {
            if (c.MissedDuplicateRate <= options.MaxMissedRate && c.ExpectedOwnersPerTag(target) <= options.MaxOwnersPerTag)
            {
                ranked.Add(c);
            }
        }

        ranked.Sort((a, b) =>
        {
            int order = a.Bands.CompareTo(b.Bands);
            order = order != 0 ? order : a.OwnerReadsPerCheck(target).CompareTo(b.OwnerReadsPerCheck(target));
            return order != 0 ? order : a.MissedDuplicateRate.CompareTo(b.MissedDuplicateRate);
        });

        foreach (DedupConfiguration c in ranked)
        {
            // The analytic miss assumes independent bands; the simulation on the configuration's own layout decides.
            BandData data = BandData.Measure(new PalmBandLayout(options.BandSeed, c.Bands, c.BandBits, enrol[0].BitLength), enrol, rescan);
            double simulated = Check(c, data, enrol.Length).MissedRate;
            progress.WriteLine(string.Format(Inv, "[{0}] acceptable {1}: simulated miss {2:E3} on its own layout{3}", label, c, simulated,
                simulated <= options.MaxMissedRate ? "" : " (over the bound, skipped)"));
            if (simulated <= options.MaxMissedRate)
            {
                return (c with { GenuineBandMatch = data.GenuineMatch, ImpostorBandMatch = data.ImpostorMatch }, data);
            }
        }

        double bestMiss = double.MaxValue;
        DedupConfiguration? fallback = null;
        foreach (DedupConfiguration c in candidates)
        {
            if (c.MissedDuplicateRate < bestMiss)
            {
                bestMiss = c.MissedDuplicateRate;
                fallback = c;
            }
        }

        progress.WriteLine(string.Format(Inv,
            "[{0}] No configuration meets missed ≤ {1:P1} with ≤ {2} owners per tag at {3:E0}; falling back to the lowest miss rate.",
            label, options.MaxMissedRate, options.MaxOwnersPerTag, target));
        return (fallback!, BandData.Measure(new PalmBandLayout(options.BandSeed, fallback!.Bands, fallback.BandBits, enrol[0].BitLength), enrol, rescan));
    }

    private static EmpiricalDedupCheck Check(DedupConfiguration config, BandData data, int people)
    {
        int k = config.Bands;
        int m = config.DedupMatch;
        int stride = data.Bands;
        int missed = 0;
        for (int p = 0; p < people; p++)
        {
            int matches = 0;
            for (int band = 0; band < k; band++)
            {
                matches += data.Enrol[p * stride + band] == data.Rescan[p * stride + band] ? 1 : 0;
            }

            missed += matches < m ? 1 : 0;
        }

        // Distinct people: the second half's re-scans against the first half's enrolments.
        int enrolled = people / 2;
        var buckets = new Dictionary<ulong, List<int>>[k];
        for (int band = 0; band < k; band++)
        {
            buckets[band] = new Dictionary<ulong, List<int>>();
            for (int p = 0; p < enrolled; p++)
            {
                ulong value = data.Enrol[p * stride + band];
                if (!buckets[band].TryGetValue(value, out List<int>? list))
                {
                    list = [];
                    buckets[band][value] = list;
                }

                list.Add(p);
            }
        }

        int[] counts = new int[enrolled];
        var touched = new List<int>();
        int falseDuplicates = 0;
        int maxImpostor = 0;
        for (int c = enrolled; c < people; c++)
        {
            int best = 0;
            for (int band = 0; band < k; band++)
            {
                if (!buckets[band].TryGetValue(data.Rescan[c * stride + band], out List<int>? list))
                {
                    continue;
                }

                foreach (int p in list)
                {
                    if (counts[p]++ == 0)
                    {
                        touched.Add(p);
                    }

                    best = Math.Max(best, counts[p]);
                }
            }

            foreach (int p in touched)
            {
                counts[p] = 0;
            }

            touched.Clear();
            maxImpostor = Math.Max(maxImpostor, best);
            falseDuplicates += best >= m ? 1 : 0;
        }

        return new EmpiricalDedupCheck(config, people, missed, enrolled, people - enrolled, falseDuplicates, maxImpostor);
    }

    private static void ReportDistances(PalmTemplate[] enrol, PalmTemplate[] rescan, TextWriter progress, string label)
    {
        double genuine = 0;
        double impostor = 0;
        for (int p = 0; p < enrol.Length; p++)
        {
            genuine += PalmHamming.Fractional(enrol[p], rescan[p]);
            impostor += PalmHamming.Fractional(enrol[p], rescan[(p + 1) % enrol.Length]);
        }

        progress.WriteLine(string.Format(Inv, "[{0}] Mean masked Hamming distance: genuine {1:F4}, impostor {2:F4} ({3} people)",
            label, genuine / enrol.Length, impostor / enrol.Length, enrol.Length));
    }

    private static void ReportRates(TextWriter progress, string label, DedupConfiguration config, EmpiricalDedupCheck check, string name, int cap)
    {
        progress.WriteLine(string.Format(Inv, "[{0}] {1} {2}: band match genuine {3:F4}, impostor {4:E3}", label, name, config, config.GenuineBandMatch, config.ImpostorBandMatch));
        progress.WriteLine(string.Format(Inv, "  missed-duplicate rate: analytic {0:E3}, simulated {1}/{2} = {3:E3}",
            config.MissedDuplicateRate, check.Missed, check.Genuine, check.MissedRate));
        progress.WriteLine(string.Format(Inv, "  false-duplicate rate simulated at N={0}: {1}/{2} distinct people flagged (95% upper bound {3:E2}; analytic {4:E3})",
            check.Enrolled, check.FalseDuplicates, check.Candidates, check.FalseDuplicateUpper95, config.FalseDuplicateRate(check.Enrolled)));
        progress.WriteLine($"     enrolled N   false-dup rate   owners/tag (N/2^b)   owner reads/check   lists at cap {cap}");
        for (int e = 3; e <= 8; e++)
        {
            double n = Math.Pow(10, e);
            progress.WriteLine(string.Format(Inv, "  {0,11:E0}   {1,14:E3}   {2,18:F3}   {3,17:F1}   {4,12:E2}", n, config.FalseDuplicateRate(n),
                config.ExpectedOwnersPerTag(n), config.OwnerReadsPerCheck(n), config.ExpectedFullLists(n, cap)));
        }

        progress.WriteLine(string.Format(Inv, "  largest impostor band-collision count seen: {0} (threshold {1})", check.MaxImpostorMatches, config.DedupMatch));
    }

    private static FuzzyMeasurement MeasureFuzzy(PalmTemplate[] enrol, PalmTemplate[] rescan, int trials, ulong seed)
    {
        var extractor = new CodeOffsetExtractor();
        var helpers = new FuzzyHelperData[trials];
        Span<byte> entropy = stackalloc byte[32];
        var rng = new Xoshiro256StarStar(Xoshiro256StarStar.DeriveSeed(seed, 0x4655_5A5A)); // "FUZZ"
        for (int i = 0; i < trials; i++)
        {
            for (int j = 0; j < 32; j += 8)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(entropy[j..], rng.NextUInt64());
            }

            helpers[i] = extractor.Generate(enrol[i], entropy).Helper;
        }

        int genuine = 0;
        int impostor = 0;
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < trials; i++)
        {
            genuine += extractor.TryReproduce(rescan[i], helpers[i], out _) ? 1 : 0;
            impostor += extractor.TryReproduce(rescan[(i + 1) % rescan.Length], helpers[i], out _) ? 1 : 0;
        }

        watch.Stop();
        double perSecond = trials == 0 ? 0 : 2.0 * trials / Math.Max(watch.Elapsed.TotalSeconds, 1e-9);
        return new FuzzyMeasurement(trials, genuine, trials, impostor, perSecond);
    }

    private static string Plot(DedupConfiguration recommended, DedupConfiguration provisional, int cap, string path)
    {
        var blue = new Rgb(31, 119, 180);
        var red = new Rgb(214, 39, 40);
        var green = new Rgb(44, 160, 44);
        var chart = new LineChart
        {
            Title = "SYNTHETIC PALM DEDUP STUDY",
            XLabel = "ENROLLED HUMANS N",
            YLabel = "RATE / OWNER FILL",
            XMin = 1e3,
            XMax = 1e8,
            YMin = 1e-14,
            YMax = 1,
            Series =
            [
                new ChartSeries($"FALSE DUP {recommended} (RECOMMENDED)", blue, Curve(recommended, false)),
                new ChartSeries("MISSED DUP (RECOMMENDED)", blue, Curve(recommended, true), Dashed: true),
                new ChartSeries($"FALSE DUP {provisional} (PROVISIONAL)", red, Curve(provisional, false)),
                new ChartSeries("MISSED DUP (PROVISIONAL)", red, Curve(provisional, true), Dashed: true),
                new ChartSeries($"OWNERS PER TAG / CAP {cap} (RECOMMENDED)", green, Owners(recommended, cap)),
                new ChartSeries("OWNERS PER TAG / CAP (PROVISIONAL)", green, Owners(provisional, cap), Dashed: true),
            ],
        };
        string full = Path.GetFullPath(path);
        string? directory = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        PngEncoder.Save(chart.Render(), full);
        return full;
    }

    private static ChartPoint[] Curve(DedupConfiguration config, bool missed)
    {
        var points = new ChartPoint[51];
        for (int i = 0; i < points.Length; i++)
        {
            double n = Math.Pow(10, 3 + i * 0.1);
            points[i] = new ChartPoint(n, missed ? config.MissedDuplicateRate : config.FalseDuplicateRate(n));
        }

        return points;
    }

    /// <summary>Expected owners per tag value over the list cap, clipped to the chart's top (1 = lists full on average).</summary>
    private static ChartPoint[] Owners(DedupConfiguration config, int cap)
    {
        var points = new ChartPoint[51];
        for (int i = 0; i < points.Length; i++)
        {
            double n = Math.Pow(10, 3 + i * 0.1);
            points[i] = new ChartPoint(n, Math.Min(1, config.ExpectedOwnersPerTag(n) / cap));
        }

        return points;
    }

    /// <summary>Band values of every person's enrolment and re-scan for one band width, plus the measured match rates.</summary>
    private sealed class BandData
    {
        private BandData(int bands, ulong[] enrolValues, ulong[] rescanValues, double genuine, double impostor)
        {
            Bands = bands;
            Enrol = enrolValues;
            Rescan = rescanValues;
            GenuineMatch = genuine;
            ImpostorMatch = impostor;
        }

        public int Bands { get; }

        public ulong[] Enrol { get; }

        public ulong[] Rescan { get; }

        public double GenuineMatch { get; }

        public double ImpostorMatch { get; }

        public static BandData Measure(PalmBandLayout layout, PalmTemplate[] enrol, PalmTemplate[] rescan)
        {
            int people = enrol.Length;
            int k = layout.Bands;
            ulong[] e = new ulong[people * k];
            ulong[] r = new ulong[people * k];
            long genuineMatches = 0;
            for (int p = 0; p < people; p++)
            {
                layout.BandValues(enrol[p], e.AsSpan(p * k, k));
                layout.BandValues(rescan[p], r.AsSpan(p * k, k));
                for (int band = 0; band < k; band++)
                {
                    genuineMatches += e[p * k + band] == r[p * k + band] ? 1 : 0;
                }
            }

            // Impostor collisions over all C(P,2) pairs per band: sort the band's values and count equal runs.
            long collidingPairs = 0;
            ulong[] column = new ulong[people];
            for (int band = 0; band < k; band++)
            {
                for (int p = 0; p < people; p++)
                {
                    column[p] = e[p * k + band];
                }

                Array.Sort(column);
                long run = 1;
                for (int p = 1; p <= people; p++)
                {
                    if (p < people && column[p] == column[p - 1])
                    {
                        run++;
                        continue;
                    }

                    collidingPairs += run * (run - 1) / 2;
                    run = 1;
                }
            }

            double pairs = (double)people * (people - 1) / 2 * k;
            double impostor = collidingPairs > 0 ? collidingPairs / pairs : 3.0 / pairs;
            return new BandData(k, e, r, (double)genuineMatches / (people * (double)k), impostor);
        }
    }
}
