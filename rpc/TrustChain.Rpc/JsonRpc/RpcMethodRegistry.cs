using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace TrustChain.Rpc.JsonRpc;

/// <summary>
/// Thread-safe method table. Lookups take a <see cref="ReadOnlySpan{T}"/> of the method name so the dispatcher
/// never allocates a string for a known method.
/// </summary>
public sealed class RpcMethodRegistry
{
    private readonly ConcurrentDictionary<string, RpcMethod> _methods = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RpcMethod>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;

    public RpcMethodRegistry()
    {
        _spanLookup = _methods.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _methods.Count;

    /// <summary>Parameterless methods answered from pre-encoded results until the head block changes.</summary>
    public RpcResultCache ResultCache { get; } = new();

    public IEnumerable<string> Names => _methods.Keys;

    /// <summary>Registers a method; a second registration under the same name is a wiring bug and throws.</summary>
    public void Register(string name, RpcHandler handler)
    {
        var method = new RpcMethod(name, handler);
        if (!_methods.TryAdd(name, method))
        {
            throw new InvalidOperationException($"RPC method '{name}' is already registered.");
        }
    }

    public void Register(IRpcModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        module.Register(this);
    }

    public bool Unregister(string name) => _methods.TryRemove(name, out _);

    public bool TryGet(string name, [NotNullWhen(true)] out RpcMethod? method) => _methods.TryGetValue(name, out method);

    public bool TryGet(ReadOnlySpan<char> name, [NotNullWhen(true)] out RpcMethod? method) => _spanLookup.TryGetValue(name, out method);
}
