namespace TrustChain.Chain.Abi;

/// <summary>A contract's interface: what a JSON ABI file holds (constructors, fallbacks and receive are not modelled).</summary>
public sealed class ContractAbi
{
    public ContractAbi(IEnumerable<AbiFunction> functions, IEnumerable<AbiEvent> events, IEnumerable<AbiError> errors)
    {
        Functions = functions.ToArray();
        Events = events.ToArray();
        Errors = errors.ToArray();
        CheckUnique(Functions.Select(static f => f.Signature), "function");
        CheckUnique(Functions.Select(static f => f.Selector.ToString()), "function selector");
        CheckUnique(Events.Select(static e => e.Signature), "event");
        CheckUnique(Errors.Select(static e => e.Signature), "error");
    }

    public IReadOnlyList<AbiFunction> Functions { get; }

    public IReadOnlyList<AbiEvent> Events { get; }

    public IReadOnlyList<AbiError> Errors { get; }

    public static ContractAbi FromJson(string json) => AbiJsonReader.Read(json);

    /// <summary>The standard JSON ABI, sorted (functions, events, errors; then by name and signature) so the text is stable.</summary>
    public string ToJson() => AbiJsonWriter.Write(this);

    public AbiFunction GetFunction(string nameOrSignature) =>
        Functions.SingleOrDefault(f => f.Signature == nameOrSignature)
        ?? Functions.SingleOrDefault(f => f.Name == nameOrSignature)
        ?? throw new KeyNotFoundException($"no single function '{nameOrSignature}' in this ABI");

    public AbiEvent GetEvent(string nameOrSignature) =>
        Events.SingleOrDefault(e => e.Signature == nameOrSignature)
        ?? Events.SingleOrDefault(e => e.Name == nameOrSignature)
        ?? throw new KeyNotFoundException($"no single event '{nameOrSignature}' in this ABI");

    private static void CheckUnique(IEnumerable<string> keys, string what)
    {
        HashSet<string> seen = new(StringComparer.Ordinal);
        foreach (string key in keys)
        {
            if (!seen.Add(key))
            {
                throw new AbiException($"duplicate {what} {key}");
            }
        }
    }
}
