using System.Text.Json.Nodes;
using TrustChain.Rpc.Docs;

namespace TrustChain.Node.Tests.Docs;

/// <summary>
/// The JSON-RPC reference against a real dev node: every served method is documented, every documented method exists,
/// every example call succeeds, and docs/json-rpc.md is what the catalogue generates.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class JsonRpcReferenceTests
{
    // Examples are self-contained requests; a fixed id keeps the reference stable between regenerations.
    private const int ExampleId = 1;

    private DocsDevNode _node = null!;

    [OneTimeSetUp]
    public async Task StartNode() => _node = await DocsDevNode.StartAsync();

    [OneTimeTearDown]
    public void StopNode() => _node?.Dispose();

    [Test]
    public async Task Every_served_method_is_documented_and_every_entry_names_a_real_method()
    {
        SortedSet<string> literals = RpcMethodLiterals.Find(TestContext.CurrentContext.TestDirectory);
        Assert.That(literals, Does.Contain("eth_chainId"), "the literal scan found no method names: is the node's assembly next to the tests?");
        HashSet<string> documented = RpcDocCatalogue.All.Select(static d => d.Name).ToHashSet(StringComparer.Ordinal);
        SortedSet<string> candidates = new(literals.Concat(documented), StringComparer.Ordinal);
        SortedSet<string> served = new(StringComparer.Ordinal);
        foreach (string name in candidates)
        {
            if (await IsServedAsync(name))
            {
                served.Add(name);
            }
        }

        List<string> problems = [];
        foreach (string name in served.Where(n => !documented.Contains(n)))
        {
            problems.Add($"{name} is served by the node but has no doc entry: add an RpcMethodDoc to {RpcDocCatalogue.FileFor(name)}");
        }

        foreach (string name in literals.Where(n => !served.Contains(n) && !documented.Contains(n)))
        {
            problems.Add($"{name} is a method name in the node's code that a dev node does not serve and that has no doc entry: add an RpcMethodDoc " +
                $"(with the right Availability) to {RpcDocCatalogue.FileFor(name)}, or list the literal in RpcMethodLiterals.NotMethods if it is not a method");
        }

        foreach (RpcMethodDoc doc in RpcDocCatalogue.All)
        {
            bool exists = doc.Availability == RpcAvailability.ProverNode ? literals.Contains(doc.Name) : served.Contains(doc.Name);
            if (!exists)
            {
                problems.Add($"{doc.Name} is documented in {RpcDocCatalogue.FileFor(doc.Name)} but no such method is " +
                    (doc.Availability == RpcAvailability.ProverNode ? "in the node's code" : "served by a dev node") + ": remove or rename the entry");
            }
        }

        Assert.That(problems, Is.Empty, string.Join("\n", problems));
        Assert.That(RpcDocCatalogue.All.Select(static d => d.Name), Is.Unique, "a method is documented twice");
    }

    [Test]
    public async Task Reference_is_generated_from_the_catalogue_with_working_examples()
    {
        Dictionary<string, (JsonObject Request, JsonObject Response)> examples = new(StringComparer.Ordinal);
        List<string> failures = [];
        foreach (RpcMethodDoc doc in RpcDocCatalogue.All)
        {
            Assert.That(doc.Params.Count(static p => !p.Optional), Is.LessThanOrEqualTo(JsonNode.Parse(doc.ExampleParams)!.AsArray().Count),
                $"{doc.Name}: the example omits a required parameter");
            if (doc.Availability == RpcAvailability.ProverNode)
            {
                continue;
            }

            JsonArray parameters = await _node.ResolveAsync(doc.ExampleParams);
            (JsonObject Request, JsonObject Response) call = doc.Availability == RpcAvailability.WebSocketOnly
                ? await _node.Client.CallWebSocketAsync(doc.Name, parameters, ExampleId)
                : await _node.Client.CallHttpAsync(doc.Name, parameters, ExampleId);
            if (call.Response["error"] is JsonNode error)
            {
                failures.Add($"{doc.Name} {parameters.ToJsonString()}: {error.ToJsonString()} — fix ExampleParams in {RpcDocCatalogue.FileFor(doc.Name)}");
            }

            examples[doc.Name] = call;
        }

        Assert.That(failures, Is.Empty, "example calls failed:\n" + string.Join("\n", failures));
        string generated = JsonRpcReferenceWriter.Write(RpcDocCatalogue.All, examples);
        if (DocsFiles.Rewrite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DocsFiles.JsonRpc)!);
            await File.WriteAllTextAsync(DocsFiles.JsonRpc, generated);
            return;
        }

        Assert.That(File.Exists(DocsFiles.JsonRpc), Is.True, $"{DocsFiles.JsonRpc} is missing: {DocsFiles.RegenerateHint(nameof(JsonRpcReferenceTests))}");
        string committed = await File.ReadAllTextAsync(DocsFiles.JsonRpc);
        Assert.That(JsonRpcReferenceWriter.Structure(committed), Is.EqualTo(JsonRpcReferenceWriter.Structure(generated)),
            $"docs/json-rpc.md does not match rpc/TrustChain.Rpc/Docs: {DocsFiles.RegenerateHint(nameof(JsonRpcReferenceTests))}");
    }

    private async Task<bool> IsServedAsync(string method)
    {
        (_, JsonObject response) = await _node.Client.CallHttpAsync(method, []);
        return !(response["error"] is JsonObject error
            && (int?)error["code"] == -32601
            && ((string?)error["message"])?.Contains("does not exist", StringComparison.Ordinal) == true);
    }
}
