using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;

namespace TrustChain.Chain.Abi;

/// <summary>
/// An event: topic0 = keccak(signature) (absent when anonymous), indexed parameters as further topics (reference
/// types hashed as Solidity does), the rest ABI-encoded as the log data.
/// </summary>
public sealed class AbiEvent
{
    private readonly AbiType[] _dataTypes;
    private readonly int _indexedCount;

    public AbiEvent(string name, IReadOnlyList<AbiParameter> inputs, bool anonymous = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Name = name;
        Inputs = inputs.ToArray();
        Anonymous = anonymous;
        Signature = AbiSignature.Of(name, Inputs);
        Topic0 = Keccak256.Compute(System.Text.Encoding.UTF8.GetBytes(Signature));
        _indexedCount = Inputs.Count(static p => p.Indexed);
        if (_indexedCount > (anonymous ? 4 : 3))
        {
            throw new AbiException($"event {Signature} has {_indexedCount} indexed parameters; at most {(anonymous ? 4 : 3)} fit in a log");
        }

        _dataTypes = Inputs.Where(static p => !p.Indexed).Select(static p => p.Type).ToArray();
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public bool Anonymous { get; }

    public string Signature { get; }

    public Hash256 Topic0 { get; }

    /// <summary>Parses "Transfer(address indexed from, address indexed to, uint256 value)".</summary>
    public static AbiEvent Parse(string declaration) => HumanReadableAbi.ParseEvent(declaration);

    /// <summary>The log for <paramref name="values"/>, given for all inputs in declaration order.</summary>
    public LogEntry Encode(Address contract, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Inputs.Count)
        {
            throw new AbiException($"event {Signature} expects {Inputs.Count} values, got {values.Length}");
        }

        Hash256[] topics = new Hash256[_indexedCount + (Anonymous ? 0 : 1)];
        object?[] data = new object?[_dataTypes.Length];
        int t = 0;
        if (!Anonymous)
        {
            topics[t++] = Topic0;
        }

        int d = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (Inputs[i].Indexed)
            {
                topics[t++] = AbiEncoder.EncodeTopic(Inputs[i].Type, values[i]);
            }
            else
            {
                data[d++] = values[i];
            }
        }

        return new LogEntry(contract, topics, AbiEncoder.Encode(_dataTypes, data));
    }

    /// <summary>
    /// Values in declaration order. Indexed static values are decoded from their topics; indexed reference types only
    /// survive as their hash, returned as <see cref="Hash256"/>.
    /// </summary>
    public object[] Decode(LogEntry log)
    {
        ArgumentNullException.ThrowIfNull(log);
        int expectedTopics = _indexedCount + (Anonymous ? 0 : 1);
        if (log.Topics.Count != expectedTopics || (!Anonymous && log.Topics[0] != Topic0))
        {
            throw new AbiException($"log is not a {Signature} event");
        }

        object[] data = AbiDecoder.Decode(_dataTypes, log.Data);
        object[] values = new object[Inputs.Count];
        int t = Anonymous ? 0 : 1;
        int d = 0;
        for (int i = 0; i < values.Length; i++)
        {
            AbiParameter p = Inputs[i];
            if (!p.Indexed)
            {
                values[i] = data[d++];
            }
            else if (p.Type.IsDynamic || p.Type.Kind is AbiTypeKind.Tuple or AbiTypeKind.FixedArray)
            {
                values[i] = log.Topics[t++];
            }
            else
            {
                values[i] = AbiDecoder.Decode(p.Type, log.Topics[t++].Bytes);
            }
        }

        return values;
    }

    public override string ToString() => Signature;
}
