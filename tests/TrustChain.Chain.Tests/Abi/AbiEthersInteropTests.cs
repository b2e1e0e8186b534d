using System.Diagnostics;
using System.Text.Json.Nodes;
using TrustChain.Chain.Abi;
using TrustChain.Core;

namespace TrustChain.Chain.Tests.Abi;

/// <summary>Our codec against ethers v6's AbiCoder: the committed fixture (seed 1) and a live run with a fresh seed.</summary>
[TestFixture]
public sealed class AbiEthersInteropTests
{
    private static readonly Lazy<JsonObject> Fixture = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AbiTestValues.RepoRoot, "tests", "interop", "abi", "fixture.json")))!.AsObject());

    private static IEnumerable<TestCaseData> FixtureCases() =>
        Enumerable.Range(0, 300).Select(i => new TestCaseData(i).SetName($"ethers fixture case {i:D3}"));

    [TestCaseSource(nameof(FixtureCases))]
    public void Encoding_matches_ethers_byte_for_byte_and_decodes_back(int index) => CheckCase(Fixture.Value["cases"]![index]!.AsObject());

    [Test]
    public void Fixture_has_the_expected_shape()
    {
        Assert.That(Fixture.Value["cases"]!.AsArray(), Has.Count.EqualTo(300));
        Assert.That(Fixture.Value["generator"]!.GetValue<string>(), Does.StartWith("ethers 6."));
    }

    [Test]
    public void Selectors_match_ethers_function_fragments()
    {
        Assert.Multiple(() =>
        {
            foreach (JsonNode? s in Fixture.Value["selectors"]!.AsArray())
            {
                string signature = s!["signature"]!.GetValue<string>();
                string name = signature[..signature.IndexOf('(')];
                IReadOnlyList<AbiParameter> inputs = HumanReadableAbi.ParseParameters(signature[(name.Length + 1)..^1]);
                AbiFunction f = new(name, inputs, [], StateMutability.NonPayable);
                Assert.That(f.Signature, Is.EqualTo(signature));
                Assert.That(f.Selector.ToString(), Is.EqualTo(s["selector"]!.GetValue<string>()), signature);
            }
        });
    }

    [Test]
    public void Indexed_topics_match_ethers_encodeEventLog()
    {
        JsonArray topics = Fixture.Value["topics"]!.AsArray();
        Assert.That(topics, Has.Count.GreaterThan(30));
        Assert.Multiple(() =>
        {
            foreach (JsonNode? t in topics)
            {
                AbiType type = AbiType.Parse(t!["type"]!.GetValue<string>());
                AbiEvent e = AbiEvent.Parse($"E({type} indexed v)");
                object value = AbiTestValues.FromJson(type, t["value"]);
                var log = e.Encode(Address.Zero, value);
                Assert.That(log.Topics[0].ToString(), Is.EqualTo(t["topic0"]!.GetValue<string>()), type.CanonicalName);
                Assert.That(log.Topics[1].ToString(), Is.EqualTo(t["topic"]!.GetValue<string>()), type.CanonicalName);
            }
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public void Live_ethers_run_with_a_fresh_seed_agrees()
    {
        string script = Path.Combine(AbiTestValues.RepoRoot, "tests", "interop", "abi", "abi-fixture.mjs");
        int seed = Random.Shared.Next(2, int.MaxValue);
        ProcessStartInfo start = new("node", [script, seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "150"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(script)!,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("node is not installed");
            return;
        }

        using (process)
        {
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, "abi-fixture.mjs failed (seed " + seed + "): " + stderr.Result);
            JsonArray cases = JsonNode.Parse(stdout)!["cases"]!.AsArray();
            Assert.That(cases, Has.Count.EqualTo(150));
            foreach (JsonNode? c in cases)
            {
                CheckCase(c!.AsObject(), seed);
            }
        }
    }

    private static void CheckCase(JsonObject c, int? seed = null)
    {
        AbiType[] types = c["types"]!.AsArray().Select(t => AbiType.Parse(t!.GetValue<string>())).ToArray();
        JsonArray jsonValues = c["values"]!.AsArray();
        object[] values = types.Select((t, i) => AbiTestValues.FromJson(t, jsonValues[i])).ToArray();
        string expected = c["encoded"]!.GetValue<string>();
        string label = string.Join(",", types.Select(t => t.CanonicalName)) + (seed is null ? "" : " (seed " + seed + ")");

        byte[] encoded = AbiEncoder.Encode(types, values);
        object[] decoded = AbiDecoder.Decode(types, Hex.FromHexString(expected));

        Assert.That(Hex.ToHexString(encoded), Is.EqualTo(expected), label);
        for (int i = 0; i < types.Length; i++)
        {
            Assert.That(AbiTestValues.Canon(types[i], decoded[i]), Is.EqualTo(AbiTestValues.Canon(types[i], values[i])), label + " arg " + i);
        }
    }
}
